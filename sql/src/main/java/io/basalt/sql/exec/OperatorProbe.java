package io.basalt.sql.exec;

import org.apache.calcite.linq4j.AbstractEnumerable;
import org.apache.calcite.linq4j.Enumerable;
import org.apache.calcite.linq4j.Enumerator;

/**
 * What EXPLAIN ANALYZE measures of one operator: the rows it produced and the time spent in it,
 * its inputs included (as PostgreSQL reports "actual time"). Wraps the operator's output; one per
 * operator of one instrumented plan, which is never cached with other executions, so plain fields.
 */
public final class OperatorProbe {
    private long rows;
    private long nanos;

    /** Called by generated code around the operator's output. */
    public <T> Enumerable<T> wrap(Enumerable<T> input) {
        return new AbstractEnumerable<>() {
            @Override
            public Enumerator<T> enumerator() {
                long start = System.nanoTime();
                Enumerator<T> inner = input.enumerator();
                nanos += System.nanoTime() - start;
                return new Enumerator<>() {
                    @Override
                    public T current() {
                        return inner.current();
                    }

                    @Override
                    public boolean moveNext() {
                        long begin = System.nanoTime();
                        boolean moved = inner.moveNext();
                        nanos += System.nanoTime() - begin;
                        if (moved) {
                            rows++;
                        }
                        return moved;
                    }

                    @Override
                    public void reset() {
                        inner.reset();
                    }

                    @Override
                    public void close() {
                        inner.close();
                    }
                };
            }
        };
    }

    public long rows() {
        return rows;
    }

    public double millis() {
        return nanos / 1_000_000.0;
    }
}

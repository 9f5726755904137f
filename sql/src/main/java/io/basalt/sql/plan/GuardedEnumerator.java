package io.basalt.sql.plan;

import io.basalt.txn.Cancellation;
import org.apache.calcite.linq4j.Enumerator;

/**
 * An enumerator over generated code that turns class-initialisation errors into exceptions (see
 * {@link GeneratedCodeFailure}) and stops a cancelled statement before each row (57014): with the
 * check in the transaction's scans, a cancel is noticed within a row whether the plan streams rows or
 * consumes its inputs whole (aggregates, sorts, joins).
 */
final class GuardedEnumerator implements Enumerator<Object> {
    private final Enumerator<Object> delegate;
    private final Cancellation cancellation;

    GuardedEnumerator(Enumerator<Object> delegate, Cancellation cancellation) {
        this.delegate = delegate;
        this.cancellation = cancellation;
    }

    @Override
    public Object current() {
        try {
            return delegate.current();
        } catch (ExceptionInInitializerError | NoClassDefFoundError e) {
            throw new GeneratedCodeFailure(e);
        }
    }

    @Override
    public boolean moveNext() {
        cancellation.check();
        try {
            return delegate.moveNext();
        } catch (ExceptionInInitializerError | NoClassDefFoundError e) {
            throw new GeneratedCodeFailure(e);
        }
    }

    @Override
    public void reset() {
        delegate.reset();
    }

    @Override
    public void close() {
        delegate.close();
    }
}

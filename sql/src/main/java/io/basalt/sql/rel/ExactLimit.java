package io.basalt.sql.rel;

import java.lang.reflect.Method;
import java.util.List;
import org.apache.calcite.DataContext;
import org.apache.calcite.adapter.enumerable.EnumerableConvention;
import org.apache.calcite.adapter.enumerable.EnumerableLimit;
import org.apache.calcite.adapter.enumerable.EnumerableRel;
import org.apache.calcite.adapter.enumerable.EnumerableRelImplementor;
import org.apache.calcite.adapter.enumerable.PhysType;
import org.apache.calcite.adapter.enumerable.PhysTypeImpl;
import org.apache.calcite.linq4j.AbstractEnumerable;
import org.apache.calcite.linq4j.Enumerable;
import org.apache.calcite.linq4j.Enumerator;
import org.apache.calcite.linq4j.tree.BlockBuilder;
import org.apache.calcite.linq4j.tree.Expression;
import org.apache.calcite.linq4j.tree.Expressions;
import org.apache.calcite.linq4j.tree.Types;
import org.apache.calcite.plan.RelTraitSet;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rex.RexDynamicParam;
import org.apache.calcite.rex.RexLiteral;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.util.BuiltInMethod;

/**
 * A LIMIT that never asks its input for a row past the last one it returns. Calcite's limit is a
 * take-while, which pulls one row more to learn that it is done; over a locking scan that extra
 * row would be read and locked (FOR UPDATE under {@code ORDER BY key FETCH FIRST 1 ROWS}, the
 * oldest-new-order query of TPC-C's Delivery, would lock two orders instead of one).
 */
public final class ExactLimit extends EnumerableLimit {
    private static final Method TAKE = Types.lookupMethod(ExactLimit.class, "take", Enumerable.class, Integer.class);

    private ExactLimit(RelNode input, RexNode offset, RexNode fetch) {
        super(input.getCluster(), input.getTraitSet().replace(EnumerableConvention.INSTANCE), input, offset, fetch);
    }

    static ExactLimit of(RelNode input, RexNode offset, RexNode fetch) {
        return new ExactLimit(input, offset, fetch);
    }

    @Override
    public ExactLimit copy(RelTraitSet traitSet, List<RelNode> newInputs) {
        return new ExactLimit(sole(newInputs), offset, fetch);
    }

    @Override
    public Result implement(EnumerableRelImplementor implementor, Prefer pref) {
        BlockBuilder builder = new BlockBuilder();
        Result input = implementor.visitChild(this, 0, (EnumerableRel) getInput(), pref);
        PhysType physType = PhysTypeImpl.of(implementor.getTypeFactory(), getRowType(), input.format);
        Expression rows = builder.append("child", input.block);
        if (offset != null) {
            rows = builder.append("offset", Expressions.call(rows, BuiltInMethod.SKIP.method, count(offset)));
        }
        if (fetch != null) {
            rows = builder.append("fetch", Expressions.call(TAKE, rows, Expressions.convert_(count(fetch), Integer.class)));
        }
        builder.add(Expressions.return_(null, rows));
        return implementor.result(physType, builder.toBlock());
    }

    private static Expression count(RexNode node) {
        if (node instanceof RexDynamicParam parameter) {
            return Expressions.convert_(Expressions.call(DataContext.ROOT, BuiltInMethod.DATA_CONTEXT_GET.method,
                    Expressions.constant("?" + parameter.getIndex())), Integer.class);
        }
        return Expressions.constant(RexLiteral.intValue(node));
    }

    /** Called by generated code: the first {@code count} rows, pulling no more than that. */
    public static <T> Enumerable<T> take(Enumerable<T> source, Integer count) {
        int limit = count == null ? Integer.MAX_VALUE : count; // LIMIT NULL: no limit, as in PostgreSQL
        return new AbstractEnumerable<>() {
            @Override
            public Enumerator<T> enumerator() {
                Enumerator<T> rows = source.enumerator();
                return new Enumerator<>() {
                    private int taken;

                    @Override
                    public T current() {
                        return rows.current();
                    }

                    @Override
                    public boolean moveNext() {
                        if (taken >= limit) {
                            return false;
                        }
                        taken++;
                        return rows.moveNext();
                    }

                    @Override
                    public void reset() {
                        rows.reset();
                        taken = 0;
                    }

                    @Override
                    public void close() {
                        rows.close();
                    }
                };
            }
        };
    }
}

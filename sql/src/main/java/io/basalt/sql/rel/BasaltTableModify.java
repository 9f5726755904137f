package io.basalt.sql.rel;

import org.apache.calcite.linq4j.Enumerable;
import org.apache.calcite.DataContext;
import org.apache.calcite.linq4j.tree.Types;
import java.lang.reflect.Method;
import io.basalt.sql.exec.TableModifySpec;
import io.basalt.sql.schema.BasaltTable;
import java.util.List;
import org.apache.calcite.adapter.enumerable.EnumerableConvention;
import org.apache.calcite.adapter.enumerable.EnumerableRel;
import org.apache.calcite.adapter.enumerable.EnumerableRelImplementor;
import org.apache.calcite.adapter.enumerable.JavaRowFormat;
import org.apache.calcite.adapter.enumerable.PhysType;
import org.apache.calcite.adapter.enumerable.PhysTypeImpl;
import org.apache.calcite.linq4j.tree.BlockBuilder;
import org.apache.calcite.linq4j.tree.Expression;
import org.apache.calcite.linq4j.tree.Expressions;
import org.apache.calcite.plan.RelOptCluster;
import org.apache.calcite.plan.RelOptTable;
import org.apache.calcite.plan.RelTraitSet;
import org.apache.calcite.prepare.Prepare;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.TableModify;
import org.apache.calcite.rex.RexNode;

/**
 * INSERT, UPDATE or DELETE of a Basalt table, in the statement's transaction (see
 * {@link TableModifySpec} for the row shapes and the assignment rules). Produces one row: the count.
 */
public final class BasaltTableModify extends TableModify implements EnumerableRel {
    private static final Method EXECUTE =
            Types.lookupMethod(TableModifySpec.class, "execute", DataContext.class, Enumerable.class);

    private final int partitionCount;

    public BasaltTableModify(RelOptCluster cluster, RelTraitSet traits, RelOptTable table,
                             Prepare.CatalogReader catalogReader, RelNode input, Operation operation,
                             List<String> updateColumnList, List<RexNode> sourceExpressionList, int partitionCount) {
        super(cluster, traits.replace(EnumerableConvention.INSTANCE), table, catalogReader, input, operation,
                updateColumnList, sourceExpressionList, false);
        this.partitionCount = partitionCount;
    }

    @Override
    public RelNode copy(RelTraitSet traitSet, List<RelNode> inputs) {
        return new BasaltTableModify(getCluster(), traitSet, getTable(), getCatalogReader(), sole(inputs),
                getOperation(), getUpdateColumnList(), getSourceExpressionList(), partitionCount);
    }

    @Override
    public Result implement(EnumerableRelImplementor implementor, Prefer pref) {
        BasaltTable table = getTable().unwrapOrThrow(BasaltTable.class);
        Result input = implementor.visitChild(this, 0, (EnumerableRel) getInput(), Prefer.ARRAY);
        BlockBuilder builder = new BlockBuilder();
        Expression inputRows = builder.append("input", input.block);
        Expression asArrays = input.physType.convertTo(inputRows, JavaRowFormat.ARRAY);
        List<String> updates = getUpdateColumnList() == null ? List.of() : getUpdateColumnList();
        int[] updateColumns = updates.stream().mapToInt(name -> table.descriptor().columnIndex(name)).toArray();
        TableModifySpec spec = new TableModifySpec(table.descriptor(),
                TableModifySpec.Operation.valueOf(getOperation().name()), updateColumns);
        Expression stashed = implementor.stash(spec, TableModifySpec.class);
        builder.add(Expressions.return_(null,
                Expressions.call(stashed, EXECUTE, implementor.getRootExpression(), asArrays)));
        PhysType physType = PhysTypeImpl.of(implementor.getTypeFactory(), getRowType(), JavaRowFormat.SCALAR);
        return implementor.result(physType, builder.toBlock());
    }
}

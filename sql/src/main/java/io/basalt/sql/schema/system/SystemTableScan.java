package io.basalt.sql.schema.system;

import java.util.List;
import org.apache.calcite.adapter.enumerable.EnumerableConvention;
import org.apache.calcite.adapter.enumerable.EnumerableRel;
import org.apache.calcite.adapter.enumerable.EnumerableRelImplementor;
import org.apache.calcite.adapter.enumerable.JavaRowFormat;
import org.apache.calcite.adapter.enumerable.PhysType;
import org.apache.calcite.adapter.enumerable.PhysTypeImpl;
import org.apache.calcite.linq4j.tree.Blocks;
import org.apache.calcite.linq4j.tree.Expression;
import org.apache.calcite.linq4j.tree.Expressions;
import org.apache.calcite.plan.RelOptCluster;
import org.apache.calcite.plan.RelOptTable;
import org.apache.calcite.plan.RelTraitSet;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.TableScan;

/**
 * Reads a {@link SystemTable}: the generated code calls {@link SystemTable#scan} on the stashed
 * table, as {@code BasaltTableScan} does with its scan spec. It is created already enumerable by
 * {@link SystemTable#toRel}, so no planner rule is needed; filters and sorts stay above it.
 *
 * <p>Calcite's own {@code EnumerableTableScan} would not do: its generated code finds the table
 * through {@code DataContext.getRootSchema()}, which Basalt's statement context does not provide
 * (plans are shared by every session and bound to no schema object at run time).
 */
public final class SystemTableScan extends TableScan implements EnumerableRel {

    SystemTableScan(RelOptCluster cluster, RelOptTable table) {
        this(cluster, cluster.traitSetOf(EnumerableConvention.INSTANCE), table);
    }

    private SystemTableScan(RelOptCluster cluster, RelTraitSet traits, RelOptTable table) {
        super(cluster, traits, List.of(), table);
    }

    @Override
    public RelNode copy(RelTraitSet traitSet, List<RelNode> inputs) {
        return new SystemTableScan(getCluster(), traitSet, table);
    }

    @Override
    public Result implement(EnumerableRelImplementor implementor, Prefer pref) {
        // optimize=false: even a one-column row stays an Object[], which is what SystemTable produces.
        PhysType physType = PhysTypeImpl.of(implementor.getTypeFactory(), getRowType(), JavaRowFormat.ARRAY, false);
        Expression systemTable = implementor.stash(table.unwrapOrThrow(SystemTable.class), SystemTable.class);
        return implementor.result(physType,
                Blocks.toBlock(Expressions.call(systemTable, "scan", implementor.getRootExpression())));
    }
}

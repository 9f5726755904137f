package io.basalt.sql.rel;

import io.basalt.sql.exec.ValuesSpec;
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
import org.apache.calcite.plan.RelOptCost;
import org.apache.calcite.plan.RelOptPlanner;
import org.apache.calcite.plan.RelTraitSet;
import org.apache.calcite.rel.AbstractRelNode;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.RelWriter;
import org.apache.calcite.rel.metadata.RelMetadataQuery;
import org.apache.calcite.rel.type.RelDataType;

/**
 * The rows of a long VALUES list, handed to the generated code as data ({@link ValuesSpec}, through
 * the plan's stash) instead of as code. Calcite's {@code EnumerableValues} writes every value into
 * the generated method, and Java limits a method to 64 KB of bytecode: a few thousand rows of
 * {@code INSERT ... VALUES} failed to compile. Created before optimisation by
 * {@code io.basalt.sql.plan.LargeValues}; it is not a {@code Values}, so Calcite's rules do not
 * try to fold it.
 */
public final class BasaltValues extends AbstractRelNode implements EnumerableRel {
    private final RelDataType valuesRowType;
    private final ValuesSpec spec;

    public BasaltValues(RelOptCluster cluster, RelDataType rowType, ValuesSpec spec) {
        super(cluster, cluster.traitSetOf(EnumerableConvention.INSTANCE));
        this.valuesRowType = rowType;
        this.spec = spec;
    }

    @Override
    protected RelDataType deriveRowType() {
        return valuesRowType;
    }

    @Override
    public RelNode copy(RelTraitSet traitSet, List<RelNode> inputs) {
        return this;
    }

    @Override
    public RelWriter explainTerms(RelWriter pw) {
        // The spec prints as its row count (the digest would otherwise be as long as the statement)
        // and compares by identity, so the planner never takes two lists for one.
        return super.explainTerms(pw).item("rows", spec);
    }

    @Override
    public double estimateRowCount(RelMetadataQuery mq) {
        return spec.rowCount();
    }

    @Override
    public RelOptCost computeSelfCost(RelOptPlanner planner, RelMetadataQuery mq) {
        double rows = spec.rowCount();
        return planner.getCostFactory().makeCost(rows, rows, 0);
    }

    @Override
    public Result implement(EnumerableRelImplementor implementor, Prefer pref) {
        // optimize=false: even a one-column row stays an Object[], which is what ValuesSpec produces.
        PhysType physType = PhysTypeImpl.of(implementor.getTypeFactory(), getRowType(), JavaRowFormat.ARRAY, false);
        Expression stashed = implementor.stash(spec, ValuesSpec.class);
        return implementor.result(physType,
                Blocks.toBlock(Expressions.call(stashed, "execute", implementor.getRootExpression())));
    }
}

package io.basalt.sql.rel;

import io.basalt.sql.exec.OperatorProbe;
import java.lang.reflect.Method;
import java.util.List;
import org.apache.calcite.linq4j.Enumerable;
import org.apache.calcite.linq4j.tree.Types;
import org.apache.calcite.adapter.enumerable.EnumerableRel;
import org.apache.calcite.adapter.enumerable.EnumerableRelImplementor;
import org.apache.calcite.linq4j.tree.BlockBuilder;
import org.apache.calcite.linq4j.tree.Expression;
import org.apache.calcite.linq4j.tree.Expressions;
import org.apache.calcite.plan.RelTraitSet;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.SingleRel;

/**
 * EXPLAIN ANALYZE's measuring point: passes its input's rows through an {@link OperatorProbe}.
 * Inserted above every operator of a physical plan after optimisation (see {@link #instrument}),
 * so it changes neither the plan's shape nor its traits.
 */
public final class ProbeRel extends SingleRel implements EnumerableRel {
    private static final Method WRAP = Types.lookupMethod(OperatorProbe.class, "wrap", Enumerable.class);

    private final OperatorProbe probe;

    private ProbeRel(RelNode input, OperatorProbe probe) {
        super(input.getCluster(), input.getTraitSet(), input);
        this.probe = probe;
    }

    /**
     * Wraps every operator of {@code root} in a probe; {@code probes} receives them in pre-order,
     * the order in which EXPLAIN prints the operators.
     */
    public static RelNode instrument(RelNode root, List<OperatorProbe> probes) {
        OperatorProbe probe = new OperatorProbe();
        probes.add(probe);
        List<RelNode> inputs = root.getInputs().stream().map(input -> instrument(input, probes)).toList();
        RelNode node = inputs.isEmpty() ? root : root.copy(root.getTraitSet(), inputs);
        return new ProbeRel(node, probe);
    }

    @Override
    public RelNode copy(RelTraitSet traitSet, List<RelNode> inputs) {
        return new ProbeRel(sole(inputs), probe);
    }

    @Override
    public Result implement(EnumerableRelImplementor implementor, Prefer pref) {
        Result child = implementor.visitChild(this, 0, (EnumerableRel) getInput(), pref);
        Expression stashed = implementor.stash(probe, OperatorProbe.class);
        BlockBuilder builder = new BlockBuilder();
        Expression rows = builder.append("probed", child.block);
        builder.add(Expressions.return_(null, Expressions.call(stashed, WRAP, rows)));
        return implementor.result(child.physType, builder.toBlock());
    }
}

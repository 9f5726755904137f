package io.basalt.sql.rel;

import java.util.List;
import java.util.function.Function;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexShuttle;

/** Applies an expression rewrite to every node of a plan, inputs first, copying only what changes. */
public final class RexRewrites {
    private RexRewrites() {
    }

    public static RelNode everywhere(RelNode node, Function<RexBuilder, RexShuttle> rewriter) {
        List<RelNode> inputs = node.getInputs().stream().map(input -> everywhere(input, rewriter)).toList();
        RelNode withInputs = inputs.equals(node.getInputs()) ? node : node.copy(node.getTraitSet(), inputs);
        return withInputs.accept(rewriter.apply(withInputs.getCluster().getRexBuilder()));
    }
}

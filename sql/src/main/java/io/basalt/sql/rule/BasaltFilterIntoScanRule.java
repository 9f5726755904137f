package io.basalt.sql.rule;

import io.basalt.sql.rel.BasaltTableScan;
import io.basalt.sql.rel.KeyAccess;
import org.apache.calcite.plan.RelOptRuleCall;
import org.apache.calcite.plan.RelRule;
import org.apache.calcite.rel.core.Filter;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexUtil;
import org.apache.calcite.rel.core.RelFactories;
import org.apache.calcite.tools.RelBuilderFactory;

/**
 * Gives a full {@link BasaltTableScan} under a filter the primary-key access the filter allows
 * (see {@link KeyAccessExtractor}). The filter stays on top: the keyed scan only reads fewer rows.
 * The planner then prefers the keyed scan because it is cheaper.
 */
final class BasaltFilterIntoScanRule extends RelRule<BasaltFilterIntoScanRule.Config> {

    BasaltFilterIntoScanRule(Config config) {
        super(config);
    }

    @Override
    public void onMatch(RelOptRuleCall call) {
        Filter filter = call.rel(0);
        BasaltTableScan scan = call.rel(1);
        // Calcite folds BETWEEN and IN into SEARCH(column, Sarg); spell them out as comparisons.
        RexNode condition = RexUtil.expandSearch(filter.getCluster().getRexBuilder(), null, filter.getCondition());
        KeyAccess access = KeyAccessExtractor.extract(condition, scan.basaltTable().descriptor());
        if (access.kind() == KeyAccess.Kind.FULL) {
            return;
        }
        call.transformTo(filter.copy(filter.getTraitSet(), scan.withAccess(access), filter.getCondition()));
    }

    /**
     * Rule configuration. Calcite generates these with Immutables; a record does the same job
     * without adding an annotation processor to the build.
     */
    record Config(String description, RelBuilderFactory relBuilderFactory, OperandTransform operandSupplier)
            implements RelRule.Config {
        static final Config DEFAULT = new Config("BasaltFilterIntoScanRule", RelFactories.LOGICAL_BUILDER,
                b0 -> b0.operand(Filter.class).oneInput(b1 -> b1.operand(BasaltTableScan.class)
                        .predicate(scan -> scan.access().kind() == KeyAccess.Kind.FULL).noInputs()));

        @Override
        public BasaltFilterIntoScanRule toRule() {
            return new BasaltFilterIntoScanRule(this);
        }

        @Override
        public Config withRelBuilderFactory(RelBuilderFactory factory) {
            return new Config(description, factory, operandSupplier);
        }

        @Override
        public Config withDescription(String newDescription) {
            return new Config(newDescription, relBuilderFactory, operandSupplier);
        }

        @Override
        public Config withOperandSupplier(OperandTransform transform) {
            return new Config(description, relBuilderFactory, transform);
        }
    }
}

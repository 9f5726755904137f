package io.basalt.sql.rule;

import io.basalt.sql.catalog.IndexDescriptor;
import io.basalt.sql.catalog.TableDescriptor;
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
 * Gives a full {@link BasaltTableScan} under a filter the primary-key access, and each access
 * through a public secondary index, that the filter allows (see {@link KeyAccessExtractor}). The
 * filter stays on top: a keyed scan only reads fewer rows. The planner then picks the cheapest
 * (see {@code BasaltTableScan#computeSelfCost}).
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
        TableDescriptor table = scan.basaltTable().descriptor();
        offer(call, filter, scan, KeyAccessExtractor.extract(condition, table));
        for (IndexDescriptor index : table.indexes()) {
            if (index.isPublic()) {
                offer(call, filter, scan, KeyAccessExtractor.extract(condition, index, table));
            }
        }
    }

    /** Registers the filtered scan with this access as an equivalent plan; the cheapest wins. */
    private static void offer(RelOptRuleCall call, Filter filter, BasaltTableScan scan, KeyAccess access) {
        if (access.kind() != KeyAccess.Kind.FULL) {
            call.transformTo(filter.copy(filter.getTraitSet(), scan.withAccess(access), filter.getCondition()));
        }
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

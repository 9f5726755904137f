package io.basalt.sql.rule;

import java.util.List;
import org.apache.calcite.plan.RelOptRule;

/** Basalt's planner rules: how Calcite's logical plans reach Basalt's tables. */
public final class BasaltRules {
    private BasaltRules() {
    }

    public static List<RelOptRule> all(int partitionCount) {
        return List.of(
                BasaltTableScanRule.create(partitionCount),
                BasaltFilterIntoScanRule.Config.DEFAULT.toRule(),
                BasaltTableModifyRule.create(partitionCount));
    }
}

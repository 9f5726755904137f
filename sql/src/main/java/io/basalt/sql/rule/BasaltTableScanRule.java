package io.basalt.sql.rule;

import io.basalt.sql.rel.BasaltTableScan;
import io.basalt.sql.rel.KeyAccess;
import io.basalt.sql.schema.BasaltTable;
import org.apache.calcite.adapter.enumerable.EnumerableConvention;
import org.apache.calcite.plan.Convention;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.convert.ConverterRule;
import org.apache.calcite.rel.logical.LogicalTableScan;

/** A scan of a Basalt table becomes a {@link BasaltTableScan} of every partition. */
final class BasaltTableScanRule extends ConverterRule {
    private final int partitionCount;

    BasaltTableScanRule(Config config, int partitionCount) {
        super(config);
        this.partitionCount = partitionCount;
    }

    static BasaltTableScanRule create(int partitionCount) {
        return Config.INSTANCE
                .withConversion(LogicalTableScan.class, Convention.NONE, EnumerableConvention.INSTANCE,
                        "BasaltTableScanRule")
                .withRuleFactory(config -> new BasaltTableScanRule(config, partitionCount))
                .toRule(BasaltTableScanRule.class);
    }

    @Override
    public RelNode convert(RelNode rel) {
        LogicalTableScan scan = (LogicalTableScan) rel;
        if (scan.getTable().unwrap(BasaltTable.class) == null) {
            return null;
        }
        return new BasaltTableScan(scan.getCluster(), scan.getTraitSet(), scan.getTable(), KeyAccess.FULL,
                partitionCount);
    }
}

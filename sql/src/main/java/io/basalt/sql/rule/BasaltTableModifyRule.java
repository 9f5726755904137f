package io.basalt.sql.rule;

import io.basalt.common.error.BasaltException;
import io.basalt.common.error.SqlState;
import io.basalt.sql.rel.BasaltTableModify;
import io.basalt.sql.schema.BasaltTable;
import org.apache.calcite.adapter.enumerable.EnumerableConvention;
import org.apache.calcite.plan.Convention;
import org.apache.calcite.plan.RelTraitSet;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.convert.ConverterRule;
import org.apache.calcite.rel.core.TableModify;
import org.apache.calcite.rel.logical.LogicalTableModify;

/** INSERT, UPDATE and DELETE of a Basalt table become a {@link BasaltTableModify}. */
final class BasaltTableModifyRule extends ConverterRule {
    private final int partitionCount;

    BasaltTableModifyRule(Config config, int partitionCount) {
        super(config);
        this.partitionCount = partitionCount;
    }

    static BasaltTableModifyRule create(int partitionCount) {
        return Config.INSTANCE
                .withConversion(LogicalTableModify.class, Convention.NONE, EnumerableConvention.INSTANCE,
                        "BasaltTableModifyRule")
                .withRuleFactory(config -> new BasaltTableModifyRule(config, partitionCount))
                .toRule(BasaltTableModifyRule.class);
    }

    @Override
    public RelNode convert(RelNode rel) {
        TableModify modify = (TableModify) rel;
        if (modify.getTable().unwrap(BasaltTable.class) == null) {
            return null;
        }
        if (modify.getOperation() == TableModify.Operation.MERGE) {
            throw new BasaltException(SqlState.FEATURE_NOT_SUPPORTED, "MERGE is not supported");
        }
        RelTraitSet traits = modify.getTraitSet().replace(EnumerableConvention.INSTANCE);
        return new BasaltTableModify(modify.getCluster(), traits, modify.getTable(), modify.getCatalogReader(),
                convert(modify.getInput(), traits), modify.getOperation(), modify.getUpdateColumnList(),
                modify.getSourceExpressionList(), partitionCount);
    }
}

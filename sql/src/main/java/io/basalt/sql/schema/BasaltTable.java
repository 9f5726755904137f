package io.basalt.sql.schema;

import io.basalt.sql.catalog.ColumnDescriptor;
import io.basalt.sql.catalog.TableDescriptor;
import io.basalt.sql.type.RelTypes;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.schema.Statistic;
import org.apache.calcite.schema.Statistics;
import org.apache.calcite.schema.impl.AbstractTable;
import org.apache.calcite.sql2rel.InitializerExpressionFactory;
import org.apache.calcite.util.ImmutableBitSet;

/**
 * A catalog table as Calcite sees it: its row type (in the query or the assignment view, see
 * {@link RelTypes}), its primary key as a unique key for the planner, and its column defaults.
 * Scans and modifications of it become {@code BasaltTableScan} and {@code BasaltTableModify}
 * through the rules in {@code io.basalt.sql.rule}.
 */
public final class BasaltTable extends AbstractTable {
    /** Without statistics, assume a table is big enough that a key lookup always beats a scan. */
    static final double ASSUMED_ROW_COUNT = 10_000;

    private final TableDescriptor descriptor;
    private final boolean assignmentView;
    private final ColumnDefaults defaults;

    public BasaltTable(TableDescriptor descriptor, boolean assignmentView) {
        this.descriptor = descriptor;
        this.assignmentView = assignmentView;
        this.defaults = new ColumnDefaults(descriptor);
    }

    public TableDescriptor descriptor() {
        return descriptor;
    }

    @Override
    public RelDataType getRowType(RelDataTypeFactory factory) {
        RelDataTypeFactory.Builder builder = factory.builder();
        for (ColumnDescriptor column : descriptor.columns()) {
            builder.add(column.name(), assignmentView
                    ? RelTypes.assignmentType(factory, column.type(), column.nullable())
                    : RelTypes.queryType(factory, column.type(), column.nullable()));
        }
        return builder.build();
    }

    @Override
    public Statistic getStatistic() {
        List<Integer> key = new ArrayList<>();
        for (int position : descriptor.primaryKey()) {
            key.add(position);
        }
        // No collation: rows are in key order within a partition only, never across partitions.
        return Statistics.of(ASSUMED_ROW_COUNT, List.of(ImmutableBitSet.of(key)), List.of());
    }

    @Override
    public <C> C unwrap(Class<C> type) {
        if (type.isInstance(defaults) && type == InitializerExpressionFactory.class) {
            return type.cast(defaults);
        }
        return super.unwrap(type);
    }
}

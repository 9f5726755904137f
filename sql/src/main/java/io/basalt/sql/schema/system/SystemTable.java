package io.basalt.sql.schema.system;

import io.basalt.sql.catalog.Catalog;
import io.basalt.sql.catalog.ColumnDescriptor;
import io.basalt.sql.exec.ExecutionContext;
import io.basalt.sql.type.RelTypes;
import io.basalt.txn.TxnStats;
import java.util.List;
import java.util.function.Function;
import org.apache.calcite.DataContext;
import org.apache.calcite.linq4j.Enumerable;
import org.apache.calcite.linq4j.Linq4j;
import org.apache.calcite.plan.RelOptTable;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.schema.Statistic;
import org.apache.calcite.schema.Statistics;
import org.apache.calcite.schema.TranslatableTable;
import org.apache.calcite.schema.impl.AbstractTable;

/**
 * A read-only table of {@link SystemSchema}: a view of a {@link Catalog} snapshot or of the
 * transaction counters, computed each time a statement reads it (from a {@link SystemTableContext}).
 * Its columns are {@link ColumnDescriptor}s like a user table's, so the system tables describe
 * themselves in {@code COLUMNS}.
 *
 * <p>Rows come from the catalog the running statement started with ({@link ExecutionContext#catalog()}),
 * not the one the plan was made for. The two only differ if DDL commits between planning and
 * execution; reading at execution is the fresher answer and costs nothing, since plans are cached
 * by catalog version anyway. The planning catalog is the fallback for callers that run a plan
 * without one (tests). The counters are those of the statement's transaction manager
 * ({@link ExecutionContext#transactions()}); such callers have none.
 *
 * <p>Values are in Calcite's internal representation for the column types used here: VARCHAR as
 * {@code String}, INTEGER as {@code Integer}, BIGINT as {@code Long}, BOOLEAN as {@code Boolean}.
 */
public final class SystemTable extends AbstractTable implements TranslatableTable {
    /** A guess for the planner; only joins between system tables care, and any small number will do. */
    private static final double ASSUMED_ROW_COUNT = 100;

    private final String name;
    private final List<ColumnDescriptor> columns;
    private final Function<SystemTableContext, List<Object[]>> rows;
    private final Catalog planned;

    SystemTable(String name, List<ColumnDescriptor> columns, Function<SystemTableContext, List<Object[]>> rows,
            Catalog planned) {
        this.name = name;
        this.columns = List.copyOf(columns);
        this.rows = rows;
        this.planned = planned;
    }

    public String name() {
        return name;
    }

    public List<ColumnDescriptor> columns() {
        return columns;
    }

    @Override
    public RelDataType getRowType(RelDataTypeFactory factory) {
        RelDataTypeFactory.Builder builder = factory.builder();
        for (ColumnDescriptor column : columns) {
            builder.add(column.name(), RelTypes.queryType(factory, column.type(), column.nullable()));
        }
        return builder.build();
    }

    @Override
    public Statistic getStatistic() {
        return Statistics.of(ASSUMED_ROW_COUNT, List.of());
    }

    @Override
    public RelNode toRel(RelOptTable.ToRelContext context, RelOptTable relOptTable) {
        return new SystemTableScan(context.getCluster(), relOptTable);
    }

    /**
     * Called by generated code. A row lock ({@code FOR UPDATE}, or a DML statement's reads under
     * two-phase locking) has nothing to lock here: these rows are not stored, and the catalog
     * changes only through DDL, which no row lock holds back.
     */
    public Enumerable<Object[]> scan(DataContext context) {
        ExecutionContext execution = (ExecutionContext) context.get(ExecutionContext.KEY);
        Catalog catalog = execution != null && execution.catalog() != null ? execution.catalog() : planned;
        TxnStats txnStats = execution != null && execution.transactions() != null
                ? execution.transactions().stats() : null;
        return Linq4j.asEnumerable(rows.apply(new SystemTableContext(catalog, txnStats)));
    }
}

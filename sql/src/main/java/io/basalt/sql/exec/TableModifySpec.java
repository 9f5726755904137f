package io.basalt.sql.exec;

import io.basalt.sql.catalog.TableDescriptor;
import io.basalt.sql.type.Assignment;
import org.apache.calcite.DataContext;
import org.apache.calcite.linq4j.Enumerable;
import org.apache.calcite.linq4j.Enumerator;
import org.apache.calcite.linq4j.Linq4j;

/**
 * The run-time half of {@code BasaltTableModify}: applies INSERT, UPDATE or DELETE rows to the
 * statement's transaction and returns the row count.
 *
 * <p>Input rows come from the assignment view (see {@code RelTypes}): INSERT rows are whole new
 * rows; UPDATE rows are the old row followed by the new values of {@code updateColumns}; DELETE rows
 * are the old row. Every stored value passes through {@link Assignment}. The writes stay in the
 * transaction's statement buffer until the session flushes it, after the input is exhausted, so
 * the statement never reads its own writes. An UPDATE that moves a row to a new primary key
 * deletes every old key before inserting any new one, so {@code SET id = id + 1} over a run of
 * consecutive ids does not trip over itself (PostgreSQL fails there without deferred constraints).
 *
 * <p>Secondary indexes and foreign keys are handled by {@link RowWrites}, in the same transaction.
 * Their definitions come from the catalog current when the statement runs, not from the plan: a
 * plan may be older than an index being built, and an index in its backfill must already be
 * written by every transaction that started after it appeared (see {@code DdlExecutor#createIndex}).
 */
public final class TableModifySpec {
    public enum Operation { INSERT, UPDATE, DELETE }

    private final TableDescriptor table;
    private final Operation operation;
    private final int[] updateColumns;

    public TableModifySpec(TableDescriptor table, Operation operation, int[] updateColumns) {
        this.table = table;
        this.operation = operation;
        this.updateColumns = updateColumns.clone();
    }

    /** Called by generated code. */
    public Enumerable<Long> execute(DataContext context, Enumerable<Object[]> input) {
        ExecutionContext execution = (ExecutionContext) context.get(ExecutionContext.KEY);
        RowWrites writes = new RowWrites(execution, table);
        int columnCount = table.columns().size();
        long count = 0;
        try (Enumerator<Object[]> rows = input.enumerator()) {
            while (rows.moveNext()) {
                Object[] row = rows.current();
                switch (operation) {
                    case INSERT -> writes.insert(table, store(row, columnCount));
                    case DELETE -> writes.delete(table, store(row, columnCount));
                    case UPDATE -> {
                        Object[] old = store(row, columnCount);
                        Object[] updated = old.clone();
                        for (int i = 0; i < updateColumns.length; i++) {
                            int position = updateColumns[i];
                            updated[position] = Assignment.toStorage(table.columns().get(position), row[columnCount + i]);
                        }
                        writes.update(table, old, updated);
                    }
                    default -> throw new IllegalStateException(operation.name());
                }
                count++;
            }
        }
        writes.finish();
        return Linq4j.singletonEnumerable(count);
    }

    private Object[] store(Object[] row, int columnCount) {
        Object[] stored = new Object[columnCount];
        for (int i = 0; i < columnCount; i++) {
            stored[i] = Assignment.toStorage(table.columns().get(i), row[i]);
        }
        return stored;
    }
}

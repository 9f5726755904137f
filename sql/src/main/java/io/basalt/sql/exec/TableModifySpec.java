package io.basalt.sql.exec;

import io.basalt.sql.catalog.TableDescriptor;
import io.basalt.sql.type.Assignment;
import io.basalt.txn.Transaction;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
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
 */
public final class TableModifySpec {
    public enum Operation { INSERT, UPDATE, DELETE }

    private final TableDescriptor table;
    private final Operation operation;
    private final int[] updateColumns;
    private final int partitionCount;

    public TableModifySpec(TableDescriptor table, Operation operation, int[] updateColumns, int partitionCount) {
        this.table = table;
        this.operation = operation;
        this.updateColumns = updateColumns.clone();
        this.partitionCount = partitionCount;
    }

    /** Called by generated code. */
    public Enumerable<Long> execute(DataContext context, Enumerable<Object[]> input) {
        ExecutionContext execution = (ExecutionContext) context.get(ExecutionContext.KEY);
        Transaction txn = execution.transaction();
        RowCodec codec = new RowCodec(table, partitionCount);
        int columnCount = table.columns().size();
        List<Object[]> movedRows = new ArrayList<>();
        long count = 0;
        try (Enumerator<Object[]> rows = input.enumerator()) {
            while (rows.moveNext()) {
                Object[] row = rows.current();
                switch (operation) {
                    case INSERT -> {
                        Object[] stored = store(row, columnCount);
                        txn.insert(codec.key(stored), codec.value(stored));
                    }
                    case DELETE -> txn.delete(codec.key(store(row, columnCount)));
                    case UPDATE -> {
                        Object[] old = store(row, columnCount);
                        Object[] updated = old.clone();
                        for (int i = 0; i < updateColumns.length; i++) {
                            int position = updateColumns[i];
                            updated[position] = Assignment.toStorage(table.columns().get(position), row[columnCount + i]);
                        }
                        byte[] oldKey = codec.key(old);
                        byte[] newKey = codec.key(updated);
                        if (Arrays.equals(oldKey, newKey)) {
                            txn.put(newKey, codec.value(updated));
                        } else {
                            txn.delete(oldKey);
                            movedRows.add(updated);
                        }
                    }
                    default -> throw new IllegalStateException(operation.name());
                }
                count++;
            }
        }
        for (Object[] moved : movedRows) {
            txn.insert(codec.key(moved), codec.value(moved));
        }
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

package io.basalt.sql.exec;

import io.basalt.sql.catalog.IndexDescriptor;
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
 *
 * <p>Secondary indexes are maintained in the same transaction (ARCHITECTURE.md section 4), so an
 * index is never out of step with its table. The indexes are those of the catalog current when the
 * statement runs, not of the plan: a plan may be older than an index being built, and an index in
 * its backfill must already be written by every transaction that started after it appeared (see
 * {@code CatalogManager#createIndex}). Old entries are deleted as rows are met; new ones are
 * written after every row of the statement, for the same reason as moved rows: an UPDATE that
 * swaps two unique values is no duplicate.
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
        List<IndexCodec> indexes = maintainedIndexes(execution);
        int columnCount = table.columns().size();
        List<Object[]> movedRows = new ArrayList<>();
        List<Object[]> newEntries = new ArrayList<>(); // {IndexCodec, row}
        long count = 0;
        try (Enumerator<Object[]> rows = input.enumerator()) {
            while (rows.moveNext()) {
                Object[] row = rows.current();
                switch (operation) {
                    case INSERT -> {
                        Object[] stored = store(row, columnCount);
                        txn.insert(codec.key(stored), codec.value(stored));
                        for (IndexCodec index : indexes) {
                            newEntries.add(new Object[] {index, stored});
                        }
                    }
                    case DELETE -> {
                        Object[] stored = store(row, columnCount);
                        txn.delete(codec.key(stored));
                        for (IndexCodec index : indexes) {
                            txn.delete(index.entryKey(stored));
                        }
                    }
                    case UPDATE -> {
                        Object[] old = store(row, columnCount);
                        Object[] updated = old.clone();
                        for (int i = 0; i < updateColumns.length; i++) {
                            int position = updateColumns[i];
                            updated[position] = Assignment.toStorage(table.columns().get(position), row[columnCount + i]);
                        }
                        for (IndexCodec index : indexes) {
                            if (!index.sameEntry(old, updated)) {
                                txn.delete(index.entryKey(old));
                                newEntries.add(new Object[] {index, updated});
                            }
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
        for (Object[] entry : newEntries) {
            writeEntry(txn, (IndexCodec) entry[0], (Object[]) entry[1]);
        }
        return Linq4j.singletonEnumerable(count);
    }

    /** A unique entry is inserted, so that an existing one (another row's) is a duplicate (23505). */
    static void writeEntry(Transaction txn, IndexCodec index, Object[] row) {
        byte[] key = index.entryKey(row);
        byte[] value = index.entryValue(row);
        if (index.index().unique()) {
            txn.insert(key, value);
        } else {
            txn.put(key, value);
        }
    }

    private List<IndexCodec> maintainedIndexes(ExecutionContext execution) {
        TableDescriptor live = execution.catalog() == null ? null : execution.catalog().tableById(table.id());
        List<IndexDescriptor> descriptors = live != null ? live.indexes() : table.indexes();
        if (descriptors.isEmpty()) {
            return List.of();
        }
        TableDescriptor current = live != null ? live : table;
        List<IndexCodec> codecs = new ArrayList<>(descriptors.size());
        for (IndexDescriptor index : descriptors) {
            codecs.add(new IndexCodec(current, index, partitionCount));
        }
        return codecs;
    }

    private Object[] store(Object[] row, int columnCount) {
        Object[] stored = new Object[columnCount];
        for (int i = 0; i < columnCount; i++) {
            stored[i] = Assignment.toStorage(table.columns().get(i), row[i]);
        }
        return stored;
    }
}

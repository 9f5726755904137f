package io.basalt.sql.exec;

import io.basalt.common.error.BasaltException;
import io.basalt.common.error.SqlState;
import io.basalt.sql.catalog.Catalog;
import io.basalt.sql.catalog.ForeignKeyDescriptor;
import io.basalt.sql.catalog.IndexDescriptor;
import io.basalt.sql.catalog.TableDescriptor;
import io.basalt.txn.IsolationLevel;
import io.basalt.txn.KeyValue;
import io.basalt.txn.StatementRetryException;
import io.basalt.txn.Transaction;
import io.basalt.txn.TransactionRetryException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.IntStream;

/**
 * The writes of one DML statement, row by row, with everything a row change implies: its
 * secondary index entries, and referential integrity in both directions (a child row needs its
 * parent; deleting a parent restricts, cascades to or nulls its children, recursively).
 *
 * <p>Order within a statement: rows and old index entries are written as they come; rows whose
 * primary key moved and new index entries are written by {@link #finish()}, after every row, so
 * that an UPDATE shifting keys or swapping unique values is not a duplicate.
 *
 * <p>Concurrency of foreign keys. A child write takes a shared lock on its parent row and reads its
 * latest committed version, so a concurrent delete of the parent waits for the child's transaction,
 * and a parent deleted after the child's snapshot is seen as gone (23503 at READ COMMITTED; 40001
 * above it, where the snapshot still shows the parent).
 * The parent side reads the children in its own transaction, which under SSI leaves read markers
 * and under two-phase locking takes range locks, enough for those levels. At READ COMMITTED and
 * SNAPSHOT a child committed after the deleter's snapshot would be missed, so {@link #finish()},
 * once the parent's deletion holds its exclusive lock (every child writer that locked the parent
 * has ended, and new ones wait), looks for children again at the latest snapshot and locks each
 * one it had not seen; the lock's re-check turns such a child into 40001 or a restart.
 *
 * <p>Not thread-safe: one per statement execution.
 */
public final class RowWrites {
    private final Transaction txn;
    private final int partitionCount;
    private final Catalog catalog;
    private final ExecutionContext execution;
    private final Map<Integer, TableWrites> tables = new HashMap<>();
    private final List<Runnable> deferred = new ArrayList<>();
    private final List<Runnable> latestChecks = new ArrayList<>();
    private final List<Runnable> parentChecks = new ArrayList<>();

    public RowWrites(ExecutionContext execution, TableDescriptor planned) {
        this.execution = execution;
        this.txn = execution.transaction();
        this.partitionCount = execution.partitionCount();
        this.catalog = execution.catalog() != null ? execution.catalog() : new Catalog(0, List.of(planned));
    }

    /** The table as the statement's catalog has it (with indexes the plan may not know), else as planned. */
    private TableWrites table(TableDescriptor table) {
        return tables.computeIfAbsent(table.id(), id -> {
            TableDescriptor live = catalog.tableById(id);
            if (live != null && !live.columns().equals(table.columns())) {
                // ALTER TABLE committed between planning and execution: the rows the plan built are
                // laid out for the old columns. Retryable: the next attempt plans anew.
                throw new TransactionRetryException(SqlState.SERIALIZATION_FAILURE, "the columns of table \""
                        + table.name() + "\" changed while the statement was planned; run it again");
            }
            return new TableWrites(live != null ? live : table);
        });
    }

    public void insert(TableDescriptor table, Object[] row) {
        TableWrites writes = table(table);
        writes.checkParents(row, null);
        txn.insert(writes.rows.key(row), writes.rows.value(row));
        for (IndexCodec index : writes.indexes) {
            deferred.add(() -> writeEntry(index, row));
        }
        if (execution.generatedKeys() != null && writes.identityColumns.length > 0) {
            execution.generatedKeys().inserted(writes.table, writes.identityColumns, row);
        }
    }

    public void delete(TableDescriptor table, Object[] row) {
        TableWrites writes = table(table);
        byte[] key = writes.rows.key(row);
        if (!writes.deleted.add(ByteBuffer.wrap(key))) {
            return; // already deleted by a cascade of this statement
        }
        txn.delete(key);
        for (IndexCodec index : writes.indexes) {
            txn.delete(index.entryKey(row));
        }
        writes.actOnChildren(row, null);
    }

    public void update(TableDescriptor table, Object[] old, Object[] updated) {
        TableWrites writes = table(table);
        writes.checkParents(updated, old);
        writes.actOnChildren(old, updated);
        for (IndexCodec index : writes.indexes) {
            if (!index.sameEntry(old, updated)) {
                txn.delete(index.entryKey(old));
                deferred.add(() -> writeEntry(index, updated));
            }
        }
        byte[] oldKey = writes.rows.key(old);
        byte[] newKey = writes.rows.key(updated);
        if (Arrays.equals(oldKey, newKey)) {
            txn.put(newKey, writes.rows.value(updated));
        } else {
            txn.delete(oldKey);
            deferred.add(() -> txn.insert(newKey, writes.rows.value(updated)));
        }
    }

    /**
     * Writes what had to wait for every row, then checks the foreign keys: children's parents (at
     * the end of the statement, as PostgreSQL does, so a statement may insert a parent and its
     * child together) and, at READ COMMITTED and SNAPSHOT, deleted parents' children at the latest
     * snapshot. The writes are sent first: they make the statement's own rows visible to the checks
     * and take the parents' exclusive locks (every child writer that locked them has ended).
     */
    public void finish() {
        for (Runnable write : deferred) {
            write.run();
        }
        if (!parentChecks.isEmpty() || !latestChecks.isEmpty()) {
            txn.flush();
            for (Runnable check : parentChecks) {
                check.run();
            }
            for (Runnable check : latestChecks) {
                check.run();
            }
        }
    }

    /** A unique entry is inserted, so that an existing one (another row's) is a duplicate (23505). */
    private void writeEntry(IndexCodec index, Object[] row) {
        byte[] key = index.entryKey(row);
        byte[] value = index.entryValue(row);
        if (index.index().unique()) {
            txn.insert(key, value);
        } else {
            txn.put(key, value);
        }
    }

    /** One table's codecs and the constraints that involve it. */
    private final class TableWrites {
        final TableDescriptor table;
        final RowCodec rows;
        final List<IndexCodec> indexes = new ArrayList<>();
        final List<Catalog.Reference> children;
        final int[] identityColumns;
        final Set<ByteBuffer> deleted = new HashSet<>();

        TableWrites(TableDescriptor table) {
            this.table = table;
            this.rows = new RowCodec(table, partitionCount);
            this.identityColumns = IntStream.range(0, table.columns().size())
                    .filter(i -> table.columns().get(i).isIdentity()).toArray();
            for (IndexDescriptor index : table.indexes()) {
                indexes.add(new IndexCodec(table, index, partitionCount));
            }
            this.children = catalog.referencing(table.id());
        }

        /** Child side: each foreign key of a written row must find its parent (unless unchanged by an update), checked by {@link #finish}. */
        void checkParents(Object[] row, Object[] old) {
            for (ForeignKeyDescriptor fk : table.foreignKeys()) {
                Object[] values = project(row, fk.columns());
                if (hasNull(values) || (old != null && Arrays.equals(values, project(old, fk.columns())))) {
                    continue;
                }
                TableDescriptor parent = catalog.tableById(fk.parentTableId());
                parentChecks.add(() -> {
                    if (parent == null || !parentExists(parent, fk, values)) {
                        throw new BasaltException(SqlState.FOREIGN_KEY_VIOLATION, "insert or update on table \""
                                + table.name() + "\" violates foreign key constraint \"" + fk.name() + "\"");
                    }
                });
            }
        }

        /** Shared-locks and reads the parent row: it cannot go away before this transaction ends. */
        private boolean parentExists(TableDescriptor parent, ForeignKeyDescriptor fk, Object[] values) {
            byte[] parentKey;
            if (Arrays.equals(fk.parentColumns(), parent.primaryKey())) {
                RowCodec parentRows = new RowCodec(parent, partitionCount);
                parentKey = parentRows.keyPrefix(parentRows.partitionOf(values), values, values.length);
            } else {
                IndexDescriptor unique = parent.indexes().stream()
                        .filter(i -> i.unique() && Arrays.equals(i.columns(), fk.parentColumns()))
                        .findFirst().orElseThrow(() -> new IllegalStateException("no key for " + fk.name()));
                IndexCodec codec = new IndexCodec(parent, unique, partitionCount);
                Object[] parentRow = new Object[parent.columns().size()];
                int[] parentColumns = fk.parentColumns();
                for (int i = 0; i < parentColumns.length; i++) {
                    parentRow[parentColumns[i]] = values[i];
                }
                byte[] entry = txn.get(codec.entryKey(parentRow));
                if (entry == null) {
                    return false;
                }
                parentKey = codec.rowKey(entry);
            }
            byte[] latest = txn.lockShared(parentKey, execution.noWait());
            boolean visible = txn.get(parentKey) != null; // under SSI also the read marker on the parent
            if (visible && latest == null && txn.isolation() != IsolationLevel.READ_COMMITTED) {
                // Deleted after this snapshot: the child would hang from a row its snapshot still sees.
                throw new TransactionRetryException(SqlState.SERIALIZATION_FAILURE, "could not serialize access:"
                        + " the row referenced by foreign key \"" + fk.name() + "\" was deleted concurrently");
            }
            return latest != null;
        }

        /**
         * Parent side: children of a deleted row are refused, deleted or nulled as their keys say;
         * children of a row whose referenced columns change are refused (NO ACTION).
         */
        void actOnChildren(Object[] old, Object[] updated) {
            for (Catalog.Reference reference : children) {
                ForeignKeyDescriptor fk = reference.foreignKey();
                Object[] values = project(old, fk.parentColumns());
                if (hasNull(values) || (updated != null && Arrays.equals(values, project(updated, fk.parentColumns())))) {
                    continue;
                }
                TableDescriptor child = reference.child();
                ChildRows childRows = new ChildRows(child, fk, partitionCount);
                List<KeyValue> found = childRows.find(txn, values);
                ForeignKeyDescriptor.OnDelete action = updated != null ? ForeignKeyDescriptor.OnDelete.RESTRICT
                        : fk.onDelete();
                RowCodec codec = new RowCodec(child, partitionCount);
                for (KeyValue kv : found) {
                    Object[] childRow = codec.decode(kv.key(), kv.value());
                    if (child.id() == table.id() && Arrays.equals(kv.key(), rows.key(old))) {
                        continue; // a row referencing itself goes with it
                    }
                    switch (action) {
                        case RESTRICT -> throw violation(child, fk);
                        case CASCADE -> delete(child, childRow);
                        case SET_NULL -> update(child, childRow, nulled(child, childRow, fk));
                        default -> throw new IllegalStateException(action.name());
                    }
                }
                if (needsLatestCheck()) {
                    Set<ByteBuffer> seen = new HashSet<>();
                    found.forEach(kv -> seen.add(ByteBuffer.wrap(kv.key())));
                    latestChecks.add(() -> lockChildrenCommittedSince(childRows, values, seen));
                }
            }
        }

        private BasaltException violation(TableDescriptor child, ForeignKeyDescriptor fk) {
            return new BasaltException(SqlState.FOREIGN_KEY_VIOLATION, "update or delete on table \"" + table.name()
                    + "\" violates foreign key constraint \"" + fk.name() + "\" on table \"" + child.name() + "\"");
        }
    }

    private boolean needsLatestCheck() {
        IsolationLevel level = txn.isolation();
        return (level == IsolationLevel.READ_COMMITTED || level == IsolationLevel.SNAPSHOT)
                && execution.transactions() != null;
    }

    /**
     * See the class comment: a child this statement did not see, that exists now and is not one
     * this transaction deleted, was committed after the snapshot. At READ COMMITTED the statement
     * runs again on a newer snapshot (and then restricts, cascades or nulls it); above, 40001.
     */
    private void lockChildrenCommittedSince(ChildRows childRows, Object[] parentValues, Set<ByteBuffer> seen) {
        Transaction latest = execution.transactions().begin(IsolationLevel.SNAPSHOT);
        List<KeyValue> now;
        try {
            now = childRows.find(latest, parentValues);
        } finally {
            latest.commit();
        }
        for (KeyValue kv : now) {
            if (!seen.contains(ByteBuffer.wrap(kv.key())) && txn.lockShared(kv.key(), execution.noWait()) != null) {
                if (txn.isolation() == IsolationLevel.READ_COMMITTED) {
                    throw new StatementRetryException(txn.id(), latest.id());
                }
                throw new TransactionRetryException(SqlState.SERIALIZATION_FAILURE, "could not serialize access:"
                        + " a row referencing a deleted row was inserted concurrently");
            }
        }
    }

    private static Object[] nulled(TableDescriptor child, Object[] row, ForeignKeyDescriptor fk) {
        Object[] updated = row.clone();
        for (int position : fk.columns()) {
            if (!child.columns().get(position).nullable()) {
                throw new BasaltException(SqlState.NOT_NULL_VIOLATION, "null value in column \""
                        + child.columns().get(position).name() + "\" of relation \"" + child.name()
                        + "\" violates not-null constraint (ON DELETE SET NULL of \"" + fk.name() + "\")");
            }
            updated[position] = null;
        }
        return updated;
    }

    private static Object[] project(Object[] row, int[] positions) {
        Object[] values = new Object[positions.length];
        for (int i = 0; i < positions.length; i++) {
            values[i] = row[positions[i]];
        }
        return values;
    }

    private static boolean hasNull(Object[] values) {
        return Arrays.stream(values).anyMatch(Objects::isNull);
    }
}

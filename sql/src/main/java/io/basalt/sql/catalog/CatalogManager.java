package io.basalt.sql.catalog;

import java.util.function.IntFunction;
import io.basalt.kv.partition.PartitionKeys;
import io.basalt.kv.codec.KeyEncoder;
import io.basalt.common.error.BasaltException;
import io.basalt.common.error.SqlState;
import io.basalt.kv.codec.Keys;
import io.basalt.txn.DuplicateKeyException;
import io.basalt.txn.IsolationLevel;
import io.basalt.txn.Transaction;
import io.basalt.txn.TransactionManager;
import io.basalt.txn.TransactionRetryException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The current catalog of one database, and the only way to change it. Changes run in their own
 * transactions, one at a time in this process, and publish a new immutable {@link Catalog} with a
 * higher version when they commit; readers take {@link #current()} without locking.
 *
 * <p>Threading: {@link #current()} from any thread; {@link #change} is synchronized, so DDL in one
 * process is serial. Concurrent DDL from several processes (the cluster) would still be safe:
 * every change writes the version key, so the second one conflicts and retries.
 */
public final class CatalogManager {
    private static final Logger LOG = LoggerFactory.getLogger(CatalogManager.class);
    private static final int MAX_ATTEMPTS = 5;

    private final TransactionManager transactions;
    private volatile Catalog current;

    public CatalogManager(TransactionManager transactions) {
        this.transactions = transactions;
        Transaction txn = transactions.begin(IsolationLevel.SNAPSHOT);
        this.current = CatalogStore.load(txn);
        txn.commit();
    }

    public Catalog current() {
        return current;
    }

    /**
     * Creates a table; {@code build} receives the first of {@code 1 + indexCount} consecutive new ids
     * (the table's, then those of the indexes it is created with, named {@code indexNames}). The
     * sequences of its identity columns are created with it, each from its own new id. Returns
     * false if it existed and {@code ifNotExists}.
     */
    public synchronized boolean createTable(String name, boolean ifNotExists, IntFunction<TableDescriptor> build,
                                            int indexCount, List<String> indexNames,
                                            List<IntFunction<SequenceDescriptor>> ownedSequences) {
        return change(txn -> {
            Catalog all = CatalogStore.load(txn);
            if (all.relationExists(name)) {
                if (ifNotExists) {
                    return false;
                }
                throw CatalogErrors.tableExists(name);
            }
            int firstId = CatalogStore.allocateIds(txn, 1 + indexCount + ownedSequences.size());
            List<String> newNames = new ArrayList<>(indexNames);
            for (int i = 0; i < ownedSequences.size(); i++) {
                SequenceDescriptor sequence = ownedSequences.get(i).apply(firstId + 1 + indexCount + i);
                newNames.add(sequence.name());
                CatalogStore.insertSequence(txn, sequence);
            }
            for (String newName : newNames) {
                if (newName.equals(name) || all.relationExists(newName)) {
                    throw CatalogErrors.tableExists(newName);
                }
            }
            TableDescriptor table = build.apply(firstId);
            CatalogStore.insertTable(txn, table);
            CatalogStore.bumpVersion(txn);
            return true;
        }, name);
    }

    public boolean createTable(String name, boolean ifNotExists, IntFunction<TableDescriptor> build,
                               int indexCount, List<String> indexNames) {
        return createTable(name, ifNotExists, build, indexCount, indexNames, List.of());
    }

    /** Creates a sequence; {@code build} receives its id. Returns false if the name was taken and {@code ifNotExists}. */
    public synchronized boolean createSequence(String name, boolean ifNotExists, IntFunction<SequenceDescriptor> build) {
        return change(txn -> {
            if (CatalogStore.load(txn).relationExists(name)) {
                if (ifNotExists) {
                    return false;
                }
                throw CatalogErrors.tableExists(name);
            }
            CatalogStore.insertSequence(txn, build.apply(CatalogStore.allocateTableId(txn)));
            CatalogStore.bumpVersion(txn);
            return true;
        }, name);
    }

    /** Drops a sequence (not one an identity column owns). Returns false if it did not exist and {@code ifExists}. */
    public synchronized boolean dropSequence(String name, boolean ifExists) {
        return change(txn -> {
            SequenceDescriptor sequence = CatalogStore.load(txn).sequence(name);
            if (sequence == null) {
                if (ifExists) {
                    return false;
                }
                throw new BasaltException(SqlState.UNDEFINED_TABLE, "sequence \"" + name + "\" does not exist");
            }
            if (sequence.ownedBy() != null) {
                throw new BasaltException(SqlState.DEPENDENT_OBJECTS_STILL_EXIST, "cannot drop sequence \"" + name
                        + "\" because an identity column of table \"" + sequence.ownedBy() + "\" uses it");
            }
            CatalogStore.deleteSequence(txn, sequence);
            CatalogStore.bumpVersion(txn);
            return true;
        }, name);
    }

    public boolean createTable(String name, boolean ifNotExists, IntFunction<TableDescriptor> build) {
        return createTable(name, ifNotExists, build, 0, List.of(), List.of());
    }

    public TransactionManager transactions() {
        return transactions;
    }

    /**
     * Drops a table and erases its rows and index entries, once every transaction that might still
     * write them has ended. Returns false if it did not exist and {@code ifExists}.
     */
    public synchronized boolean dropTable(String name, boolean ifExists, boolean cascade, int partitionCount) {
        TableDescriptor[] dropped = new TableDescriptor[1];
        boolean changed = change(txn -> {
            TableDescriptor table = CatalogStore.readTable(txn, name);
            if (table == null) {
                if (ifExists) {
                    return false;
                }
                throw CatalogErrors.undefinedTable(name);
            }
            // Foreign keys of other tables that reference this one: refused, or dropped with CASCADE
            // (the constraints go, as in PostgreSQL; the referencing tables and rows stay).
            for (Catalog.Reference reference : CatalogStore.load(txn).referencing(table.id())) {
                TableDescriptor child = reference.child();
                if (child.id() == table.id()) {
                    continue;
                }
                if (!cascade) {
                    throw new BasaltException(SqlState.DEPENDENT_OBJECTS_STILL_EXIST, "cannot drop table \"" + name
                            + "\" because constraint \"" + reference.foreignKey().name() + "\" on table \""
                            + child.name() + "\" depends on it (use DROP ... CASCADE)");
                }
                TableDescriptor current = CatalogStore.readTable(txn, child.name());
                List<ForeignKeyDescriptor> kept = new ArrayList<>(current.foreignKeys());
                kept.removeIf(fk -> fk.parentTableId() == table.id());
                CatalogStore.replaceTable(txn, current.withForeignKeys(kept));
            }
            CatalogStore.deleteTable(txn, name);
            for (SequenceDescriptor sequence : CatalogStore.load(txn).sequences()) {
                if (name.equals(sequence.ownedBy())) {
                    CatalogStore.deleteSequence(txn, sequence);
                }
            }
            CatalogStore.bumpVersion(txn);
            dropped[0] = table;
            return true;
        }, name);
        if (changed) {
            awaitOlderTransactions();
            eraseKeys(dropped[0].id(), partitionCount);
            for (IndexDescriptor index : dropped[0].indexes()) {
                eraseKeys(index.id(), partitionCount);
            }
        }
        return changed;
    }

    /**
     * Empties tables the way CockroachDB does: each gets new ids (its rows and index entries start
     * in empty key ranges) under the same name and definition, foreign keys that reference it are
     * pointed at the new id, and the old ranges are erased once no older transaction can still use
     * them. Like PostgreSQL's TRUNCATE it is not MVCC-safe: a snapshot taken before it does not see
     * the old rows afterwards. A table referenced from outside the list needs {@code cascade},
     * which empties the referencing tables too; {@code restartIdentity} resets owned sequences, which
     * are returned (the caller drops their cached blocks).
     */
    public synchronized List<SequenceDescriptor> truncate(List<String> names, boolean cascade, boolean restartIdentity,
                                                          int partitionCount) {
        List<TableDescriptor> emptied = new ArrayList<>();
        List<SequenceDescriptor> restarted = new ArrayList<>();
        change(txn -> {
            emptied.clear();
            restarted.clear();
            Catalog all = CatalogStore.load(txn);
            LinkedHashMap<String, TableDescriptor> targets = new LinkedHashMap<>();
            for (String name : names) {
                TableDescriptor table = all.table(name);
                if (table == null) {
                    throw CatalogErrors.undefinedTable(name);
                }
                targets.put(name, table);
            }
            for (boolean grew = true; grew; ) {
                grew = false;
                for (TableDescriptor table : List.copyOf(targets.values())) {
                    for (Catalog.Reference reference : all.referencing(table.id())) {
                        if (targets.containsKey(reference.child().name())) {
                            continue;
                        }
                        if (!cascade) {
                            throw new BasaltException(SqlState.FEATURE_NOT_SUPPORTED, "cannot truncate a table referenced"
                                    + " in a foreign key constraint: table \"" + reference.child().name()
                                    + "\" references \"" + table.name() + "\" (truncate it too, or use CASCADE)");
                        }
                        targets.put(reference.child().name(), reference.child());
                        grew = true;
                    }
                }
            }
            int ids = targets.values().stream().mapToInt(t -> 1 + t.indexes().size()).sum();
            int next = CatalogStore.allocateIds(txn, ids);
            Map<Integer, Integer> newIds = new HashMap<>();
            Map<String, TableDescriptor> renumbered = new HashMap<>();
            for (TableDescriptor table : targets.values()) {
                newIds.put(table.id(), next++);
                List<IndexDescriptor> indexes = new ArrayList<>();
                for (IndexDescriptor index : table.indexes()) {
                    indexes.add(new IndexDescriptor(next++, index.name(), index.columns(), index.unique(),
                            index.placement(), index.constraint(), index.state(), index.readableFrom()));
                }
                renumbered.put(table.name(), table.with(newIds.get(table.id()), table.columns(), table.primaryKey(), indexes,
                        table.foreignKeys()));
            }
            for (TableDescriptor table : all.tables()) {
                TableDescriptor current = renumbered.getOrDefault(table.name(), table);
                List<ForeignKeyDescriptor> foreignKeys = new ArrayList<>();
                boolean changed = renumbered.containsKey(table.name());
                for (ForeignKeyDescriptor fk : current.foreignKeys()) {
                    Integer parent = newIds.get(fk.parentTableId());
                    changed |= parent != null;
                    foreignKeys.add(parent == null ? fk : new ForeignKeyDescriptor(fk.name(), fk.columns(), parent,
                            fk.parentColumns(), fk.onDelete()));
                }
                if (changed) {
                    CatalogStore.replaceTable(txn, current.withForeignKeys(foreignKeys));
                }
            }
            if (restartIdentity) {
                for (SequenceDescriptor sequence : all.sequences()) {
                    if (sequence.ownedBy() != null && targets.containsKey(sequence.ownedBy())) {
                        txn.delete(CatalogStore.sequenceValueKey(sequence.id()));
                        restarted.add(sequence);
                    }
                }
            }
            emptied.addAll(targets.values());
            CatalogStore.bumpVersion(txn);
            return null;
        }, String.join(", ", names));
        awaitOlderTransactions();
        for (TableDescriptor table : emptied) {
            eraseKeys(table.id(), partitionCount);
            for (IndexDescriptor index : table.indexes()) {
                eraseKeys(index.id(), partitionCount);
            }
        }
        return restarted;
    }

    /** A change of table definitions: given the catalog and a source of one new id, the tables to store anew. */
    public interface TableChange {
        List<TableDescriptor> apply(Catalog catalog, java.util.function.IntSupplier newId);
    }

    /**
     * Changes table definitions in place (same ids, same rows): ALTER TABLE. The change runs on the
     * catalog as its transaction reads it and may fail; what it returns is stored, atomically.
     */
    public synchronized void alterTables(String name, TableChange change) {
        change(txn -> {
            Catalog all = CatalogStore.load(txn);
            boolean[] allocated = {false};
            List<TableDescriptor> changed = change.apply(all, () -> {
                if (allocated[0]) {
                    // Writes are not read back within the transaction: a second id would repeat the first.
                    throw new IllegalStateException("one new id per table change");
                }
                allocated[0] = true;
                return CatalogStore.allocateTableId(txn);
            });
            for (TableDescriptor table : changed) {
                CatalogStore.replaceTable(txn, table);
            }
            if (!changed.isEmpty()) {
                CatalogStore.bumpVersion(txn);
            }
            return null;
        }, name);
    }

    /**
     * ALTER TABLE RENAME TO: the descriptor moves to the new name's key, with the same id, so rows,
     * indexes and foreign keys (all by id) follow; sequences owned by the table follow its name.
     * CHECK conditions do not name their table. Returns false if it did not exist and {@code ifExists}.
     */
    public synchronized boolean renameTable(String name, String newName, boolean ifExists) {
        return change(txn -> {
            Catalog all = CatalogStore.load(txn);
            TableDescriptor table = all.table(name);
            if (table == null) {
                if (ifExists) {
                    return false;
                }
                throw CatalogErrors.undefinedTable(name);
            }
            if (all.relationExists(newName)) {
                throw CatalogErrors.tableExists(newName);
            }
            CatalogStore.deleteTable(txn, name);
            CatalogStore.insertTable(txn, table.withName(newName));
            for (SequenceDescriptor sequence : all.sequences()) {
                if (name.equals(sequence.ownedBy())) {
                    CatalogStore.replaceSequence(txn, new SequenceDescriptor(sequence.id(), sequence.name(),
                            sequence.start(), sequence.increment(), sequence.minValue(), sequence.maxValue(),
                            sequence.cache(), sequence.cycle(), newName));
                }
            }
            CatalogStore.bumpVersion(txn);
            return true;
        }, name);
    }

    /**
     * Adds an index to a table; {@code build} receives the new index id. Returns the index as
     * stored, or null if an index of that name existed and {@code ifNotExists}.
     */
    public synchronized IndexDescriptor addIndex(String tableName, String indexName, boolean ifNotExists,
                                                 IntFunction<IndexDescriptor> build) {
        return change(txn -> {
            TableDescriptor table = CatalogStore.readTable(txn, tableName);
            if (table == null) {
                throw CatalogErrors.undefinedTable(tableName);
            }
            Catalog all = CatalogStore.load(txn);
            if (all.relationExists(indexName)) {
                if (ifNotExists) {
                    return null;
                }
                throw CatalogErrors.tableExists(indexName);
            }
            IndexDescriptor index = build.apply(CatalogStore.allocateTableId(txn));
            List<IndexDescriptor> indexes = new ArrayList<>(table.indexes());
            indexes.add(index);
            CatalogStore.replaceTable(txn, table.withIndexes(indexes));
            CatalogStore.bumpVersion(txn);
            return index;
        }, indexName);
    }

    /** Replaces an index (same id) by {@code index}, for example to make it public after its backfill. */
    public synchronized void updateIndex(String tableName, IndexDescriptor index) {
        change(txn -> {
            TableDescriptor table = CatalogStore.readTable(txn, tableName);
            List<IndexDescriptor> indexes = new ArrayList<>();
            boolean found = false;
            for (IndexDescriptor existing : table == null ? List.<IndexDescriptor>of() : table.indexes()) {
                found |= existing.id() == index.id();
                indexes.add(existing.id() == index.id() ? index : existing);
            }
            if (!found) {
                throw CatalogErrors.undefinedIndex(index.name());
            }
            CatalogStore.replaceTable(txn, table.withIndexes(indexes));
            CatalogStore.bumpVersion(txn);
            return null;
        }, index.name());
    }

    /**
     * Removes an index and, once no transaction that might still write it is running, erases its
     * entries. Returns false if it did not exist and {@code ifExists}.
     */
    public synchronized boolean dropIndex(String indexName, boolean ifExists, int partitionCount) {
        IndexDescriptor[] dropped = new IndexDescriptor[1];
        boolean changed = change(txn -> {
            TableDescriptor table = CatalogStore.load(txn).tableOfIndex(indexName);
            if (table == null) {
                if (ifExists) {
                    return false;
                }
                throw CatalogErrors.undefinedIndex(indexName);
            }
            dropped[0] = table.index(indexName);
            for (Catalog.Reference reference : CatalogStore.load(txn).referencing(table.id())) {
                if (Arrays.equals(reference.foreignKey().parentColumns(), dropped[0].columns())
                        && !Arrays.equals(reference.foreignKey().parentColumns(), table.primaryKey())) {
                    throw new BasaltException(SqlState.DEPENDENT_OBJECTS_STILL_EXIST, "cannot drop index \""
                            + indexName + "\" because constraint \"" + reference.foreignKey().name() + "\" on table \""
                            + reference.child().name() + "\" requires it");
                }
            }
            if (dropped[0].constraint()) {
                throw new BasaltException(SqlState.DEPENDENT_OBJECTS_STILL_EXIST, "cannot drop index \"" + indexName
                        + "\" because constraint \"" + indexName + "\" on table \"" + table.name() + "\" requires it");
            }
            List<IndexDescriptor> indexes = new ArrayList<>(table.indexes());
            indexes.remove(dropped[0]);
            CatalogStore.replaceTable(txn, table.withIndexes(indexes));
            CatalogStore.bumpVersion(txn);
            return true;
        }, indexName);
        if (changed) {
            awaitOlderTransactions();
            eraseKeys(dropped[0].id(), partitionCount);
        }
        return changed;
    }

    /**
     * Returns once every transaction that began before this call has ended, and returns a
     * timestamp that every snapshot taken from then on is at or after. Schema changes use it as
     * their fence: a transaction that began later reads the catalog published before the call
     * (statements take the catalog after their transaction began, see {@code ExecutionContext}).
     * Like PostgreSQL's CREATE INDEX CONCURRENTLY, it waits for idle open transactions too.
     */
    public long awaitOlderTransactions() {
        Transaction fence = transactions.begin(IsolationLevel.SNAPSHOT);
        long fenceTs = fence.id();
        fence.rollback();
        while (transactions.registry().oldestActive() < fenceTs) {
            try {
                Thread.sleep(2);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new BasaltException(SqlState.QUERY_CANCELED, "interrupted while waiting for older transactions");
            }
        }
        return fenceTs;
    }

    private void eraseKeys(int id, int partitionCount) {
        for (int partition = 0; partition < partitionCount; partition++) {
            byte[] prefix = new KeyEncoder()
                    .writeRawBytes(PartitionKeys.prefix(partition))
                    .writeLong(id).toByteArray();
            transactions.clearRange(prefix, Keys.prefixEnd(prefix));
        }
    }

    private <T> T change(Function<Transaction, T> body, String name) {
        for (int attempt = 1; ; attempt++) {
            Transaction txn = transactions.begin(IsolationLevel.SNAPSHOT);
            try {
                T result = body.apply(txn);
                txn.commit();
                reload();
                return result;
            } catch (TransactionRetryException e) {
                txn.rollback();
                if (attempt == MAX_ATTEMPTS) {
                    throw e;
                }
                LOG.debug("Catalog change conflicted, retrying [table={}, attempt={}]", name, attempt);
            } catch (DuplicateKeyException e) {
                txn.rollback();
                throw CatalogErrors.tableExists(name);
            } catch (RuntimeException e) {
                txn.rollback();
                throw e;
            }
        }
    }

    private void reload() {
        Transaction txn = transactions.begin(IsolationLevel.SNAPSHOT);
        try {
            current = CatalogStore.load(txn);
        } finally {
            txn.commit();
        }
    }

    /** The catalog's error messages. */
    static final class CatalogErrors {
        private CatalogErrors() {
        }

        static BasaltException tableExists(String name) {
            return new BasaltException(SqlState.DUPLICATE_TABLE, "relation \"" + name + "\" already exists");
        }

        static BasaltException undefinedIndex(String name) {
            return new BasaltException(SqlState.UNDEFINED_OBJECT, "index \"" + name + "\" does not exist");
        }

        static BasaltException undefinedTable(String name) {
            return new BasaltException(SqlState.UNDEFINED_TABLE, "relation \"" + name + "\" does not exist");
        }
    }
}

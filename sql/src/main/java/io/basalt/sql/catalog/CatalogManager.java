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

    /** Creates a table; {@code build} receives the new table id. Returns false if it existed and {@code ifNotExists}. */
    public synchronized boolean createTable(String name, boolean ifNotExists, IntFunction<TableDescriptor> build) {
        return change(txn -> {
            if (CatalogStore.readTable(txn, name) != null) {
                if (ifNotExists) {
                    return false;
                }
                throw CatalogErrors.tableExists(name);
            }
            TableDescriptor table = build.apply(CatalogStore.allocateTableId(txn));
            CatalogStore.insertTable(txn, table);
            CatalogStore.bumpVersion(txn);
            return true;
        }, name);
    }

    /** Drops a table and erases its rows. Returns false if it did not exist and {@code ifExists}. */
    public synchronized boolean dropTable(String name, boolean ifExists, int partitionCount) {
        TableDescriptor[] dropped = new TableDescriptor[1];
        boolean changed = change(txn -> {
            TableDescriptor table = CatalogStore.readTable(txn, name);
            if (table == null) {
                if (ifExists) {
                    return false;
                }
                throw CatalogErrors.undefinedTable(name);
            }
            CatalogStore.deleteTable(txn, name);
            CatalogStore.bumpVersion(txn);
            dropped[0] = table;
            return true;
        }, name);
        if (changed) {
            eraseRows(dropped[0], partitionCount);
        }
        return changed;
    }

    private void eraseRows(TableDescriptor table, int partitionCount) {
        for (int partition = 0; partition < partitionCount; partition++) {
            byte[] prefix = new KeyEncoder()
                    .writeRawBytes(PartitionKeys.prefix(partition))
                    .writeLong(table.id()).toByteArray();
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

        static BasaltException undefinedTable(String name) {
            return new BasaltException(SqlState.UNDEFINED_TABLE, "relation \"" + name + "\" does not exist");
        }
    }
}

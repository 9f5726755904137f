package io.basalt.sql.ddl;

import io.basalt.common.error.BasaltException;
import io.basalt.common.error.SqlState;
import io.basalt.kv.codec.KeyEncoder;
import io.basalt.kv.codec.Keys;
import io.basalt.kv.partition.PartitionKeys;
import io.basalt.sql.catalog.IndexDescriptor;
import io.basalt.sql.catalog.TableDescriptor;
import io.basalt.sql.exec.IndexCodec;
import io.basalt.sql.exec.RowCodec;
import io.basalt.txn.IsolationLevel;
import io.basalt.txn.KeyValue;
import io.basalt.txn.Transaction;
import io.basalt.txn.TransactionManager;
import io.basalt.txn.TransactionRetryException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.StringJoiner;

/**
 * Writes the index entries of the rows that existed before an index did, while the table stays
 * open for writes (the F1 / CockroachDB online schema change, reduced to its core).
 *
 * <p>Why no write is lost or doubled: the index is already {@code WRITE_ONLY} and every
 * transaction older than it has ended (the caller waited), so every concurrent writer maintains
 * the index itself. The backfill reads rows in batches, each batch one snapshot transaction that
 * reads the rows and writes their entries. An entry is keyed by its row, so writing one that a
 * writer also wrote is the same key, not a second entry; and if a writer changed the row or its
 * entry after the batch's snapshot, the batch's write of that entry meets the newer version and
 * fails with a serialization error (first updater wins), and the batch runs again on a newer
 * snapshot. Rows inserted after the snapshot were indexed by their writers.
 *
 * <p>For a unique index, an entry already there for another row is a duplicate: the backfill
 * fails with 23505 and the caller removes the index.
 */
final class IndexBackfill {
    private static final int BATCH_ROWS = 256;
    private static final int MAX_ATTEMPTS = 100;

    private final TransactionManager transactions;
    private final TableDescriptor table;
    private final IndexDescriptor index;
    private final int partitionCount;

    IndexBackfill(TransactionManager transactions, TableDescriptor table, IndexDescriptor index, int partitionCount) {
        this.transactions = transactions;
        this.table = table;
        this.index = index;
        this.partitionCount = partitionCount;
    }

    /** Backfills every partition; returns the number of rows indexed. */
    long run() {
        long rows = 0;
        for (int partition = 0; partition < partitionCount; partition++) {
            byte[] prefix = new KeyEncoder().writeRawBytes(PartitionKeys.prefix(partition)).writeLong(table.id())
                    .toByteArray();
            byte[] end = Keys.prefixEnd(prefix);
            byte[][] resume = {prefix};
            while (resume[0] != null) {
                rows += batchWithRetries(resume, end);
            }
        }
        return rows;
    }

    private int batchWithRetries(byte[][] resume, byte[] end) {
        for (int attempt = 1; ; attempt++) {
            Transaction txn = transactions.begin(IsolationLevel.SNAPSHOT);
            try {
                byte[][] next = {null};
                int rows = batch(txn, resume[0], end, next);
                txn.commit();
                resume[0] = next[0];
                return rows;
            } catch (TransactionRetryException e) {
                txn.rollback(); // also after a failed commit: it ends the transaction either way
                if (attempt == MAX_ATTEMPTS) {
                    throw e;
                }
                Thread.onSpinWait();
            } catch (RuntimeException e) {
                txn.rollback();
                throw e;
            }
        }
    }

    private int batch(Transaction txn, byte[] start, byte[] end, byte[][] next) {
        RowCodec rows = new RowCodec(table, partitionCount);
        IndexCodec entries = new IndexCodec(table, index, partitionCount);
        List<Object[]> batch = new ArrayList<>(BATCH_ROWS);
        Iterator<KeyValue> it = txn.scan(start, end);
        byte[] lastKey = null;
        while (batch.size() < BATCH_ROWS && it.hasNext()) {
            KeyValue kv = it.next();
            batch.add(rows.decode(kv.key(), kv.value()));
            lastKey = kv.key();
        }
        next[0] = it.hasNext() ? successor(lastKey) : null; // null: the range is done
        List<byte[]> keys = new ArrayList<>(batch.size());
        for (Object[] row : batch) {
            keys.add(entries.entryKey(row));
        }
        List<byte[]> existing = txn.getAll(keys); // one request per partition for the whole batch
        for (int i = 0; i < batch.size(); i++) {
            byte[] value = entries.entryValue(batch.get(i));
            if (existing.get(i) != null && index.unique() && !Arrays.equals(existing.get(i), value)) {
                throw duplicate(batch.get(i));
            }
            if (existing.get(i) == null) {
                txn.put(keys.get(i), value);
            }
        }
        return batch.size();
    }

    private BasaltException duplicate(Object[] row) {
        StringJoiner columns = new StringJoiner(", ");
        StringJoiner values = new StringJoiner(", ");
        for (int position : index.columns()) {
            columns.add(table.columns().get(position).name());
            values.add(String.valueOf(row[position]));
        }
        return new BasaltException(SqlState.UNIQUE_VIOLATION, "could not create unique index \"" + index.name()
                + "\": key (" + columns + ")=(" + values + ") is duplicated");
    }

    /** The smallest key after {@code key}. */
    private static byte[] successor(byte[] key) {
        return Arrays.copyOf(key, key.length + 1);
    }
}

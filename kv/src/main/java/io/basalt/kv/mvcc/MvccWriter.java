package io.basalt.kv.mvcc;

import io.basalt.kv.engine.ColumnFamily;
import io.basalt.kv.engine.EngineBatch;

/**
 * Adds MVCC mutations to a batch. The caller (a partition participant) has already checked
 * conflicts under its latches; these methods only lay the bytes out.
 */
public final class MvccWriter {
    private MvccWriter() {
    }

    public static void putIntent(EngineBatch batch, byte[] key, Intent intent) {
        batch.put(ColumnFamily.INTENTS, key, intent.encode());
    }

    /**
     * Turns {@code intent} into a committed version at {@code commitTs}, atomically with the rest of
     * the batch; a lock-only intent just disappears (the row did not change).
     */
    public static void commitIntent(EngineBatch batch, byte[] key, Intent intent, long commitTs) {
        batch.delete(ColumnFamily.INTENTS, key);
        if (!intent.isLockOnly()) {
            putVersion(batch, key, commitTs, intent.value(), intent.txnId());
        }
    }

    public static void removeIntent(EngineBatch batch, byte[] key) {
        batch.delete(ColumnFamily.INTENTS, key);
    }

    /** A committed version written by {@code writerTxnId}; {@code value} null writes a tombstone. */
    public static void putVersion(EngineBatch batch, byte[] key, long commitTs, byte[] value, long writerTxnId) {
        batch.put(ColumnFamily.VERSIONS, VersionKey.encode(key, commitTs), VersionValue.encode(value, writerTxnId));
    }

    /**
     * Removes every version and intent of the user keys in {@code [start, end)}: used when a table's
     * data is dropped, after the catalog no longer names it, so no transaction can read it again.
     */
    public static void deleteRange(EngineBatch batch, byte[] start, byte[] end) {
        batch.deleteRange(ColumnFamily.VERSIONS, VersionKey.prefix(start), VersionKey.prefix(end));
        batch.deleteRange(ColumnFamily.INTENTS, start, end);
    }
}

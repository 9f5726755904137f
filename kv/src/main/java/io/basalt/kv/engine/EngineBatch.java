package io.basalt.kv.engine;

import org.rocksdb.RocksDBException;
import org.rocksdb.WriteBatch;

/** Writes to apply atomically with {@link RocksEngine#write}. Not thread-safe; close it after use. */
public final class EngineBatch implements AutoCloseable {
    private final RocksEngine engine;
    private final WriteBatch batch = new WriteBatch();

    EngineBatch(RocksEngine engine) {
        this.engine = engine;
    }

    public EngineBatch put(ColumnFamily cf, byte[] key, byte[] value) {
        try {
            batch.put(engine.handle(cf), key, value);
        } catch (RocksDBException e) {
            throw new StorageException("Batch put failed [cf=" + cf + "]", e);
        }
        return this;
    }

    public EngineBatch delete(ColumnFamily cf, byte[] key) {
        try {
            batch.delete(engine.handle(cf), key);
        } catch (RocksDBException e) {
            throw new StorageException("Batch delete failed [cf=" + cf + "]", e);
        }
        return this;
    }

    /** Deletes every key in {@code [start, end)} of {@code cf} (a range tombstone). */
    public EngineBatch deleteRange(ColumnFamily cf, byte[] start, byte[] end) {
        try {
            batch.deleteRange(engine.handle(cf), start, end);
        } catch (RocksDBException e) {
            throw new StorageException("Batch range delete failed [cf=" + cf + "]", e);
        }
        return this;
    }

    public int count() {
        return batch.count();
    }

    WriteBatch rocksBatch() {
        return batch;
    }

    @Override
    public void close() {
        batch.close();
    }
}

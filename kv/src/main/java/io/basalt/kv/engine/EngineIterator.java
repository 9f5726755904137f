package io.basalt.kv.engine;

import org.rocksdb.ReadOptions;
import org.rocksdb.RocksIterator;

/**
 * A RocksDB iterator that cannot outlive its engine: after the engine closes, every call throws
 * {@link StorageException} instead of touching freed native memory. Not thread-safe.
 */
public final class EngineIterator implements AutoCloseable {
    private final RocksEngine engine;
    private final RocksIterator iterator;
    private final ReadOptions readOptions;
    /** Written under the engine's write lock (engine close) or by the owner thread. */
    private volatile boolean closed;

    EngineIterator(RocksEngine engine, RocksIterator iterator, ReadOptions readOptions) {
        this.engine = engine;
        this.iterator = iterator;
        this.readOptions = readOptions;
    }

    public void seek(byte[] target) {
        pin();
        try {
            iterator.seek(target);
        } finally {
            engine.unpin();
        }
    }

    public void next() {
        pin();
        try {
            iterator.next();
        } finally {
            engine.unpin();
        }
    }

    public boolean isValid() {
        pin();
        try {
            return iterator.isValid();
        } finally {
            engine.unpin();
        }
    }

    public byte[] key() {
        pin();
        try {
            return iterator.key();
        } finally {
            engine.unpin();
        }
    }

    public byte[] value() {
        pin();
        try {
            return iterator.value();
        } finally {
            engine.unpin();
        }
    }

    private void pin() {
        engine.pin();
        if (closed) {
            engine.unpin();
            throw new StorageException("The iterator is closed", null);
        }
    }

    /** Frees the native iterator; called by the engine when it closes first. */
    synchronized void closeNative() {
        if (!closed) {
            closed = true;
            iterator.close();
            readOptions.close();
        }
    }

    /**
     * Frees the iterator. The native close happens before the engine forgets it, so an engine
     * closing concurrently either waits for this close (same monitor) or closes it itself first.
     */
    @Override
    public void close() {
        closeNative();
        engine.forgetIterator(this);
    }
}

package io.basalt.kv.engine;

import org.rocksdb.ReadOptions;
import org.rocksdb.RocksDBException;
import org.rocksdb.RocksIterator;

/**
 * A RocksDB iterator that cannot outlive its engine: after the engine closes, every call throws
 * {@link StorageException} instead of touching freed native memory. Not thread-safe: one thread
 * at a time (a pooled iterator changes hands only through {@link IteratorPool}).
 *
 * <p>Two ways to stay safe against a concurrent {@link RocksEngine#close()}:
 * <ul>
 *   <li><b>Self-pinning</b> ({@link RocksEngine#newIterator}): every call takes the engine's
 *       read lock around its native call. Simple, and right for long-lived iterators, but the
 *       lock is a CAS pair per call, which was half the time of a 100-key scan.</li>
 *   <li><b>Pinned</b> ({@link EnginePin#newIterator}, {@link EnginePin#latestIterator}): the
 *       {@link EnginePin} holds the read lock for the whole sequence of calls, so a call only
 *       checks {@link #closed}. Invariant: a pinned iterator is not closed while its pin is open,
 *       and the pin closes (or pools) it before releasing the lock, so {@code !closed} on the
 *       owner thread implies the engine cannot be closed until the call returns.</li>
 * </ul>
 *
 * <p>Position cache: {@link #isValid()} and {@link #key()} remember their answer until the
 * iterator moves, because the MVCC readers ask both several times per position (one JNI call and
 * one array copy each). Callers must not modify the array {@link #key()} returns.
 */
public final class EngineIterator implements AutoCloseable {
    private static final byte UNKNOWN = 0;
    private static final byte VALID = 1;
    private static final byte INVALID = 2;

    private final RocksEngine engine;
    private final RocksIterator iterator;
    /** Closed with the iterator unless it is the engine's shared one (pooled iterators). */
    private final ReadOptions readOptions;
    private final boolean ownsReadOptions;
    /** Where {@link EnginePin} returns this iterator after use, or null if it is closed instead. */
    private final IteratorPool pool;
    /** Written under the engine's write lock (engine close) or by the owner thread. */
    private volatile boolean closed;
    /** Non-null while a pin holds the engine open for this iterator; owner thread only. */
    private EnginePin pin;

    private byte validity = UNKNOWN;
    private byte[] key;

    EngineIterator(RocksEngine engine, RocksIterator iterator, ReadOptions readOptions, boolean ownsReadOptions,
                   IteratorPool pool) {
        this.engine = engine;
        this.iterator = iterator;
        this.readOptions = readOptions;
        this.ownsReadOptions = ownsReadOptions;
        this.pool = pool;
    }

    IteratorPool pool() {
        return pool;
    }

    boolean isClosed() {
        return closed;
    }

    /** Binds this iterator to {@code pin} (null: back to self-pinning). Owner thread only. */
    void pinTo(EnginePin pin) {
        this.pin = pin;
    }

    public void seek(byte[] target) {
        moved();
        if (pin != null) {
            checkOpen();
            iterator.seek(target);
            return;
        }
        pin();
        try {
            iterator.seek(target);
        } finally {
            engine.unpin();
        }
    }

    public void next() {
        moved();
        if (pin != null) {
            checkOpen();
            iterator.next();
            return;
        }
        pin();
        try {
            iterator.next();
        } finally {
            engine.unpin();
        }
    }

    public boolean isValid() {
        if (validity == UNKNOWN) {
            boolean valid;
            if (pin != null) {
                checkOpen();
                valid = iterator.isValid();
            } else {
                pin();
                try {
                    valid = iterator.isValid();
                } finally {
                    engine.unpin();
                }
            }
            validity = valid ? VALID : INVALID;
        }
        return validity == VALID;
    }

    /** The current key; the same array until the iterator moves, so do not modify it. */
    public byte[] key() {
        if (key == null) {
            if (pin != null) {
                checkOpen();
                key = iterator.key();
            } else {
                pin();
                try {
                    key = iterator.key();
                } finally {
                    engine.unpin();
                }
            }
        }
        return key;
    }

    /** The current value, a new array on every call. */
    public byte[] value() {
        if (pin != null) {
            checkOpen();
            return iterator.value();
        }
        pin();
        try {
            return iterator.value();
        } finally {
            engine.unpin();
        }
    }

    /**
     * Makes a reused iterator read the latest data, as a new one would (RocksDB's
     * {@code Iterator::Refresh}); leaves it unpositioned. Only for iterators without a snapshot.
     */
    void refreshPinned() {
        moved();
        checkOpen();
        try {
            iterator.refresh();
        } catch (RocksDBException e) {
            throw new StorageException("Iterator refresh failed", e);
        }
    }

    private void moved() {
        validity = UNKNOWN;
        key = null;
    }

    private void checkOpen() {
        if (closed) {
            throw new StorageException("The iterator is closed", null);
        }
    }

    private void pin() {
        engine.lockOpen();
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
            if (ownsReadOptions) {
                readOptions.close();
            }
        }
    }

    /**
     * Frees the iterator. The native close happens before the engine forgets it, so an engine
     * closing concurrently either waits for this close (same monitor) or closes it itself first.
     */
    @Override
    public void close() {
        pin = null;
        closeNative();
        engine.forgetIterator(this);
    }
}

package io.basalt.kv.engine;

import java.util.Arrays;

/**
 * Holds the engine open for one short, bounded sequence of reads by one thread (a point read, one
 * scan batch), so that the iterators it hands out need no lock per call. Open it with
 * {@link RocksEngine#pin()} in a try-with-resources block.
 *
 * <p>Invariants:
 * <ul>
 *   <li>While a pin is open, the engine is not closed: the pin holds the read side of the engine's
 *       lifecycle lock, and {@link RocksEngine#close()} needs the write side.</li>
 *   <li>Every iterator the pin handed out is closed, or returned to its pool and unbound, before
 *       the lock is released; so a pinned iterator never makes a native call on a closed engine
 *       (see {@link EngineIterator}).</li>
 * </ul>
 *
 * <p>Threading: confined to the opening thread (the read lock is owned by it; closing on another
 * thread fails with {@link IllegalMonitorStateException}). Keep the scope short: a close of the
 * engine waits for it. Pins nest (the lock is reentrant), so a pinned reader may call another.
 *
 * <p>Alternatives considered:
 * <ul>
 *   <li>A {@code StampedLock} optimistic read per call: validation comes after the native call,
 *       too late if the engine freed the memory meanwhile. Optimistic reads suit Java state, not
 *       native handles.</li>
 *   <li>Pinning for an iterator's whole life: one leaked iterator would block {@code close()}
 *       forever, and the read lock belongs to a thread while iterators may change threads. A pin
 *       is lexically scoped and bounded by the read it serves.</li>
 *   <li>An atomic use counter per engine: still one CAS pair per call, which is what cost.</li>
 * </ul>
 */
public final class EnginePin implements AutoCloseable {
    private final RocksEngine engine;
    /** Iterators to release at close, in creation order; usually one or two. */
    private EngineIterator[] iterators = new EngineIterator[2];
    private int iteratorCount;
    private EngineSnapshot snapshot;
    private boolean released;

    /** Called with the engine's read lock held and the engine open; the lock now belongs to this pin. */
    EnginePin(RocksEngine engine) {
        this.engine = engine;
    }

    /** The value stored under {@code key}, or null. */
    public byte[] get(ColumnFamily cf, byte[] key) {
        checkOpen();
        return engine.getPinned(cf, key);
    }

    /**
     * A consistent view for iterators that must agree. Released when this pin closes, after the
     * iterators (RocksDB wants a snapshot to outlive the iterators reading at it).
     */
    public EngineSnapshot snapshot() {
        checkOpen();
        if (snapshot != null) {
            throw new IllegalStateException("One snapshot per pin");
        }
        snapshot = engine.snapshot();
        return snapshot;
    }

    /** A new iterator over {@code cf} at {@code snapshot} (or the latest data if null), closed with this pin. */
    public EngineIterator newIterator(ColumnFamily cf, EngineSnapshot snapshot) {
        checkOpen();
        return track(engine.newIteratorPinned(cf, snapshot, this));
    }

    /**
     * An iterator over the latest data of {@code cf}, as of this call: a pooled one refreshed now,
     * or a new one. Returned to the pool when this pin closes; do not close it yourself.
     */
    public EngineIterator latestIterator(ColumnFamily cf) {
        checkOpen();
        return track(engine.borrowLatest(cf, this));
    }

    private EngineIterator track(EngineIterator it) {
        if (iteratorCount == iterators.length) {
            iterators = Arrays.copyOf(iterators, iteratorCount * 2);
        }
        iterators[iteratorCount++] = it;
        return it;
    }

    private void checkOpen() {
        if (released) {
            throw new IllegalStateException("The pin is released");
        }
    }

    /** Closes or returns every iterator handed out, releases the snapshot, then lets the engine close again. Idempotent. */
    @Override
    public void close() {
        if (released) {
            return;
        }
        released = true;
        try {
            for (int i = 0; i < iteratorCount; i++) {
                engine.release(iterators[i]);
                iterators[i] = null;
            }
            if (snapshot != null) {
                snapshot.close();
            }
        } finally {
            engine.unpin();
        }
    }
}

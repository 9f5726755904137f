package io.basalt.kv.engine;

import org.rocksdb.Snapshot;

/** A consistent view of the whole store at one instant; iterators opened on it agree with each other. */
public final class EngineSnapshot implements AutoCloseable {
    private final RocksEngine engine;
    private final Snapshot snapshot;
    private boolean released;

    EngineSnapshot(RocksEngine engine, Snapshot snapshot) {
        this.engine = engine;
        this.snapshot = snapshot;
    }

    Snapshot rocksSnapshot() {
        return snapshot;
    }

    @Override
    public void close() {
        if (!released) {
            released = true;
            engine.releaseSnapshot(snapshot);
        }
    }
}

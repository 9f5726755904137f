package io.basalt.kv.engine;

import java.nio.file.Path;
import java.util.Objects;

/**
 * How to open a {@link RocksEngine}.
 *
 * @param directory where the store lives, or {@code null} for an in-memory store (RocksDB's
 *     memory environment: nothing touches the disk and everything is gone on close)
 * @param syncCommits whether commit batches are fsynced before they are acknowledged; the
 *     in-memory store ignores it
 * @param blockCacheBytes size of the shared block cache
 */
public record EngineOptions(Path directory, boolean syncCommits, long blockCacheBytes) {

    /** 64 MiB: enough for the embedded default and tests; a node process sets its own. */
    public static final long DEFAULT_BLOCK_CACHE_BYTES = 64L << 20;

    public static EngineOptions persistent(Path directory) {
        return new EngineOptions(Objects.requireNonNull(directory, "directory"), true, DEFAULT_BLOCK_CACHE_BYTES);
    }

    public static EngineOptions inMemory() {
        return new EngineOptions(null, false, DEFAULT_BLOCK_CACHE_BYTES);
    }

    public boolean isInMemory() {
        return directory == null;
    }
}

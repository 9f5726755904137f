package io.basalt.kv.gc;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import io.basalt.kv.engine.ColumnFamily;
import io.basalt.kv.engine.EngineBatch;
import io.basalt.kv.engine.EngineIterator;
import io.basalt.kv.engine.RocksEngine;
import io.basalt.kv.mvcc.Intent;
import io.basalt.kv.mvcc.MvccWriter;
import io.basalt.kv.mvcc.VersionKey;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;

/**
 * Trace-like helpers for the GC tests: write versions and intents, and look at the raw versions
 * column family. Counting versions with an iterator is how these tests measure "live size": the
 * engine exposes no size estimate ({@code RocksDB.getApproximateSizes} is not reachable through it).
 */
final class GcFixtures {
    /** The writer recorded on every version; the collector ignores it (it serves SSI). */
    static final long WRITER_TXN_ID = 7L;

    private GcFixtures() {
    }

    static byte[] b(String s) {
        return s.getBytes(UTF_8);
    }

    /** Commits a version of {@code key} at {@code ts}; {@code value} null writes a tombstone. */
    static void version(RocksEngine engine, byte[] key, long ts, byte[] value) {
        try (EngineBatch batch = engine.newBatch()) {
            MvccWriter.putVersion(batch, key, ts, value, WRITER_TXN_ID);
            engine.write(batch, false);
        }
    }

    static void version(RocksEngine engine, String key, long ts, String value) {
        version(engine, b(key), ts, value == null ? null : b(value));
    }

    static void intent(RocksEngine engine, byte[] key, long txnId, byte[] value) {
        try (EngineBatch batch = engine.newBatch()) {
            MvccWriter.putIntent(batch, key, new Intent(txnId, 0, b("record"), value));
            engine.write(batch, false);
        }
    }

    /** Commit timestamps of {@code key}'s versions, newest first, read straight from the versions column family. */
    static List<Long> timestamps(RocksEngine engine, byte[] key) {
        byte[] prefix = VersionKey.prefix(key);
        List<Long> out = new ArrayList<>();
        try (EngineIterator it = engine.newIterator(ColumnFamily.VERSIONS, null)) {
            for (it.seek(prefix); it.isValid() && VersionKey.hasPrefix(it.key(), prefix); it.next()) {
                out.add(VersionKey.timestamp(it.key()));
            }
        }
        return out;
    }

    static List<Long> timestamps(RocksEngine engine, String key) {
        return timestamps(engine, b(key));
    }

    /** Every entry of {@code cf} as "hex(key)=hex(value)", in key order: a byte-exact picture to compare. */
    static List<String> dump(RocksEngine engine, ColumnFamily cf) {
        List<String> out = new ArrayList<>();
        HexFormat hex = HexFormat.of();
        try (EngineIterator it = engine.newIterator(cf, null)) {
            for (it.seek(new byte[0]); it.isValid(); it.next()) {
                out.add(hex.formatHex(it.key()) + "=" + hex.formatHex(it.value()));
            }
        }
        return out;
    }

    /** Versions of user keys in {@code [start, end)} ({@code end} null: no bound). */
    static long countVersions(RocksEngine engine, byte[] start, byte[] end) {
        byte[] upper = end == null ? null : VersionKey.prefix(end);
        long count = 0;
        try (EngineIterator it = engine.newIterator(ColumnFamily.VERSIONS, null)) {
            for (it.seek(VersionKey.prefix(start)); it.isValid(); it.next()) {
                if (upper != null && Arrays.compareUnsigned(it.key(), upper) >= 0) {
                    break;
                }
                count++;
            }
        }
        return count;
    }

    static long countAllVersions(RocksEngine engine) {
        return countVersions(engine, new byte[0], null);
    }

    /**
     * Runs {@code collect} until the range is done, checking on the way that no call exceeds its
     * budget and every call makes progress; returns the versions deleted.
     */
    static long collectAll(VersionGarbageCollector gc, byte[] start, byte[] end, long gcTs, int maxDeletions, int maxKeys) {
        long deleted = 0;
        byte[] from = start;
        for (int calls = 0; ; calls++) {
            assertThat(calls).as("calls to collect one range").isLessThan(1_000_000);
            GcResult result = gc.collect(from, end, gcTs, maxDeletions, maxKeys);
            assertThat(result.deleteOperations()).isBetween(0, maxDeletions);
            assertThat(result.scannedKeys()).isBetween(0L, (long) maxKeys);
            deleted += result.deletedVersions();
            if (result.isDone()) {
                return deleted;
            }
            boolean progressed = result.deleteOperations() == maxDeletions || result.scannedKeys() == maxKeys;
            assertThat(progressed).as("a call that stops early has filled its batch or its key budget").isTrue();
            from = result.resumeKey();
        }
    }

    static long collectAll(VersionGarbageCollector gc, long gcTs, int maxDeletions) {
        return collectAll(gc, new byte[0], null, gcTs, maxDeletions, Integer.MAX_VALUE);
    }
}

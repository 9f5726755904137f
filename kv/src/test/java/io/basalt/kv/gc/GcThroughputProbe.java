package io.basalt.kv.gc;

import io.basalt.kv.engine.ColumnFamily;
import io.basalt.kv.engine.EngineBatch;
import io.basalt.kv.engine.EngineIterator;
import io.basalt.kv.engine.EngineOptions;
import io.basalt.kv.engine.RocksEngine;
import io.basalt.kv.mvcc.MvccReader;
import io.basalt.kv.mvcc.MvccWriter;
import io.basalt.kv.mvcc.VersionKey;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * INFORMAL throughput probe, not a test and not a benchmark. It runs in one JVM, with one warm-up
 * and one timed run per case, measures wall-clock time, and ignores whatever else the machine is
 * doing. It gives an order of magnitude for "how fast does GC collect", and for what the
 * tombstones it leaves cost scans and the next pass until a compaction. It also compares the
 * chosen deletes with two baselines that delete the same garbage another way: point deletes only
 * (for hot keys) and a range delete per key (for many short histories). These are the numbers
 * quoted in {@link VersionGarbageCollector}'s "Alternatives considered". A JMH benchmark in
 * {@code benchmarks} should replace this before anyone tunes on them.
 *
 * <p>Run from {@code kv/} after {@code mvn -o test-compile}:
 * <pre>
 *   mvn -o -q dependency:build-classpath -Dmdep.outputFile=cp.txt
 *   java -cp target/classes:target/test-classes:$(cat cp.txt) io.basalt.kv.gc.GcThroughputProbe
 * </pre>
 */
public final class GcThroughputProbe {
    private static final int MAX_DELETIONS = 1_000;
    /** Above every version written here: everything but each key's newest version is garbage. */
    private static final long GC_TS = 1L << 40;

    enum Deleter { COLLECTOR, POINT_DELETES_ONLY, RANGE_DELETE_PER_KEY }

    private GcThroughputProbe() {
    }

    public static void main(String[] args) throws IOException {
        System.out.println("INFORMAL GC probe: one run per case, wall clock, in-memory store unless noted");
        run(EngineOptions.inMemory(), 20_000, 5, Deleter.COLLECTOR, false); // warm-up
        run(EngineOptions.inMemory(), 10, 10_000, Deleter.COLLECTOR, false);

        run(EngineOptions.inMemory(), 100_000, 5, Deleter.COLLECTOR, true);
        run(EngineOptions.inMemory(), 100_000, 5, Deleter.RANGE_DELETE_PER_KEY, true);
        Path dir = Files.createTempDirectory("basalt-gc-probe");
        try {
            run(new EngineOptions(dir, false, EngineOptions.DEFAULT_BLOCK_CACHE_BYTES), 100_000, 5, Deleter.COLLECTOR, true);
        } finally {
            deleteRecursively(dir);
        }
        // Just above RANGE_DELETE_MIN_VERSIONS the collector uses range deletes: compare with points.
        run(EngineOptions.inMemory(), 10_000, 20, Deleter.COLLECTOR, true);
        run(EngineOptions.inMemory(), 10_000, 20, Deleter.POINT_DELETES_ONLY, true);
        run(EngineOptions.inMemory(), 10, 100_000, Deleter.COLLECTOR, true);
        run(EngineOptions.inMemory(), 10, 100_000, Deleter.POINT_DELETES_ONLY, true);
    }

    /**
     * Writes {@code keys} keys with {@code versions} versions each, deletes all but the newest of
     * each with {@code deleter}, then times a second collector pass (which finds nothing) and full
     * scans and point reads before and after.
     */
    private static void run(EngineOptions options, int keys, int versions, Deleter deleter, boolean print) {
        try (RocksEngine engine = RocksEngine.open(options)) {
            write(engine, keys, versions);
            MvccReader reader = new MvccReader(engine);
            long scanBefore = timeScan(reader);
            long pointBefore = timePointReads(reader, keys);

            VersionGarbageCollector gc = new VersionGarbageCollector(engine);
            long start = System.nanoTime();
            long deleted = switch (deleter) {
                case COLLECTOR -> GcFixtures.collectAll(gc, new byte[0], null, GC_TS, MAX_DELETIONS, Integer.MAX_VALUE);
                case POINT_DELETES_ONLY -> deleteAllButNewest(engine, false);
                case RANGE_DELETE_PER_KEY -> deleteAllButNewest(engine, true);
            };
            long firstPass = System.nanoTime() - start;
            start = System.nanoTime();
            long again = new VersionGarbageCollector(engine).collect(new byte[0], null, GC_TS, MAX_DELETIONS).deletedVersions();
            long secondPass = System.nanoTime() - start;
            long scanAfter = timeScan(reader);
            long pointAfter = timePointReads(reader, keys);
            if (deleted != (long) keys * (versions - 1) || again != 0) {
                throw new AssertionError("deleted " + deleted + ", then " + again);
            }
            if (print) {
                System.out.printf("%s, %,d keys x %,d versions, %s:%n", deleter, keys, versions,
                        options.isInMemory() ? "in-memory" : "on disk (WAL, no fsync)");
                System.out.printf("  first pass: %,d versions in %,d ms = %,.0f versions/s, %,.0f keys/s%s%n",
                        deleted, firstPass / 1_000_000, deleted * 1e9 / firstPass, keys * 1e9 / firstPass,
                        deleter == Deleter.COLLECTOR ? " (" + gc.stats().rangeDeletes() + " range deletes)" : "");
                System.out.printf("  second pass (finds nothing): %.1f ms; full scan %.1f ms before, %.1f ms after;"
                                + " point read %.1f us before, %.1f us after%n",
                        secondPass / 1e6, scanBefore / 1e6, scanAfter / 1e6, pointBefore / 1e3, pointAfter / 1e3);
            }
        }
    }

    /** A baseline: one iterator, every version but each key's newest goes, by point or by one range per key. */
    private static long deleteAllButNewest(RocksEngine engine, boolean rangePerKey) {
        long deleted = 0;
        EngineBatch batch = engine.newBatch();
        try (EngineIterator it = engine.newIterator(ColumnFamily.VERSIONS, null)) {
            byte[] prefix = null;
            boolean rangeQueued = false;
            for (it.seek(new byte[0]); it.isValid(); it.next()) {
                byte[] key = it.key();
                if (prefix == null || !VersionKey.hasPrefix(key, prefix)) {
                    prefix = Arrays.copyOf(key, VersionKey.prefixLength(key)); // the newest: keep it
                    rangeQueued = false;
                    continue;
                }
                deleted++;
                if (!rangePerKey) {
                    batch.delete(ColumnFamily.VERSIONS, key);
                } else if (!rangeQueued) {
                    byte[] oldest = VersionKey.seekKey(prefix, 0);
                    batch.deleteRange(ColumnFamily.VERSIONS, key, Arrays.copyOf(oldest, oldest.length + 1));
                    rangeQueued = true;
                }
                if (batch.count() >= MAX_DELETIONS) {
                    engine.write(batch, false);
                    batch.close();
                    batch = engine.newBatch();
                }
            }
            engine.write(batch, false);
        } finally {
            batch.close();
        }
        return deleted;
    }

    private static long timeScan(MvccReader reader) {
        long start = System.nanoTime();
        int rounds = 3;
        for (int i = 0; i < rounds; i++) {
            reader.scan(new byte[0], null, GC_TS, Integer.MAX_VALUE);
        }
        return (System.nanoTime() - start) / rounds;
    }

    private static long timePointReads(MvccReader reader, int keys) {
        int reads = 20_000;
        long start = System.nanoTime();
        for (int i = 0; i < reads; i++) {
            reader.get(key((int) ((i * 2_654_435_761L) % keys)), GC_TS);
        }
        return (System.nanoTime() - start) / reads;
    }

    private static void write(RocksEngine engine, int keys, int versions) {
        EngineBatch batch = engine.newBatch();
        try {
            for (int k = 0; k < keys; k++) {
                byte[] key = key(k);
                for (int v = 1; v <= versions; v++) {
                    MvccWriter.putVersion(batch, key, v, new byte[100], 1L);
                    if (batch.count() == 10_000) {
                        engine.write(batch, false);
                        batch.close();
                        batch = engine.newBatch();
                    }
                }
            }
            engine.write(batch, false);
        } finally {
            batch.close();
        }
    }

    /** An 8-byte key: a fixed prefix standing in for the partition, then a big-endian counter. */
    private static byte[] key(int k) {
        return ByteBuffer.allocate(8).putInt(7).putInt(k).array();
    }

    private static void deleteRecursively(Path dir) throws IOException {
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}

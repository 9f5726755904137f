package io.basalt.kv.gc;

import static io.basalt.kv.gc.GcFixtures.b;
import static io.basalt.kv.gc.GcFixtures.collectAll;
import static io.basalt.kv.gc.GcFixtures.countAllVersions;
import static io.basalt.kv.gc.GcFixtures.timestamps;
import static io.basalt.kv.gc.GcFixtures.version;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import io.basalt.kv.engine.ColumnFamily;
import io.basalt.kv.engine.EngineOptions;
import io.basalt.kv.engine.RocksEngine;
import io.basalt.kv.mvcc.MvccReader;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Bounded batches, resume keys, and what splitting the work must not change. */
class VersionGcBatchingTest {
    private RocksEngine engine;
    private MvccReader reader;
    private VersionGarbageCollector gc;

    @BeforeEach
    void open() {
        engine = RocksEngine.open(EngineOptions.inMemory());
        reader = new MvccReader(engine);
        gc = new VersionGarbageCollector(engine);
    }

    @AfterEach
    void close() {
        engine.close();
    }

    @Test
    void noBatchExceedsMaxDeletionsAndEveryCallMakesProgress() {
        // 20 keys with 10 garbage versions each: short runs, so one point delete per version.
        for (int k = 0; k < 20; k++) {
            for (long ts = 1; ts <= 11; ts++) {
                version(engine, "k" + (char) ('a' + k), ts, "v" + ts);
            }
        }

        int calls = 0;
        byte[] from = b("");
        GcResult result;
        do {
            result = gc.collect(from, null, 100, 7);
            assertThat(result.deleteOperations()).isLessThanOrEqualTo(7);
            assertThat(result.rangeDeletes()).isZero();
            from = result.resumeKey();
            calls++;
        } while (!result.isDone());

        assertThat(calls).isEqualTo(29); // 200 garbage versions, 7 per batch
        assertThat(gc.stats().deletedVersions()).isEqualTo(200);
        assertThat(GcFixtures.countAllVersions(engine)).isEqualTo(20);
    }

    @Test
    void longRunOfOneKeyGoesAsOneRangeDeleteThatStopsAtTheKeysEnd() {
        byte[] hot = {'h', 0};
        // Neighbours on both sides, prefix-related and with 0x00 bytes: their versions sort right
        // before and right after the hot key's, where an overlong range would reach them. All
        // their versions are above gcTs, so only such a range could delete any of them.
        byte[][] neighbours = {{'h'}, {'h', 0, 0}, {'h', 0, 1}, {'h', 0, 'x'}, {'h', 1}};
        for (long ts = 1; ts <= 100; ts++) {
            version(engine, hot, ts, b("v" + ts));
        }
        for (byte[] neighbour : neighbours) {
            for (long ts = 101; ts <= 103; ts++) {
                version(engine, neighbour, ts, b("n" + ts));
            }
        }

        GcResult result = gc.collect(b(""), null, 100, 1);

        assertThat(result.isDone()).isTrue();
        assertThat(result.deletedVersions()).isEqualTo(99);
        assertThat(result.rangeDeletes()).isEqualTo(1);
        assertThat(result.pointDeletes()).isZero();
        assertThat(timestamps(engine, hot)).containsExactly(100L);
        for (byte[] neighbour : neighbours) {
            assertThat(timestamps(engine, neighbour)).containsExactly(103L, 102L, 101L);
        }
        assertThat(reader.get(hot, 100).committedValue()).isEqualTo(b("v100"));
    }

    @Test
    void longRunUnderATombstoneGoesWithTheTombstoneInOneRangeDelete() {
        for (long ts = 1; ts <= 50; ts++) {
            version(engine, "k", ts, ts == 50 ? null : "v" + ts);
        }
        version(engine, "k", 70, "v70");
        version(engine, "next", 1, "n1");

        GcResult result = gc.collect(b(""), null, 60, 1);

        assertThat(result.deletedVersions()).isEqualTo(50);
        assertThat(result.rangeDeletes()).isEqualTo(1);
        assertThat(timestamps(engine, "k")).containsExactly(70L);
        assertThat(timestamps(engine, "next")).containsExactly(1L);
        assertThat(reader.get(b("k"), 60).committedValue()).isNull();
        assertThat(reader.get(b("k"), 70).committedValue()).isEqualTo(b("v70"));
    }

    @Test
    void rangeDeleteStartsAtTheThreshold() {
        int threshold = VersionGarbageCollector.RANGE_DELETE_MIN_VERSIONS;
        for (long ts = 1; ts <= threshold; ts++) {
            version(engine, "short", ts, "v" + ts); // one fewer garbage version than the threshold
            version(engine, "long", ts, "v" + ts);
        }
        version(engine, "long", threshold + 1, "v");
        for (long ts = 1; ts < threshold; ts++) {
            version(engine, "tombstoned", ts, "v" + ts); // with its tombstone: exactly the threshold
        }
        version(engine, "tombstoned", threshold, null);

        GcResult result = gc.collect(b(""), null, 100, 100);

        assertThat(result.pointDeletes()).isEqualTo(threshold - 1);
        assertThat(result.rangeDeletes()).isEqualTo(2);
        assertThat(result.deletedVersions()).isEqualTo((threshold - 1) + threshold + threshold);
        assertThat(timestamps(engine, "short")).containsExactly((long) threshold);
        assertThat(timestamps(engine, "long")).containsExactly(threshold + 1L);
        assertThat(timestamps(engine, "tombstoned")).isEmpty();
    }

    @Test
    void resumeKeyIsTheKeyWhereTheBudgetRanOut() {
        for (String key : new String[] {"a", "b"}) {
            for (long ts = 1; ts <= 4; ts++) {
                version(engine, key, ts, key + ts);
            }
        }

        GcResult first = gc.collect(b(""), null, 10, 4);

        assertThat(first.deletedVersions()).isEqualTo(4);
        assertThat(first.resumeKey()).isEqualTo(b("b"));
        // a's three garbage versions and b's newest garbage one (newest first) filled the batch.
        assertThat(timestamps(engine, "a")).containsExactly(4L);
        assertThat(timestamps(engine, "b")).containsExactly(4L, 2L, 1L);

        GcResult second = gc.collect(first.resumeKey(), null, 10, 4);

        assertThat(second.deletedVersions()).isEqualTo(2);
        assertThat(second.isDone()).isTrue();
        assertThat(timestamps(engine, "b")).containsExactly(4L);
    }

    @Test
    void tombstoneIsDeletedOnlyWithTheLastVersionUnderIt() {
        version(engine, "k", 50, null);
        version(engine, "k", 40, "v40");
        version(engine, "k", 30, "v30");
        version(engine, "k", 20, "v20");

        int calls = 0;
        byte[] from = b("");
        GcResult result;
        do {
            result = gc.collect(from, null, 60, 1);
            from = result.resumeKey();
            calls++;
            // Between batches the tombstone must still hide whatever is left under it.
            assertThat(reader.get(b("k"), 60).committedValue()).isNull();
            if (!result.isDone()) {
                assertThat(timestamps(engine, "k")).startsWith(50L);
            }
        } while (!result.isDone());

        assertThat(calls).isEqualTo(4);
        assertThat(timestamps(engine, "k")).isEmpty();
    }

    @Test
    void maxKeysBoundsTheKeysScannedPerCall() {
        for (char c = 'a'; c <= 'j'; c++) {
            version(engine, String.valueOf(c), 10, "v");
        }

        GcResult first = gc.collect(b(""), null, 20, 100, 3);

        assertThat(first.scannedKeys()).isEqualTo(3);
        assertThat(first.resumeKey()).isEqualTo(b("d"));
        int calls = 1;
        GcResult result = first;
        while (!result.isDone()) {
            result = gc.collect(result.resumeKey(), null, 20, 100, 3);
            calls++;
        }
        assertThat(calls).isEqualTo(4);
        assertThat(gc.stats().scannedKeys()).isEqualTo(10);
    }

    @ParameterizedTest(name = "maxDeletions={0}, maxKeys={1}")
    @CsvSource({"1, 2147483647", "3, 2147483647", "10, 5", "1000, 1", "2, 3"})
    void collectingInSmallBatchesDeletesExactlyWhatOnePassWould(int maxDeletions, int maxKeys) {
        List<String> expected;
        try (RocksEngine reference = RocksEngine.open(EngineOptions.inMemory())) {
            writeRandomHistories(reference, 42);
            collectAll(new VersionGarbageCollector(reference), b(""), null, 500, Integer.MAX_VALUE, Integer.MAX_VALUE);
            expected = GcFixtures.dump(reference, ColumnFamily.VERSIONS);
        }
        writeRandomHistories(engine, 42);
        long before = countAllVersions(engine);

        long deleted = collectAll(gc, b(""), null, 500, maxDeletions, maxKeys);

        assertThat(GcFixtures.dump(engine, ColumnFamily.VERSIONS)).isEqualTo(expected);
        assertThat(deleted).isEqualTo(before - expected.size()).isPositive();
    }

    @Test
    void updateHeavyLoopWithPeriodicGcKeepsVersionCountBounded() {
        String[] keys = {"k0", "k1", "k2", "k3", "k4"};
        int lag = 50; // gcTs trails the newest commit by this many timestamps
        Map<String, TreeMap<Long, String>> history = new HashMap<>();
        Random random = new Random(7);
        long ts = 0;
        long written = 0;
        for (int round = 0; round < 40; round++) {
            for (int i = 0; i < 200; i++) {
                String key = keys[random.nextInt(keys.length)];
                ts++;
                String value = random.nextInt(10) == 0 ? null : key + "@" + ts; // null: a tombstone
                version(engine, key, ts, value);
                history.computeIfAbsent(key, k -> new TreeMap<>()).put(ts, value);
                written++;
            }
            long gcTs = ts - lag;
            collectAll(gc, gcTs, 64);

            // At most one version per key at or below gcTs, plus whatever was committed above it.
            assertThat(countAllVersions(engine)).isLessThanOrEqualTo(keys.length + lag);
            for (String key : keys) {
                for (long readTs = gcTs; readTs <= ts; readTs += 7) {
                    Map.Entry<Long, String> visible = history.getOrDefault(key, new TreeMap<>()).floorEntry(readTs);
                    String expected = visible == null ? null : visible.getValue();
                    byte[] actual = reader.get(b(key), readTs).committedValue();
                    assertThat(actual == null ? null : new String(actual, UTF_8)).as("%s at %d", key, readTs).isEqualTo(expected);
                }
            }
        }
        assertThat(written).isEqualTo(8_000);
        assertThat(gc.stats().deletedVersions() + countAllVersions(engine)).isEqualTo(written);
    }

    /**
     * 200 keys with 0 to 40 versions each at random timestamps in [1, 1000], one in five a
     * tombstone: with gcTs 500, both short runs (point deletes) and long ones (range deletes).
     */
    private static void writeRandomHistories(RocksEngine target, long seed) {
        Random random = new Random(seed);
        for (int k = 0; k < 200; k++) {
            byte[] key = {'k', (byte) (k / 16), (byte) (k % 16)}; // plenty of 0x00 bytes
            int versions = random.nextInt(41);
            for (int v = 0; v < versions; v++) {
                long ts = 1 + random.nextInt(1000);
                GcFixtures.version(target, key, ts, random.nextInt(5) == 0 ? null : b("v" + ts));
            }
        }
    }
}

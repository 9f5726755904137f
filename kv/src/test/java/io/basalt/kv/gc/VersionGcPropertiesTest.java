package io.basalt.kv.gc;

import static io.basalt.kv.gc.GcFixtures.b;
import static io.basalt.kv.gc.GcFixtures.collectAll;
import static io.basalt.kv.gc.GcFixtures.timestamps;
import static org.assertj.core.api.Assertions.assertThat;

import io.basalt.kv.codec.Keys;
import io.basalt.kv.engine.EngineOptions;
import io.basalt.kv.engine.RocksEngine;
import io.basalt.kv.mvcc.MvccEntry;
import io.basalt.kv.mvcc.MvccReader;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.constraints.Size;

/**
 * Random histories (keys that are prefixes of each other and contain 0x00 and 0xFF, puts and
 * tombstones at random timestamps), a random gcTs and random batch sizes: every read at or above
 * gcTs is the same after collection, and exactly the garbage is gone.
 *
 * <p>Each try opens its own in-memory engine, writes its keys under a namespace that itself
 * contains 0x00 bytes, and collects only that namespace's range; fence keys just outside it must
 * keep all their versions. (A shared engine closed by {@code @AfterProperty} crashed the JVM: when
 * jqwik's bounded shrinking times out, a shrinking try can still be running on another thread and
 * write through an {@code EngineBatch}, which does not check for a closed engine.)
 */
class VersionGcPropertiesTest {
    private static final long MAX_TS = 40;
    private static final byte[] NAMESPACE = {0, 0, 0, 1};
    /** Just below and just above the namespace, each with garbage that must stay. */
    private static final byte[][] FENCES = {{0, 0, 0, 0, (byte) 0xFF}, {0, 0, 0, 2}};

    /** One user key (its bytes after the try's namespace) and its versions: commit timestamp to "is a tombstone". */
    record KeyHistory(byte[] suffix, Map<Long, Boolean> tombstoneAt) {
    }

    @Property(tries = 300)
    void readsAtOrAboveGcTsAreUnchangedAndOnlyGarbageIsDeleted(
            @ForAll("histories") List<KeyHistory> histories,
            @ForAll @LongRange(min = 0, max = MAX_TS + 5) long gcTs,
            @ForAll @IntRange(min = 1, max = 8) int maxDeletions,
            @ForAll @IntRange(min = 1, max = 4) int maxKeys) {
        try (RocksEngine engine = RocksEngine.open(EngineOptions.inMemory())) {
            checkOneHistory(engine, histories, gcTs, maxDeletions, maxKeys == 4 ? Integer.MAX_VALUE : maxKeys);
        }
    }

    private void checkOneHistory(RocksEngine engine, List<KeyHistory> histories, long gcTs, int maxDeletions, int maxKeys) {
        MvccReader reader = new MvccReader(engine);
        VersionGarbageCollector gc = new VersionGarbageCollector(engine);
        byte[] ns = NAMESPACE;
        List<byte[]> keys = new ArrayList<>();
        List<TreeMap<Long, byte[]>> models = new ArrayList<>();
        long written = write(engine, histories, keys, models);
        List<MvccEntry> readsBefore = readAll(reader, keys, gcTs);
        List<String> scansBefore = scanAll(reader, ns, gcTs);

        long deleted = collectAll(gc, ns, Keys.prefixEnd(ns), gcTs, maxDeletions, maxKeys);

        List<MvccEntry> readsAfter = readAll(reader, keys, gcTs);
        for (int i = 0; i < readsBefore.size(); i++) {
            MvccEntry before = readsBefore.get(i);
            MvccEntry after = readsAfter.get(i);
            assertThat(after.committedValue()).as("read %d", i).isEqualTo(before.committedValue());
            if (before.committedValue() != null) {
                assertThat(after.committedTs()).as("read %d", i).isEqualTo(before.committedTs());
            }
        }
        assertThat(scanAll(reader, ns, gcTs)).isEqualTo(scansBefore);
        long remaining = 0;
        for (int k = 0; k < keys.size(); k++) {
            List<Long> survivors = survivors(models.get(k), gcTs);
            assertThat(timestamps(engine, keys.get(k))).as("versions left of key %d", k).isEqualTo(survivors);
            remaining += survivors.size();
        }
        assertThat(deleted).isEqualTo(written - remaining);
        assertThat(collectAll(gc, ns, Keys.prefixEnd(ns), gcTs, maxDeletions, Integer.MAX_VALUE))
                .as("a second pass finds nothing").isZero();
        assertFencesUntouched(engine);
    }

    @Property(tries = 300)
    void protectedSnapshotsKeepReadingWhatTheyReadAndOnlyWhatTheyReadIsKept(
            @ForAll("histories") List<KeyHistory> histories,
            @ForAll @LongRange(min = 0, max = MAX_TS + 5) long gcTs,
            @ForAll @Size(max = 4) List<@LongRange(min = 0, max = MAX_TS) Long> snapshotList,
            @ForAll @IntRange(min = 1, max = 8) int maxDeletions) {
        GcHorizon horizon = new GcHorizon(gcTs, snapshotList.stream().mapToLong(Long::longValue).toArray());
        List<Long> readTimestamps = new ArrayList<>();
        for (long snapshot : horizon.snapshots()) {
            readTimestamps.add(snapshot);
        }
        for (long ts = gcTs; ts <= MAX_TS + 1; ts++) {
            readTimestamps.add(ts);
        }
        try (RocksEngine engine = RocksEngine.open(EngineOptions.inMemory())) {
            MvccReader reader = new MvccReader(engine);
            VersionGarbageCollector gc = new VersionGarbageCollector(engine);
            List<byte[]> keys = new ArrayList<>();
            List<TreeMap<Long, byte[]>> models = new ArrayList<>();
            long written = write(engine, histories, keys, models);
            List<MvccEntry> readsBefore = readAt(reader, keys, readTimestamps);

            long deleted = 0;
            byte[] from = NAMESPACE;
            do {
                GcResult result = gc.collect(from, Keys.prefixEnd(NAMESPACE), horizon, maxDeletions, Integer.MAX_VALUE);
                assertThat(result.deleteOperations()).isBetween(0, maxDeletions);
                deleted += result.deletedVersions();
                from = result.resumeKey();
            } while (from != null);

            List<MvccEntry> readsAfter = readAt(reader, keys, readTimestamps);
            for (int i = 0; i < readsBefore.size(); i++) {
                assertThat(readsAfter.get(i).committedValue()).as("read %d", i).isEqualTo(readsBefore.get(i).committedValue());
                if (readsBefore.get(i).committedValue() != null) {
                    assertThat(readsAfter.get(i).committedTs()).as("read %d", i).isEqualTo(readsBefore.get(i).committedTs());
                }
            }
            long remaining = 0;
            for (int k = 0; k < keys.size(); k++) {
                List<Long> survivors = survivors(models.get(k), horizon);
                assertThat(timestamps(engine, keys.get(k))).as("versions left of key %d", k).isEqualTo(survivors);
                remaining += survivors.size();
            }
            assertThat(deleted).isEqualTo(written - remaining);
            assertThat(gc.collect(NAMESPACE, Keys.prefixEnd(NAMESPACE), horizon, Integer.MAX_VALUE, Integer.MAX_VALUE)
                    .deletedVersions()).as("a second pass finds nothing").isZero();
            assertFencesUntouched(engine);
        }
    }

    @Property(tries = 200)
    void writesAboveGcTsBetweenBatchesAreNeverLost(
            @ForAll("histories") List<KeyHistory> histories,
            @ForAll @LongRange(min = 0, max = MAX_TS) long gcTs,
            @ForAll @IntRange(min = 1, max = 3) int maxDeletions,
            @ForAll long seed) {
        try (RocksEngine engine = RocksEngine.open(EngineOptions.inMemory())) {
            checkWritesBetweenBatches(engine, histories, gcTs, maxDeletions, new Random(seed));
        }
    }

    private void checkWritesBetweenBatches(RocksEngine engine, List<KeyHistory> histories, long gcTs, int maxDeletions,
            Random random) {
        MvccReader reader = new MvccReader(engine);
        VersionGarbageCollector gc = new VersionGarbageCollector(engine);
        byte[] ns = NAMESPACE;
        List<byte[]> keys = new ArrayList<>();
        List<TreeMap<Long, byte[]>> models = new ArrayList<>();
        write(engine, histories, keys, models);
        // Each batch is followed by a commit to a random key, above gcTs and above the key's history
        // (the oracle is monotonic), sometimes a tombstone.
        long clock = MAX_TS;
        byte[] from = ns;
        GcResult result;
        do {
            result = gc.collect(from, Keys.prefixEnd(ns), gcTs, maxDeletions);
            from = result.resumeKey();
            if (!keys.isEmpty()) {
                int k = random.nextInt(keys.size());
                long ts = ++clock;
                byte[] value = random.nextInt(4) == 0 ? null : value(keys.get(k), ts);
                GcFixtures.version(engine, keys.get(k), ts, value);
                models.get(k).put(ts, value);
            }
        } while (!result.isDone());

        for (int k = 0; k < keys.size(); k++) {
            for (long ts = gcTs; ts <= clock + 1; ts++) {
                Map.Entry<Long, byte[]> visible = models.get(k).floorEntry(ts);
                byte[] expected = visible == null ? null : visible.getValue();
                assertThat(reader.get(keys.get(k), ts).committedValue()).as("key %d at %d", k, ts).isEqualTo(expected);
            }
            assertThat(timestamps(engine, keys.get(k))).as("versions above gcTs of key %d", k)
                    .containsAll(models.get(k).tailMap(gcTs, false).descendingKeySet());
        }
        assertFencesUntouched(engine);
    }

    @Provide
    Arbitrary<List<KeyHistory>> histories() {
        // Small alphabet, short keys: many keys are prefixes of others, and 0x00 0x01 inside a key
        // imitates the version-key terminator.
        Arbitrary<byte[]> suffix = Arbitraries.of((byte) 0x00, (byte) 0x01, (byte) 'a', (byte) 0xFF)
                .list().ofMaxSize(3)
                .map(bytes -> {
                    byte[] out = new byte[bytes.size()];
                    for (int i = 0; i < out.length; i++) {
                        out[i] = bytes.get(i);
                    }
                    return out;
                });
        Arbitrary<Map<Long, Boolean>> versions = Arbitraries.maps(
                Arbitraries.longs().between(1, MAX_TS),
                Arbitraries.integers().between(0, 3).map(i -> i == 0)) // one in four a tombstone
                .ofMaxSize(2 * VersionGarbageCollector.RANGE_DELETE_MIN_VERSIONS); // point and range deletes
        return Combinators.combine(suffix, versions).as(KeyHistory::new)
                .list().ofMaxSize(6)
                .uniqueElements(history -> HexFormat.of().formatHex(history.suffix()));
    }

    /** What one unbounded pass leaves of a key: everything above gcTs, and the newest at/below it if that is a put. */
    private static List<Long> survivors(TreeMap<Long, byte[]> model, long gcTs) {
        List<Long> out = new ArrayList<>(model.tailMap(gcTs, false).descendingKeySet());
        Map.Entry<Long, byte[]> visibleAtGcTs = model.floorEntry(gcTs);
        if (visibleAtGcTs != null && visibleAtGcTs.getValue() != null) {
            out.add(visibleAtGcTs.getKey());
        }
        return out;
    }

    /**
     * What one unbounded pass leaves of a key under a horizon with snapshots: everything above
     * gcTs; for gcTs and each snapshot, the newest version at or below it; except that tombstones
     * at the old end of those go too (with nothing older left, a reader sees "absent" either way).
     */
    private static List<Long> survivors(TreeMap<Long, byte[]> model, GcHorizon horizon) {
        java.util.TreeSet<Long> kept = new java.util.TreeSet<>(model.tailMap(horizon.gcTs(), false).keySet());
        java.util.TreeSet<Long> keptAtOrBelow = new java.util.TreeSet<>();
        List<Long> boundaries = new ArrayList<>(List.of(horizon.gcTs()));
        for (long snapshot : horizon.snapshots()) {
            boundaries.add(snapshot);
        }
        for (long boundary : boundaries) {
            Map.Entry<Long, byte[]> visible = model.floorEntry(boundary);
            if (visible != null) {
                keptAtOrBelow.add(visible.getKey());
            }
        }
        while (!keptAtOrBelow.isEmpty() && model.get(keptAtOrBelow.first()) == null) {
            keptAtOrBelow.remove(keptAtOrBelow.first());
        }
        kept.addAll(keptAtOrBelow);
        return new ArrayList<>(kept.descendingSet());
    }

    private static List<MvccEntry> readAt(MvccReader reader, List<byte[]> keys, List<Long> timestamps) {
        List<MvccEntry> out = new ArrayList<>();
        for (byte[] key : keys) {
            for (long ts : timestamps) {
                out.add(reader.get(key, ts));
            }
        }
        return out;
    }

    /**
     * Writes the fences and every history under the namespace; fills {@code keys} and, per key, its
     * model (commit timestamp to value, null for a tombstone). Returns the versions written.
     */
    private static long write(RocksEngine engine, List<KeyHistory> histories, List<byte[]> keys,
            List<TreeMap<Long, byte[]>> models) {
        writeFences(engine);
        long written = 0;
        for (KeyHistory history : histories) {
            byte[] key = concat(NAMESPACE, history.suffix());
            TreeMap<Long, byte[]> model = new TreeMap<>();
            for (Map.Entry<Long, Boolean> version : history.tombstoneAt().entrySet()) {
                byte[] value = version.getValue() ? null : value(key, version.getKey());
                GcFixtures.version(engine, key, version.getKey(), value);
                model.put(version.getKey(), value);
                written++;
            }
            keys.add(key);
            models.add(model);
        }
        return written;
    }

    private static void writeFences(RocksEngine engine) {
        for (byte[] fence : FENCES) {
            for (long ts = 1; ts <= 3; ts++) {
                GcFixtures.version(engine, fence, ts, ts == 2 ? null : value(fence, ts));
            }
        }
    }

    private static void assertFencesUntouched(RocksEngine engine) {
        for (byte[] fence : FENCES) {
            assertThat(timestamps(engine, fence)).containsExactly(3L, 2L, 1L);
        }
    }

    private static List<MvccEntry> readAll(MvccReader reader, List<byte[]> keys, long gcTs) {
        List<MvccEntry> out = new ArrayList<>();
        for (byte[] key : keys) {
            for (long ts = gcTs; ts <= MAX_TS + 1; ts++) {
                out.add(reader.get(key, ts));
            }
        }
        return out;
    }

    /** Scans of the namespace at every timestamp from gcTs up, rendered as text to compare. */
    private static List<String> scanAll(MvccReader reader, byte[] ns, long gcTs) {
        List<String> out = new ArrayList<>();
        HexFormat hex = HexFormat.of();
        for (long ts = gcTs; ts <= MAX_TS + 1; ts++) {
            StringBuilder line = new StringBuilder().append(ts).append(':');
            for (MvccEntry entry : reader.scan(ns, Keys.prefixEnd(ns), ts, 1000).entries()) {
                line.append(' ').append(hex.formatHex(entry.key())).append('=')
                        .append(hex.formatHex(entry.committedValue())).append('@').append(entry.committedTs());
            }
            out.add(line.toString());
        }
        return out;
    }

    private static byte[] value(byte[] key, long ts) {
        return b(HexFormat.of().formatHex(key) + "@" + ts);
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = new byte[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}

package io.basalt.kv.gc;

import static io.basalt.kv.gc.GcFixtures.b;
import static io.basalt.kv.gc.GcFixtures.collectAll;
import static io.basalt.kv.gc.GcFixtures.intent;
import static io.basalt.kv.gc.GcFixtures.timestamps;
import static io.basalt.kv.gc.GcFixtures.version;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.basalt.kv.codec.KeyEncoder;
import io.basalt.kv.codec.Keys;
import io.basalt.kv.engine.ColumnFamily;
import io.basalt.kv.engine.EngineOptions;
import io.basalt.kv.engine.RocksEngine;
import io.basalt.kv.engine.StorageException;
import io.basalt.kv.mvcc.MvccEntry;
import io.basalt.kv.mvcc.MvccReader;
import io.basalt.kv.partition.PartitionKeys;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Which versions a pass keeps, per key, and what it must never touch. */
class VersionGarbageCollectorTest {
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
    void versionsAboveGcTsAreNeverCollected() {
        version(engine, "k", 90, "v90");
        version(engine, "k", 80, null);
        version(engine, "k", 70, "v70");
        version(engine, "k", 50, "v50");
        version(engine, "only-new", 61, "v61");
        version(engine, "only-new", 62, "v62");

        GcResult result = gc.collect(b(""), null, 60, 100);

        assertThat(result.deletedVersions()).isZero();
        assertThat(result.isDone()).isTrue();
        assertThat(timestamps(engine, "k")).containsExactly(90L, 80L, 70L, 50L);
        assertThat(timestamps(engine, "only-new")).containsExactly(62L, 61L);
    }

    @Test
    void keepsOnlyTheNewestVersionAtOrBelowGcTsAndReadersSeeNoDifference() {
        version(engine, "k", 90, "v90");
        version(engine, "k", 50, "v50");
        version(engine, "k", 40, "v40");
        version(engine, "k", 20, null);
        version(engine, "k", 10, "v10");
        List<MvccEntry> before = readsFrom(b("k"), 60, 100);

        GcResult result = gc.collect(b(""), null, 60, 100);

        assertThat(result.deletedVersions()).isEqualTo(3);
        assertThat(result.scannedKeys()).isEqualTo(1);
        assertThat(timestamps(engine, "k")).containsExactly(90L, 50L);
        assertSameReads(before, readsFrom(b("k"), 60, 100));
        assertThat(reader.get(b("k"), 60).committedValue()).isEqualTo(b("v50"));
    }

    @Test
    void versionCommittedExactlyAtGcTsIsTheOneKept() {
        version(engine, "k", 60, "v60");
        version(engine, "k", 59, "v59");
        version(engine, "k", 10, "v10");

        gc.collect(b(""), null, 60, 100);

        assertThat(timestamps(engine, "k")).containsExactly(60L);
        assertThat(reader.get(b("k"), 60).committedValue()).isEqualTo(b("v60"));
    }

    @Test
    void tombstoneAtOrBelowGcTsIsCollectedWithEverythingUnderIt() {
        version(engine, "revived", 90, "v90");
        version(engine, "revived", 50, null);
        version(engine, "revived", 40, "v40");
        version(engine, "revived", 10, "v10");
        version(engine, "deleted", 50, null);
        version(engine, "deleted", 40, "v40");
        version(engine, "deleted-at-gc", 60, null);
        version(engine, "deleted-at-gc", 30, "v30");
        List<MvccEntry> revivedBefore = readsFrom(b("revived"), 60, 100);

        GcResult result = gc.collect(b(""), null, 60, 100);

        assertThat(result.deletedVersions()).isEqualTo(3 + 2 + 2);
        assertThat(timestamps(engine, "revived")).containsExactly(90L);
        assertThat(timestamps(engine, "deleted")).isEmpty();
        assertThat(timestamps(engine, "deleted-at-gc")).isEmpty();
        assertSameReads(revivedBefore, readsFrom(b("revived"), 60, 100));
        for (long ts = 60; ts <= 100; ts++) {
            assertThat(reader.get(b("deleted"), ts).committedValue()).isNull();
            assertThat(reader.get(b("deleted-at-gc"), ts).committedValue()).isNull();
        }
        // The one visible difference: an absent key no longer reports the tombstone's timestamp.
        // It was at or below gcTs, so no writer's first-updater-wins check could fail on it.
        assertThat(reader.newestVersion(b("deleted")).committedTs()).isZero();
    }

    @Test
    void tombstoneAboveGcTsKeepsTheVersionUnderItThatReadersAtGcTsSee() {
        version(engine, "k", 70, null);
        version(engine, "k", 50, "v50");
        version(engine, "k", 40, "v40");

        gc.collect(b(""), null, 60, 100);

        assertThat(timestamps(engine, "k")).containsExactly(70L, 50L);
        assertThat(reader.get(b("k"), 60).committedValue()).isEqualTo(b("v50"));
        assertThat(reader.get(b("k"), 70).committedValue()).isNull();
    }

    @Test
    void intentsAreNeverTouched() {
        version(engine, "with-garbage", 50, "v50");
        version(engine, "with-garbage", 40, "v40");
        intent(engine, b("with-garbage"), 77, b("pending"));
        version(engine, "tombstoned", 50, null);
        version(engine, "tombstoned", 40, "v40");
        intent(engine, b("tombstoned"), 78, null);
        intent(engine, b("intent-only"), 79, b("fresh"));
        List<String> intentsBefore = GcFixtures.dump(engine, ColumnFamily.INTENTS);

        long deleted = collectAll(gc, 60, 1);

        assertThat(deleted).isEqualTo(1 + 2);
        assertThat(GcFixtures.dump(engine, ColumnFamily.INTENTS)).hasSize(3).isEqualTo(intentsBefore);
        assertThat(reader.get(b("with-garbage"), 60).intent().txnId()).isEqualTo(77);
        assertThat(reader.get(b("tombstoned"), 60).intent().txnId()).isEqualTo(78);
        assertThat(reader.get(b("intent-only"), 60).intent().value()).isEqualTo(b("fresh"));
    }

    @Test
    void keysThatArePrefixesOfOthersOrContainZeroBytesKeepTheirOwnHistories() {
        // Without the escaping, "a"'s versions would interleave with "a\0..."'s and a pass could
        // take one key's version as another's. 0x00 0x01 inside a key imitates the terminator.
        byte[][] keys = {
            {}, {0}, {0, 0}, {'a'}, {'a', 0}, {'a', 0, 0}, {'a', 0, 1}, {'a', 0, 'b'}, {'a', 'b'},
            {'a', (byte) 0xFF}, {(byte) 0xFF},
        };
        for (int i = 0; i < keys.length; i++) {
            version(engine, keys[i], 10, tag(i, 10));
            version(engine, keys[i], 20, tag(i, 20));
            version(engine, keys[i], 40, tag(i, 40));
            if (i % 3 == 1) {
                version(engine, keys[i], 25, null);
            }
        }

        collectAll(gc, 30, 4);

        for (int i = 0; i < keys.length; i++) {
            if (i % 3 == 1) {
                assertThat(timestamps(engine, keys[i])).as("key %d", i).containsExactly(40L);
                assertThat(reader.get(keys[i], 30).committedValue()).as("key %d", i).isNull();
            } else {
                assertThat(timestamps(engine, keys[i])).as("key %d", i).containsExactly(40L, 20L);
                assertThat(reader.get(keys[i], 30).committedValue()).as("key %d", i).isEqualTo(tag(i, 20));
            }
            assertThat(reader.get(keys[i], 40).committedValue()).as("key %d", i).isEqualTo(tag(i, 40));
        }
    }

    @Test
    void onlyKeysInsideTheRangeAreCollected() {
        for (String key : new String[] {"a", "b", "b\0", "ba", "c", "c\0"}) {
            version(engine, key, 10, key + "10");
            version(engine, key, 20, key + "20");
        }

        GcResult result = gc.collect(b("b"), b("c"), 30, 100);

        assertThat(result.scannedKeys()).isEqualTo(3);
        assertThat(timestamps(engine, "a")).containsExactly(20L, 10L);
        assertThat(timestamps(engine, "b")).containsExactly(20L);
        assertThat(timestamps(engine, "b\0")).containsExactly(20L);
        assertThat(timestamps(engine, "ba")).containsExactly(20L);
        assertThat(timestamps(engine, "c")).as("the end is exclusive").containsExactly(20L, 10L);
        assertThat(timestamps(engine, "c\0")).containsExactly(20L, 10L);

        gc.collect(b("c"), null, 30, 100);

        assertThat(timestamps(engine, "c")).containsExactly(20L);
        assertThat(timestamps(engine, "c\0")).as("a null end means no bound").containsExactly(20L);
        assertThat(timestamps(engine, "a")).containsExactly(20L, 10L);
    }

    @Test
    void collectingOnePartitionsRangeStaysInsideIt() {
        List<byte[]> keys = new ArrayList<>();
        for (int partition = 1; partition <= 3; partition++) {
            for (String pk : new String[] {"", "x", "y"}) {
                byte[] key = new KeyEncoder().writeRawBytes(PartitionKeys.prefix(partition)).writeString(pk).toByteArray();
                keys.add(key);
                version(engine, key, 10, b("old"));
                version(engine, key, 20, b("new"));
            }
        }

        byte[] resume = PartitionKeys.prefix(2);
        long deleted = 0;
        do {
            GcResult result = gc.collect(resume, Keys.prefixEnd(PartitionKeys.prefix(2)), 30, 1);
            deleted += result.deletedVersions();
            resume = result.resumeKey();
        } while (resume != null);

        assertThat(deleted).isEqualTo(3);
        for (byte[] key : keys) {
            int expected = PartitionKeys.partitionOf(key) == 2 ? 1 : 2;
            assertThat(timestamps(engine, key)).hasSize(expected);
        }
    }

    @Test
    void collectingTwiceFindsNothingTheSecondTime() {
        version(engine, "k", 30, "v30");
        version(engine, "k", 20, "v20");
        version(engine, "gone", 20, null);
        version(engine, "gone", 10, "v10");

        assertThat(collectAll(gc, 40, 100)).isEqualTo(3);
        assertThat(collectAll(gc, 40, 100)).isZero();
    }

    @Test
    void statsAddUpOverCalls() {
        for (String key : new String[] {"a", "b", "c"}) {
            version(engine, key, 10, "old");
            version(engine, key, 20, "new");
        }

        GcResult first = gc.collect(b(""), null, 30, 2);
        GcResult second = gc.collect(first.resumeKey(), null, 30, 2);

        assertThat(first.deletedVersions()).isEqualTo(2);
        assertThat(first.resumeKey()).isEqualTo(b("c"));
        assertThat(second.deletedVersions()).isEqualTo(1);
        assertThat(second.isDone()).isTrue();
        GcStats stats = gc.stats();
        assertThat(stats.deletedVersions()).isEqualTo(3);
        assertThat(stats.scannedKeys()).as("c is counted by both calls").isEqualTo(3 + 1);
        assertThat(stats.rangeDeletes()).isZero();
        assertThat(stats.batchesWritten()).isEqualTo(2);
        assertThat(stats.rangesCompleted()).isEqualTo(1);
    }

    @Test
    void rejectsMeaninglessArguments() {
        assertThatThrownBy(() -> gc.collect(null, null, 10, 10)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> gc.collect(b("a"), null, -1, 10)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> gc.collect(b("a"), null, 10, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> gc.collect(b("a"), null, 10, 10, 0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void failsCleanlyAfterTheEngineCloses() {
        version(engine, "k", 10, "v");
        engine.close();

        assertThatThrownBy(() -> gc.collect(b(""), null, 20, 10)).isInstanceOf(StorageException.class);
    }

    private static byte[] tag(int key, long ts) {
        return b(key + "@" + ts);
    }

    private List<MvccEntry> readsFrom(byte[] key, long fromTs, long toTs) {
        List<MvccEntry> out = new ArrayList<>();
        for (long ts = fromTs; ts <= toTs; ts++) {
            out.add(reader.get(key, ts));
        }
        return out;
    }

    /** Same value at every timestamp, and the same commit timestamp wherever there is a value. */
    private static void assertSameReads(List<MvccEntry> before, List<MvccEntry> after) {
        assertThat(after).hasSameSizeAs(before);
        for (int i = 0; i < before.size(); i++) {
            assertThat(after.get(i).committedValue()).as("read %d", i).isEqualTo(before.get(i).committedValue());
            if (before.get(i).committedValue() != null) {
                assertThat(after.get(i).committedTs()).as("read %d", i).isEqualTo(before.get(i).committedTs());
            }
        }
    }
}

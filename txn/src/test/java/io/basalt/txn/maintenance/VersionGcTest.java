package io.basalt.txn.maintenance;

import static io.basalt.txn.TxnTestbed.key;
import static io.basalt.txn.TxnTestbed.text;
import static io.basalt.txn.TxnTestbed.value;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.basalt.kv.engine.ColumnFamily;
import io.basalt.kv.engine.EngineIterator;
import io.basalt.txn.IsolationLevel;
import io.basalt.txn.KeyValue;
import io.basalt.txn.Transaction;
import io.basalt.txn.TxnConfig;
import io.basalt.txn.TxnTestbed;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * MVCC garbage collection driven by the transaction manager: an update-heavy workload keeps the
 * number of stored versions bounded, while a snapshot opened before it keeps reading exactly its
 * values; a serializable transaction holds back every version above its snapshot; the scheduled
 * job runs by itself.
 */
class VersionGcTest {
    private static final int KEYS = 5;
    private static final int ROUNDS = 2_000;
    private static final int GC_EVERY = 100;
    /** Collection on demand only, and no retention, so every version nobody reads can go. */
    private static final TxnConfig MANUAL_GC = TxnConfig.DEFAULT.withGc(0, 0);

    @Test
    void updateHeavyLoopStaysBoundedWhileAnOlderSnapshotStillReadsItsValues() {
        try (TxnTestbed db = TxnTestbed.inMemory(4, MANUAL_GC)) {
            List<byte[]> keys = keys();
            Transaction setup = db.begin();
            keys.forEach(k -> setup.put(k, value("v0")));
            setup.commit();
            Transaction oldSnapshot = db.begin(IsolationLevel.SNAPSHOT);
            assertReads(oldSnapshot, keys, "v0");

            long mostVersions = 0;
            for (int round = 1; round <= ROUNDS; round++) {
                Transaction update = db.begin(IsolationLevel.SNAPSHOT);
                for (byte[] k : keys) {
                    update.put(k, value("v" + round));
                }
                update.commit();
                mostVersions = Math.max(mostVersions, storedVersions(db));
                if (round % GC_EVERY == 0) {
                    db.manager.collectGarbage();
                    // Per key: the newest version, and the one the old snapshot reads.
                    assertThat(storedVersions(db)).as("versions after collecting in round %d", round).isEqualTo(2L * KEYS);
                    assertReads(oldSnapshot, keys, "v0");
                    assertThat(db.read(keys.get(0))).isEqualTo("v" + round);
                }
            }

            assertThat(mostVersions).as("versions stored at any time").isLessThanOrEqualTo((2L + GC_EVERY) * KEYS);
            assertThat(db.manager.stats().versionsCollected()).as("versions collected")
                    .isEqualTo((long) ROUNDS * KEYS + KEYS - 2L * KEYS);
            oldSnapshot.commit();
            db.manager.collectGarbage();
            assertThat(storedVersions(db)).as("versions once the old snapshot ended").isEqualTo(KEYS);
        }
    }

    @Test
    void aSerializableTransactionKeepsEveryVersionAboveItsSnapshot() {
        try (TxnTestbed db = TxnTestbed.inMemory(4, MANUAL_GC)) {
            byte[] k = key(1, "k");
            db.write(k, "v0");
            Transaction serializable = db.begin(IsolationLevel.SERIALIZABLE_SSI);
            assertThat(text(serializable.get(k))).isEqualTo("v0");
            for (int i = 1; i <= 10; i++) {
                db.write(k, "v" + i);
            }

            db.manager.collectGarbage();

            // SSI finds its rw-antidependencies through the writers of versions newer than its
            // snapshot, so none of them may go while it runs.
            assertThat(storedVersions(db)).isEqualTo(11);
            assertThat(text(serializable.get(k))).isEqualTo("v0");
            serializable.commit();
            db.manager.collectGarbage();
            assertThat(storedVersions(db)).isEqualTo(1);
        }
    }

    @Test
    void retentionKeepsRecentVersionsEvenWithNoReader() {
        try (TxnTestbed db = TxnTestbed.inMemory(4, TxnConfig.DEFAULT.withGc(0, 60_000))) {
            byte[] k = key(1, "k");
            for (int i = 0; i < 10; i++) {
                db.write(k, "v" + i);
            }

            assertThat(db.manager.collectGarbage()).isZero();
            assertThat(storedVersions(db)).isEqualTo(10);
        }
    }

    @Test
    void theScheduledJobCollectsWithoutBeingAsked() {
        try (TxnTestbed db = TxnTestbed.inMemory(4, TxnConfig.DEFAULT.withGc(20, 0))) {
            byte[] k = key(2, "k");
            for (int i = 0; i < 50; i++) {
                db.write(k, "v" + i);
            }

            await().atMost(Duration.ofSeconds(10)).until(() -> storedVersions(db) == 1);
            assertThat(db.read(k)).isEqualTo("v49");
        }
    }

    private static List<byte[]> keys() {
        List<byte[]> keys = new ArrayList<>();
        for (int i = 0; i < KEYS; i++) {
            keys.add(key(i % 4, "key" + i));
        }
        return keys;
    }

    /** Point reads and one scan per partition, all at the transaction's snapshot. */
    private static void assertReads(Transaction txn, List<byte[]> keys, String expected) {
        for (byte[] k : keys) {
            assertThat(text(txn.get(k))).isEqualTo(expected);
        }
        int scanned = 0;
        for (int partition = 0; partition < 4; partition++) {
            Iterator<KeyValue> it = txn.scan(new byte[] {(byte) partition}, new byte[] {(byte) (partition + 1)});
            while (it.hasNext()) {
                assertThat(text(it.next().value())).isEqualTo(expected);
                scanned++;
            }
        }
        assertThat(scanned).isEqualTo(keys.size());
    }

    private static long storedVersions(TxnTestbed db) {
        long count = 0;
        try (EngineIterator it = db.engine.newIterator(ColumnFamily.VERSIONS, null)) {
            for (it.seek(new byte[0]); it.isValid(); it.next()) {
                count++;
            }
        }
        return count;
    }
}

package io.basalt.txn.coord;

import static io.basalt.txn.TxnTestbed.key;
import static io.basalt.txn.TxnTestbed.text;
import static io.basalt.txn.TxnTestbed.value;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.basalt.kv.engine.ColumnFamily;
import io.basalt.kv.engine.EngineIterator;
import io.basalt.txn.Async;
import io.basalt.txn.DuplicateKeyException;
import io.basalt.txn.IsolationLevel;
import io.basalt.txn.Transaction;
import io.basalt.txn.TransactionRetryException;
import io.basalt.txn.TxnConfig;
import io.basalt.txn.TxnTestbed;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * One-phase commit in one batch ({@code OnePhaseCommitCommand}): it writes versions and nothing
 * else, and under contention every transaction ends as it did on the intent path (each outcome test
 * runs with the batch path on and off and expects the same).
 */
class OnePhaseBatchCommitTest {

    private static TxnTestbed db(boolean batch) {
        return TxnTestbed.inMemory(4, TxnConfig.DEFAULT.withOnePhaseBatch(batch));
    }

    private static long count(TxnTestbed db, ColumnFamily family) {
        long n = 0;
        try (EngineIterator it = db.engine.newIterator(family, null)) {
            for (it.seek(new byte[0]); it.isValid(); it.next()) {
                n++;
            }
        }
        return n;
    }

    @Test
    void singlePartitionCommitWritesVersionsOnlyNoIntentNoRecord() {
        try (TxnTestbed db = db(true)) {
            Transaction txn = db.begin();
            txn.put(key(1, "a"), value("1"));
            txn.insert(key(1, "b"), value("2"));
            txn.commit();

            assertThat(db.read(key(1, "a"))).isEqualTo("1");
            assertThat(db.read(key(1, "b"))).isEqualTo("2");
            assertThat(count(db, ColumnFamily.INTENTS)).as("intents").isZero();
            assertThat(count(db, ColumnFamily.TXNS)).as("transaction records").isZero();
            assertThat(db.manager.stats().onePhaseBatchCommits()).isEqualTo(1);
            assertThat(db.manager.stats().onePhaseCommits()).isEqualTo(1);
            assertThat(txn.requestCount()).as("one command: the commit").isEqualTo(1);
        }
    }

    @Test
    void deleteWritesATombstone() {
        try (TxnTestbed db = db(true)) {
            db.write(key(1, "a"), "1");
            Transaction txn = db.begin();
            txn.delete(key(1, "a"));
            txn.commit();
            assertThat(db.read(key(1, "a"))).isNull();
            assertThat(db.manager.stats().onePhaseBatchCommits()).isEqualTo(2);
        }
    }

    @Test
    void writesAlreadyFlushedOrOnSeveralPartitionsTakeTheIntentPath() {
        try (TxnTestbed db = db(true)) {
            Transaction flushed = db.begin();
            flushed.put(key(1, "a"), value("1"));
            flushed.flush();
            flushed.put(key(1, "b"), value("2"));
            flushed.commit();
            Transaction spread = db.begin();
            spread.put(key(1, "c"), value("3"));
            spread.put(key(2, "d"), value("4"));
            spread.commit();

            assertThat(db.manager.stats().onePhaseBatchCommits()).isZero();
            assertThat(db.manager.stats().onePhaseCommits()).isEqualTo(1);
            assertThat(db.manager.stats().twoPhaseCommits()).isEqualTo(1);
            assertThat(db.read(key(1, "b"))).isEqualTo("2");
            assertThat(db.read(key(2, "d"))).isEqualTo("4");
        }
    }

    @ParameterizedTest(name = "batch={0}")
    @ValueSource(booleans = {true, false})
    void firstUpdaterWinsAgainstAConcurrentCommit(boolean batch) {
        try (TxnTestbed db = db(batch)) {
            db.write(key(1, "a"), "0");
            Transaction t1 = db.begin();
            Transaction t2 = db.begin();
            t1.put(key(1, "a"), value("t1"));
            t1.commit();
            t2.put(key(1, "a"), value("t2"));
            assertThatThrownBy(t2::commit).isInstanceOf(TransactionRetryException.class);
            t2.rollback();
            assertThat(db.read(key(1, "a"))).isEqualTo("t1");
            assertThat(db.manager.stats().writeConflictAborts()).isEqualTo(1);
            assertThat(count(db, ColumnFamily.INTENTS)).isZero();
        }
    }

    @ParameterizedTest(name = "batch={0}")
    @ValueSource(booleans = {true, false})
    void committerWaitsForAnIntentHolderThenLosesToIt(boolean batch) {
        try (TxnTestbed db = db(batch)) {
            Transaction holder = db.begin();
            Transaction late = db.begin();
            holder.put(key(2, "k"), value("holder"));
            holder.flush();

            late.put(key(2, "k"), value("late"));
            CompletableFuture<Void> commit = Async.run(late::commit);
            Async.assertBlocked(commit);
            holder.commit();
            assertThat(Async.failure(commit)).isInstanceOf(TransactionRetryException.class);
            late.rollback();
            assertThat(db.read(key(2, "k"))).isEqualTo("holder");
        }
    }

    @ParameterizedTest(name = "batch={0}")
    @ValueSource(booleans = {true, false})
    void committerWaitsForAnIntentHolderThenWinsWhenItAborts(boolean batch) {
        try (TxnTestbed db = db(batch)) {
            Transaction holder = db.begin();
            Transaction late = db.begin();
            holder.put(key(2, "k"), value("holder"));
            holder.flush();

            late.put(key(2, "k"), value("late"));
            CompletableFuture<Void> commit = Async.run(late::commit);
            Async.assertBlocked(commit);
            holder.rollback();
            Async.result(commit);
            assertThat(db.read(key(2, "k"))).isEqualTo("late");
        }
    }

    @ParameterizedTest(name = "batch={0}")
    @ValueSource(booleans = {true, false})
    void insertOverALiveRowIsADuplicate(boolean batch) {
        try (TxnTestbed db = db(batch)) {
            db.write(key(1, "a"), "0");
            Transaction txn = db.begin();
            txn.insert(key(1, "a"), value("again"));
            assertThatThrownBy(txn::commit).isInstanceOf(DuplicateKeyException.class);
            txn.rollback();
            assertThat(db.read(key(1, "a"))).isEqualTo("0");
            assertThat(count(db, ColumnFamily.INTENTS)).isZero();
        }
    }

    @ParameterizedTest(name = "batch={0}")
    @ValueSource(booleans = {true, false})
    void twoPhaseLockingSharedLockBlocksTheCommitUntilReleased(boolean batch) {
        try (TxnTestbed db = db(batch)) {
            db.write(key(1, "a"), "0");
            Transaction reader = db.begin(IsolationLevel.SERIALIZABLE_2PL);
            assertThat(text(reader.get(key(1, "a")))).isEqualTo("0");
            Transaction writer = db.begin(IsolationLevel.SERIALIZABLE_2PL);
            writer.put(key(1, "a"), value("1"));
            CompletableFuture<Void> commit = Async.run(writer::commit);
            Async.assertBlocked(commit);
            reader.commit();
            Async.result(commit);
            assertThat(db.read(key(1, "a"))).isEqualTo("1");
        }
    }

    @ParameterizedTest(name = "batch={0}")
    @ValueSource(booleans = {true, false})
    void ssiWriteSkewAbortsOneOfTwo(boolean batch) {
        try (TxnTestbed db = db(batch)) {
            db.write(key(1, "x"), "0");
            db.write(key(1, "y"), "0");
            Transaction t1 = db.begin(IsolationLevel.SERIALIZABLE_SSI);
            Transaction t2 = db.begin(IsolationLevel.SERIALIZABLE_SSI);
            t1.get(key(1, "x"));
            t1.get(key(1, "y"));
            t2.get(key(1, "x"));
            t2.get(key(1, "y"));
            t1.put(key(1, "x"), value("t1"));
            t2.put(key(1, "y"), value("t2"));
            int committed = 0;
            for (Transaction t : List.of(t1, t2)) {
                try {
                    t.commit();
                    committed++;
                } catch (TransactionRetryException e) {
                    t.rollback();
                }
            }
            assertThat(committed).as("write skew: at most one commits").isEqualTo(1);
        }
    }

    /**
     * The window the pending set closes: a snapshot taken after the commit timestamp but read
     * before the batch lands must still see the version (or wait for it), so two reads at one
     * snapshot always agree. On a synced store the window is an fsync wide; without
     * {@code PendingCommits} this fails within a few hundred commits.
     */
    @Test
    void readsAtOneSnapshotAgreeWhileBatchesLand(@TempDir Path dir) throws Exception {
        try (TxnTestbed db = TxnTestbed.persistent(dir, 2)) {
            AtomicBoolean stop = new AtomicBoolean();
            AtomicReference<String> anomaly = new AtomicReference<>();
            AtomicLong version = new AtomicLong();
            List<CompletableFuture<Void>> workers = new ArrayList<>();
            byte[] k = key(1, "k");
            workers.add(Async.run(() -> {
                while (!stop.get()) {
                    Transaction txn = db.begin();
                    txn.put(k, value(Long.toString(version.incrementAndGet())));
                    txn.commit();
                }
            }));
            for (int r = 0; r < 2; r++) {
                workers.add(Async.run(() -> {
                    while (!stop.get()) {
                        for (Transaction txn : List.of(db.begin(IsolationLevel.SNAPSHOT),
                                db.begin(IsolationLevel.SERIALIZABLE_SSI))) {
                            String first;
                            String second;
                            String scanned;
                            try {
                                first = text(txn.get(k));
                                Thread.onSpinWait();
                                second = text(txn.get(k));
                                scanned = text(rowOf(txn, k));
                                txn.commit();
                            } catch (TransactionRetryException e) {
                                txn.rollback();
                                continue;
                            }
                            if (!Objects.equals(first, second) || !Objects.equals(first, scanned)) {
                                anomaly.compareAndSet(null, "read " + first + ", then " + second + ", scan " + scanned);
                            }
                        }
                    }
                }));
            }
            long until = System.nanoTime() + 3_000_000_000L;
            while (System.nanoTime() < until && anomaly.get() == null) {
                Thread.sleep(50);
            }
            stop.set(true);
            workers.forEach(Async::result);
            assertThat(anomaly.get()).as("two reads at one snapshot disagreed").isNull();
            assertThat(db.manager.stats().onePhaseBatchCommits()).isPositive();
        }
    }

    private static byte[] rowOf(Transaction txn, byte[] key) {
        var it = txn.scan(key(1, ""), key(2, ""));
        while (it.hasNext()) {
            var kv = it.next();
            if (java.util.Arrays.equals(kv.key(), key)) {
                return kv.value();
            }
        }
        return null;
    }
}

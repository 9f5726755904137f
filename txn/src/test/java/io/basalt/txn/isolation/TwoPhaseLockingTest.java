package io.basalt.txn.isolation;

import static io.basalt.txn.TxnTestbed.key;
import static io.basalt.txn.TxnTestbed.text;
import static io.basalt.txn.TxnTestbed.value;
import static org.assertj.core.api.Assertions.assertThat;

import io.basalt.txn.Async;
import io.basalt.txn.IsolationLevel;
import io.basalt.txn.KeyValue;
import io.basalt.txn.Transaction;
import io.basalt.txn.TxnTestbed;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class TwoPhaseLockingTest {
    private final TxnTestbed db = TxnTestbed.inMemory(4);

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void readersShareLockThatBlocksWriterUntilTheyEnd() {
        db.write(key(1, "x"), "1");
        Transaction reader = db.begin(IsolationLevel.SERIALIZABLE_2PL);
        Transaction otherReader = db.begin(IsolationLevel.SERIALIZABLE_2PL);
        assertThat(text(reader.get(key(1, "x")))).isEqualTo("1");
        assertThat(text(otherReader.get(key(1, "x")))).isEqualTo("1");

        Transaction writer = db.begin(IsolationLevel.SERIALIZABLE_2PL);
        writer.put(key(1, "x"), value("2"));
        CompletableFuture<Void> write = Async.run(writer::flush);
        Async.assertBlocked(write);
        reader.commit();
        Async.assertBlocked(write);
        otherReader.commit();
        Async.result(write);
        writer.commit();
        assertThat(db.read(key(1, "x"))).isEqualTo("2");
    }

    @Test
    void writerBlocksReaderWhoThenSeesTheCommittedValue() {
        db.write(key(1, "x"), "1");
        Transaction writer = db.begin(IsolationLevel.SERIALIZABLE_2PL);
        writer.put(key(1, "x"), value("2"));
        writer.flush();

        Transaction reader = db.begin(IsolationLevel.SERIALIZABLE_2PL);
        CompletableFuture<String> read = Async.start(() -> text(reader.get(key(1, "x"))));
        Async.assertBlocked(read);
        writer.commit();
        assertThat(Async.result(read)).isEqualTo("2");
        reader.commit();
    }

    @Test
    void scannedRangeBlocksInsertsIntoItsGaps() {
        db.write(key(1, "a"), "a");
        db.write(key(1, "c"), "c");
        Transaction scanner = db.begin(IsolationLevel.SERIALIZABLE_2PL);
        assertThat(values(scanner.scan(key(1, "a"), key(1, "z")))).containsExactly("a", "c");

        Transaction inserter = db.begin(IsolationLevel.SERIALIZABLE_2PL);
        inserter.insert(key(1, "b"), value("b"));
        CompletableFuture<Void> insert = Async.run(inserter::flush);
        Async.assertBlocked(insert);
        assertThat(values(scanner.scan(key(1, "a"), key(1, "z")))).as("no phantom").containsExactly("a", "c");
        scanner.commit();
        Async.result(insert);
        inserter.commit();

        Transaction outside = db.begin(IsolationLevel.SERIALIZABLE_2PL);
        outside.put(key(2, "elsewhere"), value("x"));
        outside.commit();
    }

    @Test
    void upgradingOwnSharedLockDoesNotWaitForItself() {
        db.write(key(1, "x"), "1");
        Transaction txn = db.begin(IsolationLevel.SERIALIZABLE_2PL);
        assertThat(text(txn.get(key(1, "x")))).isEqualTo("1");
        txn.put(key(1, "x"), value("2"));
        txn.commit();
        assertThat(db.read(key(1, "x"))).isEqualTo("2");
    }

    @Test
    void twoReadersUpgradingTheSameRowDeadlockAndOneIsChosen() {
        db.write(key(1, "x"), "1");
        Transaction first = db.begin(IsolationLevel.SERIALIZABLE_2PL);
        Transaction second = db.begin(IsolationLevel.SERIALIZABLE_2PL);
        first.get(key(1, "x"));
        second.get(key(1, "x"));
        first.put(key(1, "x"), value("first"));
        second.put(key(1, "x"), value("second"));
        CompletableFuture<Void> firstWrite = Async.run(first::flush);
        CompletableFuture<Void> secondWrite = Async.run(second::flush);

        Throwable victim = Async.failure(secondWrite);
        assertThat(victim).hasMessageContaining("deadlock");
        second.rollback();
        Async.result(firstWrite);
        first.commit();
        assertThat(db.read(key(1, "x"))).isEqualTo("first");
    }

    private static List<String> values(Iterator<KeyValue> rows) {
        List<String> out = new ArrayList<>();
        rows.forEachRemaining(kv -> out.add(text(kv.value())));
        return out;
    }

    /**
     * Read, then write, several rows from several threads: every pair that read the same row
     * deadlocks on the upgrade, and victims retry (keeping their age). Everyone must get through,
     * and no reader may slip past a queued upgrade (a reader that did made the four-way upgrade
     * deadlock on one hot row endless).
     */
    @Test
    void readThenWriteTransfersAllCommitDespiteUpgradeDeadlocks() throws Exception {
        int accounts = 3;
        int threads = 4;
        int transfersPerThread = 15;
        java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
        for (int i = 0; i < accounts; i++) {
            db.write(key(i % 4, "acct" + i), "100");
        }
        List<CompletableFuture<Integer>> workers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int seed = t;
            workers.add(Async.start(() -> {
                try {
                    start.await();
                } catch (InterruptedException e) {
                    throw new IllegalStateException(e);
                }
                java.util.Random random = new java.util.Random(seed);
                int retries = 0;
                for (int n = 0; n < transfersPerThread; n++) {
                    int from = random.nextInt(accounts);
                    int to = (from + 1 + random.nextInt(accounts - 1)) % accounts;
                    long priority = Long.MAX_VALUE;
                    while (true) {
                        Transaction txn = db.manager.beginRetry(IsolationLevel.SERIALIZABLE_2PL, priority);
                        try {
                            move(txn, key(from % 4, "acct" + from), -1);
                            move(txn, key(to % 4, "acct" + to), 1);
                            txn.commit();
                            break;
                        } catch (io.basalt.txn.TransactionRetryException e) {
                            priority = Math.min(priority, txn.priority());
                            txn.rollback();
                            retries++;
                        }
                    }
                }
                return retries;
            }));
        }
        start.countDown();
        for (CompletableFuture<Integer> worker : workers) {
            worker.get(60, java.util.concurrent.TimeUnit.SECONDS);
        }
        long total = 0;
        for (int i = 0; i < accounts; i++) {
            total += Long.parseLong(db.read(key(i % 4, "acct" + i)));
        }
        assertThat(total).isEqualTo(100L * accounts);
    }

    private static void move(Transaction txn, byte[] account, long amount) {
        txn.beginStatement();
        long balance = Long.parseLong(text(txn.get(account)));
        txn.put(account, value(Long.toString(balance + amount)));
        txn.flush();
    }
}

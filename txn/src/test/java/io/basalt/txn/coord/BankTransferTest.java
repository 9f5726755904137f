package io.basalt.txn.coord;

import static org.assertj.core.api.Assertions.assertThat;

import io.basalt.txn.Transaction;
import io.basalt.txn.TransactionRetryException;
import io.basalt.txn.TxnTestbed;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Concurrent transfers between accounts on different partitions: snapshot isolation with
 * first-updater-wins must never create or destroy money, and every account is always read whole.
 */
class BankTransferTest {
    private static final int ACCOUNTS = 8;
    private static final long INITIAL = 1_000;

    @Test
    void totalBalanceNeverChangesUnderConcurrentCrossPartitionTransfers() throws Exception {
        try (TxnTestbed db = TxnTestbed.inMemory(4)) {
            Transaction setup = db.begin();
            for (int i = 0; i < ACCOUNTS; i++) {
                setup.put(account(i), encode(INITIAL));
            }
            setup.commit();

            AtomicInteger committed = new AtomicInteger();
            AtomicInteger badTotals = new AtomicInteger();
            List<Thread> threads = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                threads.add(new Thread(() -> {
                    for (int n = 0; n < 150; n++) {
                        if (transferOnce(db)) {
                            committed.incrementAndGet();
                        }
                    }
                }));
            }
            threads.add(new Thread(() -> {
                for (int n = 0; n < 100; n++) {
                    if (total(db) != ACCOUNTS * INITIAL) {
                        badTotals.incrementAndGet();
                    }
                }
            }));
            threads.forEach(Thread::start);
            for (Thread thread : threads) {
                thread.join();
            }

            assertThat(badTotals.get()).isZero();
            assertThat(total(db)).isEqualTo(ACCOUNTS * INITIAL);
            assertThat(committed.get()).isPositive();
            assertThat(db.manager.stats().twoPhaseCommits()).isPositive();
        }
    }

    private static boolean transferOnce(TxnTestbed db) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        int from = random.nextInt(ACCOUNTS);
        int to = (from + 1 + random.nextInt(ACCOUNTS - 1)) % ACCOUNTS;
        long amount = random.nextInt(1, 50);
        Transaction txn = db.begin();
        try {
            long fromBalance = decode(txn.get(account(from)));
            long toBalance = decode(txn.get(account(to)));
            txn.put(account(from), encode(fromBalance - amount));
            txn.put(account(to), encode(toBalance + amount));
            txn.commit();
            return true;
        } catch (TransactionRetryException e) {
            txn.rollback();
            return false;
        }
    }

    private static long total(TxnTestbed db) {
        Transaction txn = db.begin();
        long sum = 0;
        for (int i = 0; i < ACCOUNTS; i++) {
            sum += decode(txn.get(account(i)));
        }
        txn.commit();
        return sum;
    }

    /** Accounts alternate between the partitions, so most transfers span two. */
    private static byte[] account(int i) {
        return TxnTestbed.key(i % 4, "acct" + i);
    }

    private static byte[] encode(long balance) {
        return ByteBuffer.allocate(8).putLong(balance).array();
    }

    private static long decode(byte[] bytes) {
        return ByteBuffer.wrap(bytes).getLong();
    }
}

package io.basalt.server.isolation;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The bank invariant under concurrency, at every level: 8 threads move money between 16
 * accounts in explicit transactions (read the source balance, then subtract and add with
 * {@code balance = balance -/+ ?}), retrying on 40001 and 40P01, while an auditor sums all balances
 * in one transaction, one account per statement.
 *
 * <p>At every level the total is right at the end: no level loses an increment made inside an
 * UPDATE statement. At snapshot and stronger every sum the auditor reads equals the total and
 * no balance goes below zero (two transfers from one account conflict on that account). At read
 * committed each of the auditor's statements sees the latest commits, so its sums may be off
 * while transfers run; the test prints how many were.
 *
 * <p>Read committed and two-phase locking make conflicting statements wait, so their only aborts
 * are deadlock victims (40P01), never 40001.
 *
 * <p>Each level runs for {@link #RUN}; commits and aborts by SQLState are printed per level.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class BankTransferIsolationTest {
    private static final int ACCOUNTS = 16;
    private static final int TRANSFER_THREADS = 8;
    private static final long INITIAL_BALANCE = 1_000;
    private static final long TOTAL = ACCOUNTS * INITIAL_BALANCE;
    private static final Duration RUN = Duration.ofSeconds(2);
    private static final int MAX_ATTEMPTS = 1_000;

    /** Outcomes of one kind of transaction, counted by "commit" or by the SQLState of the abort. */
    private static final class Outcomes {
        private final Map<String, LongAdder> counts = new ConcurrentHashMap<>();

        void count(String outcome) {
            counts.computeIfAbsent(outcome, k -> new LongAdder()).increment();
        }

        long of(String outcome) {
            LongAdder adder = counts.get(outcome);
            return adder == null ? 0 : adder.sum();
        }

        @Override
        public String toString() {
            Map<String, Long> sorted = new TreeMap<>();
            counts.forEach((k, v) -> sorted.put(k, v.sum()));
            return sorted.toString();
        }
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Level.class)
    void transfersNeverChangeTheTotal(Level level) throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(TRANSFER_THREADS + 1);
        try (IsolationDatabase database = IsolationDatabase.inMemory()) {
            database.execute("CREATE TABLE account (id INT PRIMARY KEY, balance BIGINT NOT NULL)");
            for (int id = 1; id <= ACCOUNTS; id++) {
                database.execute("INSERT INTO account VALUES (" + id + ", " + INITIAL_BALANCE + ")");
            }
            Outcomes transfers = new Outcomes();
            Outcomes audits = new Outcomes();
            List<Long> sums = new ArrayList<>();
            CountDownLatch start = new CountDownLatch(1);
            long deadline = System.nanoTime() + RUN.toNanos();

            List<Future<?>> running = new ArrayList<>();
            for (int t = 0; t < TRANSFER_THREADS; t++) {
                Connection connection = database.connect(level);
                running.add(threads.submit(() -> {
                    start.await();
                    while (System.nanoTime() < deadline) {
                        retrying(() -> transfer(connection), connection, transfers, deadline);
                    }
                    return null;
                }));
            }
            Connection auditor = database.connect(level);
            running.add(threads.submit(() -> {
                start.await();
                while (System.nanoTime() < deadline) {
                    Long sum = retrying(() -> sumOneAccountAtATime(auditor), auditor, audits, deadline);
                    if (sum != null) {
                        synchronized (sums) {
                            sums.add(sum);
                        }
                    }
                }
                return null;
            }));
            start.countDown();
            for (Future<?> each : running) {
                each.get(RUN.toSeconds() + 30, TimeUnit.SECONDS);
            }

            Connection check = database.connect();
            Map<Integer, Long> balances = balances(check);
            long inconsistentSums = sums.stream().filter(sum -> sum != TOTAL).count();
            System.out.printf("%s: transfers %s, audits %s, audited sums %d of which %d not %d, final total %d%n",
                    level, transfers, audits, sums.size(), inconsistentSums, TOTAL,
                    balances.values().stream().mapToLong(Long::longValue).sum());

            assertThat(transfers.of("commit")).as("committed transfers").isPositive();
            assertThat(sums).as("sums the auditor read").isNotEmpty();
            assertThat(balances.values().stream().mapToLong(Long::longValue).sum()).as("final total").isEqualTo(TOTAL);
            if (level == Level.READ_COMMITTED || level == Level.TWO_PL) {
                // Writers (and, under two-phase locking, readers) wait instead of failing; only deadlock victims abort.
                assertThat(transfers.of("40001") + audits.of("40001")).as("40001 aborts at %s", level).isZero();
            }
            if (level != Level.READ_COMMITTED) {
                assertThat(sums).as("every sum read in one transaction").containsOnly(TOTAL);
                assertThat(balances.values()).as("balances").allMatch(balance -> balance >= 0);
            }
        } finally {
            threads.shutdownNow();
            assertThat(threads.awaitTermination(10, TimeUnit.SECONDS)).as("worker threads ended").isTrue();
        }
    }

    @FunctionalInterface
    private interface Work<T> {
        T run() throws SQLException;
    }

    /**
     * Runs {@code work} and commits, retrying after 40001 or 40P01 with a short random back-off
     * (so that the same transactions do not collide again at once); counts every outcome. Returns
     * what the committed attempt returned, or null when the run ended first.
     */
    private static <T> T retrying(Work<T> work, Connection connection, Outcomes outcomes, long deadline)
            throws SQLException {
        for (int attempt = 1; attempt <= MAX_ATTEMPTS && System.nanoTime() < deadline; attempt++) {
            try {
                T result = work.run();
                connection.commit();
                outcomes.count("commit");
                return result;
            } catch (SQLException e) {
                connection.rollback();
                if (!IsolationDatabase.isRetryable(e)) {
                    throw e;
                }
                outcomes.count(e.getSQLState());
                LockSupport.parkNanos(TimeUnit.MICROSECONDS.toNanos(ThreadLocalRandom.current().nextInt(100, 2_000)));
            }
        }
        return null;
    }

    private static Void transfer(Connection connection) throws SQLException {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        int from = random.nextInt(1, ACCOUNTS + 1);
        int to = random.nextInt(1, ACCOUNTS);
        to = to >= from ? to + 1 : to;
        long amount = Math.min(random.nextLong(1, 100), balance(connection, from));
        move(connection, from, -amount);
        move(connection, to, amount);
        return null;
    }

    private static long balance(Connection connection, int id) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT balance FROM account WHERE id = ?")) {
            select.setInt(1, id);
            try (ResultSet result = select.executeQuery()) {
                assertThat(result.next()).as("account %d exists", id).isTrue();
                return result.getLong(1);
            }
        }
    }

    private static void move(Connection connection, int id, long delta) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement("UPDATE account SET balance = balance + ? WHERE id = ?")) {
            update.setLong(1, delta);
            update.setInt(2, id);
            assertThat(update.executeUpdate()).as("rows updated in account %d", id).isEqualTo(1);
        }
    }

    private static long sumOneAccountAtATime(Connection connection) throws SQLException {
        long sum = 0;
        for (int id = 1; id <= ACCOUNTS; id++) {
            sum += balance(connection, id);
        }
        return sum;
    }

    private static Map<Integer, Long> balances(Connection connection) throws SQLException {
        Map<Integer, Long> balances = new TreeMap<>();
        try (PreparedStatement select = connection.prepareStatement("SELECT id, balance FROM account");
             ResultSet result = select.executeQuery()) {
            while (result.next()) {
                balances.put(result.getInt(1), result.getLong(2));
            }
        }
        return balances;
    }
}

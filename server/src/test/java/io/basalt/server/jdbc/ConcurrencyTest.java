package io.basalt.server.jdbc;

import static io.basalt.server.jdbc.TestDatabase.column;
import static io.basalt.server.jdbc.TestDatabase.execute;
import static io.basalt.server.jdbc.TestDatabase.rows;
import static io.basalt.server.jdbc.TestDatabase.scalar;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Many connections on many threads against one database: the total of a bank stays constant under
 * concurrent transfers, disjoint inserts all land, and concurrent increments lose no update.
 */
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class ConcurrencyTest {
    private static final int THREADS = 8;
    private static final int PARTITIONS = 8;
    private static final int ACCOUNTS = 64;
    private static final long INITIAL_BALANCE = 1_000;
    private static final int TRANSFERS_PER_THREAD = 150;
    private static final int MAX_ATTEMPTS = 200;

    private TestDatabase database;
    private Connection setup;
    private ExecutorService executor;

    @BeforeEach
    void openDatabase() throws SQLException {
        database = TestDatabase.inMemory();
        Properties properties = new Properties();
        properties.setProperty("partitions", Integer.toString(PARTITIONS));
        setup = database.connect(properties);
        executor = Executors.newFixedThreadPool(THREADS + 1);
    }

    @AfterEach
    void closeDatabase() throws Exception {
        executor.shutdownNow();
        assertThat(executor.awaitTermination(30, TimeUnit.SECONDS)).as("worker threads ended").isTrue();
        database.close();
    }

    @Test
    void concurrentTransfersAcrossPartitionsKeepTheTotalAndMatchTheLog() throws Exception {
        execute(setup, "CREATE TABLE account (id INTEGER PRIMARY KEY, balance BIGINT NOT NULL)",
                "CREATE TABLE transfer_log (id BIGINT PRIMARY KEY, from_id INTEGER NOT NULL, to_id INTEGER NOT NULL, "
                        + "amount BIGINT NOT NULL)");
        try (PreparedStatement insert = setup.prepareStatement("INSERT INTO account VALUES (?, ?)")) {
            for (int id = 1; id <= ACCOUNTS; id++) {
                insert.setInt(1, id);
                insert.setLong(2, INITIAL_BALANCE);
                insert.addBatch();
            }
            insert.executeBatch();
        }
        long total = ACCOUNTS * INITIAL_BALANCE;
        CountDownLatch start = new CountDownLatch(1);
        AtomicBoolean transfersDone = new AtomicBoolean();
        Map<Long, Long> committedAmounts = new ConcurrentHashMap<>();
        AtomicInteger retries = new AtomicInteger();

        List<Future<?>> transfers = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            int thread = t;
            transfers.add(executor.submit(() -> {
                try (Connection connection = database.connect()) {
                    connection.setAutoCommit(false);
                    start.await();
                    for (int i = 0; i < TRANSFERS_PER_THREAD; i++) {
                        long logId = thread * 1_000_000L + i;
                        Transfer committed = transferWithRetries(connection, logId);
                        retries.addAndGet(committed.retries());
                        committedAmounts.put(logId, committed.amount());
                    }
                }
                return null;
            }));
        }
        Future<Integer> auditor = executor.submit(() -> audit(total, transfersDone, start));
        start.countDown();
        for (Future<?> transfer : transfers) {
            transfer.get(90, TimeUnit.SECONDS);
        }
        transfersDone.set(true);
        int audits = auditor.get(30, TimeUnit.SECONDS);

        assertThat(audits).as("consistent snapshots the auditor read while transfers ran").isPositive();
        assertThat(scalar(setup, "SELECT SUM(balance) FROM account")).isEqualTo(BigDecimal.valueOf(total));
        assertThat(scalar(setup, "SELECT COUNT(*) FROM transfer_log")).isEqualTo((long) THREADS * TRANSFERS_PER_THREAD);
        Map<Long, Long> logged = new HashMap<>();
        Map<Integer, Long> expectedBalances = new HashMap<>();
        for (int id = 1; id <= ACCOUNTS; id++) {
            expectedBalances.put(id, INITIAL_BALANCE);
        }
        for (List<Object> entry : rows(setup, "SELECT id, from_id, to_id, amount FROM transfer_log")) {
            long amount = (Long) entry.get(3);
            logged.put((Long) entry.get(0), amount);
            expectedBalances.merge((Integer) entry.get(1), -amount, Long::sum);
            expectedBalances.merge((Integer) entry.get(2), amount, Long::sum);
        }
        assertThat(logged).as("transfer log against the transfers the clients saw commit").isEqualTo(committedAmounts);
        Map<Integer, Long> balances = new HashMap<>();
        for (List<Object> account : rows(setup, "SELECT id, balance FROM account")) {
            balances.put((Integer) account.get(0), (Long) account.get(1));
        }
        assertThat(balances).as("every balance is its initial balance plus the logged transfers (retries: %d)", retries.get())
                .isEqualTo(expectedBalances);
    }

    @Test
    void concurrentInsertsOfDisjointKeysAllSucceed() throws Exception {
        execute(setup, "CREATE TABLE event (id INTEGER PRIMARY KEY, writer INTEGER NOT NULL, payload VARCHAR(40))");
        int rowsPerThread = 500;
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Integer>> writers = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            int writer = t;
            writers.add(executor.submit(() -> {
                int inserted = 0;
                try (Connection connection = database.connect();
                     PreparedStatement insert = connection.prepareStatement("INSERT INTO event VALUES (?, ?, ?)")) {
                    start.await();
                    for (int i = 0; i < rowsPerThread; i++) {
                        insert.setInt(1, writer * rowsPerThread + i);
                        insert.setInt(2, writer);
                        insert.setString(3, "w" + writer + "-" + i);
                        if (i % 2 == 0) {
                            inserted += insert.executeUpdate();
                        } else {
                            insert.addBatch();
                            if (i % 10 == 9) {
                                inserted += IntStream.of(insert.executeBatch()).sum();
                            }
                        }
                    }
                }
                return inserted;
            }));
        }
        start.countDown();
        int inserted = 0;
        for (Future<Integer> writer : writers) {
            inserted += writer.get(60, TimeUnit.SECONDS);
        }

        int expected = THREADS * rowsPerThread;
        assertThat(inserted).isEqualTo(expected);
        assertThat(column(setup, "SELECT id FROM event ORDER BY id"))
                .containsExactlyElementsOf(IntStream.range(0, expected).boxed().collect(Collectors.toList()));
        assertThat(rows(setup, "SELECT writer, COUNT(*) FROM event GROUP BY writer ORDER BY writer"))
                .containsExactlyElementsOf(IntStream.range(0, THREADS)
                        .mapToObj(w -> TestDatabase.row(w, (long) rowsPerThread)).collect(Collectors.toList()));
        assertThat(scalar(setup, "SELECT payload FROM event WHERE id = ?", 3 * rowsPerThread + 17)).isEqualTo("w3-17");
    }

    @Test
    void concurrentAutoCommitIncrementsLoseNoUpdate() throws Exception {
        execute(setup, "CREATE TABLE counter (id INTEGER PRIMARY KEY, n BIGINT NOT NULL)",
                "INSERT INTO counter VALUES (1, 0), (2, 0)");
        int incrementsPerThread = 200;
        CountDownLatch start = new CountDownLatch(1);
        Map<String, AtomicInteger> failures = new ConcurrentHashMap<>();
        List<Future<Integer>> incrementers = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            incrementers.add(executor.submit(incrementer(start, incrementsPerThread, failures)));
        }
        start.countDown();
        int succeeded = 0;
        for (Future<Integer> incrementer : incrementers) {
            succeeded += incrementer.get(90, TimeUnit.SECONDS);
        }

        assertThat(scalar(setup, "SELECT n FROM counter WHERE id = 1"))
                .as("the counter equals the number of increments that reported success").isEqualTo((long) succeeded);
        assertThat(scalar(setup, "SELECT n FROM counter WHERE id = 2")).isEqualTo(0L);
        assertThat(THREADS * incrementsPerThread - succeeded)
                .as("auto-commit increments that failed although the engine retries them, by SQLState: %s", failures)
                .isZero();
    }

    // ---- workloads -------------------------------------------------------------------------------

    /** A transfer that committed: its amount, and how many times it was retried on 40001 or 40P01 first. */
    private record Transfer(long amount, int retries) {
    }

    /**
     * One transfer between two random accounts in an explicit transaction: read both balances, write
     * both new balances (computed by the client, so a lost update would show in the total), log it.
     * Retried on 40001 (conflict) and 40P01 (deadlock victim) after a small random back-off.
     */
    private Transfer transferWithRetries(Connection connection, long logId) throws Exception {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        int from = random.nextInt(1, ACCOUNTS + 1);
        int to = random.nextInt(1, ACCOUNTS);
        if (to >= from) {
            to++;
        }
        long amount = random.nextLong(1, 51);
        for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
            try {
                long fromBalance = balance(connection, from);
                long toBalance = balance(connection, to);
                setBalance(connection, from, fromBalance - amount);
                setBalance(connection, to, toBalance + amount);
                try (PreparedStatement log = connection.prepareStatement("INSERT INTO transfer_log VALUES (?, ?, ?, ?)")) {
                    log.setLong(1, logId);
                    log.setInt(2, from);
                    log.setInt(3, to);
                    log.setLong(4, amount);
                    log.executeUpdate();
                }
                connection.commit();
                return new Transfer(amount, attempt);
            } catch (SQLException e) {
                connection.rollback();
                if (!"40001".equals(e.getSQLState()) && !"40P01".equals(e.getSQLState())) {
                    throw e;
                }
                // Retry jitter, not a wait for a condition: spreads out the writers that collided.
                Thread.sleep(random.nextInt(1, 6));
            }
        }
        throw new AssertionError("transfer " + logId + " still conflicting after " + MAX_ATTEMPTS + " attempts");
    }

    /** Reads the whole bank in one transaction, again and again until the transfers are done. */
    private int audit(long total, AtomicBoolean transfersDone, CountDownLatch start) throws Exception {
        int audits = 0;
        try (Connection connection = database.connect()) {
            connection.setAutoCommit(false);
            start.await();
            do {
                long sum = 0;
                int accounts = 0;
                try {
                    try (PreparedStatement all = connection.prepareStatement("SELECT balance FROM account");
                         ResultSet balances = all.executeQuery()) {
                        while (balances.next()) {
                            sum += balances.getLong(1);
                            accounts++;
                        }
                    }
                    assertThat(accounts).isEqualTo(ACCOUNTS);
                    assertThat(sum).as("total in one snapshot, audit %d", audits).isEqualTo(total);
                    // SUM of a BIGINT column is NUMERIC, as in PostgreSQL (it cannot overflow).
                    assertThat(scalar(connection, "SELECT SUM(balance) FROM account"))
                            .isEqualTo(BigDecimal.valueOf(total));
                    connection.commit();
                    audits++;
                } catch (SQLException e) {
                    // At SERIALIZABLE (SSI) even a reader can be the one aborted to break a
                    // dangerous structure (Fekete's read-only anomaly); it retries like anyone else.
                    if (!"40001".equals(e.getSQLState())) {
                        throw e;
                    }
                    connection.rollback();
                }
            } while (!transfersDone.get());
        }
        return audits;
    }

    private Callable<Integer> incrementer(CountDownLatch start, int increments, Map<String, AtomicInteger> failures) {
        return () -> {
            int succeeded = 0;
            try (Connection connection = database.connect();
                 PreparedStatement increment = connection.prepareStatement("UPDATE counter SET n = n + 1 WHERE id = 1")) {
                start.await();
                for (int i = 0; i < increments; i++) {
                    try {
                        succeeded += increment.executeUpdate();
                    } catch (SQLException e) {
                        failures.computeIfAbsent(e.getSQLState(), state -> new AtomicInteger()).incrementAndGet();
                    }
                }
            }
            return succeeded;
        };
    }

    private static long balance(Connection connection, int id) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT balance FROM account WHERE id = ?")) {
            select.setInt(1, id);
            try (ResultSet resultSet = select.executeQuery()) {
                assertThat(resultSet.next()).isTrue();
                return resultSet.getLong(1);
            }
        }
    }

    private static void setBalance(Connection connection, int id, long balance) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement("UPDATE account SET balance = ? WHERE id = ?")) {
            update.setLong(1, balance);
            update.setInt(2, id);
            assertThat(update.executeUpdate()).isEqualTo(1);
        }
    }
}

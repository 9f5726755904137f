package io.basalt.server.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.basalt.server.testing.TestServer;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLTimeoutException;
import java.sql.Statement;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Statement.cancel and setQueryTimeout stop a running statement with 57014, embedded and over the
 * wire (issue 6), whether it waits for a lock or scans; the session is usable afterwards.
 */
class CancelTest {
    private static WireServer server;

    @BeforeAll
    static void start() {
        server = TestServer.start(TestServer.inMemoryOptions());
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    static Stream<String> urls() {
        return Stream.of("embedded", "remote");
    }

    private static String url(String target) {
        return target.equals("embedded") ? "jdbc:basalt:mem:cancel" + UUID.randomUUID().toString().replace("-", "")
                : TestServer.freshDatabaseUrl(server);
    }

    @ParameterizedTest
    @MethodSource("urls")
    void cancelStopsAStatementWaitingForALock(String target) throws Exception {
        String url = url(target);
        try (Connection holder = DriverManager.getConnection(url); Connection waiter = DriverManager.getConnection(url);
             Statement holding = holder.createStatement(); Statement waiting = waiter.createStatement()) {
            holding.execute("CREATE TABLE account (id INT PRIMARY KEY, balance INT)");
            holding.execute("INSERT INTO account VALUES (1, 100)");
            holder.setAutoCommit(false);
            holding.executeUpdate("UPDATE account SET balance = 0 WHERE id = 1");

            CompletableFuture<Integer> blocked = CompletableFuture.supplyAsync(() -> update(waiting));
            cancelUntilDone(waiting, blocked);

            SQLException error = failure(blocked);
            assertThat((Throwable) error).isInstanceOf(SQLTimeoutException.class);
            assertThat(error.getSQLState()).isEqualTo("57014");
            assertThat(error.getMessage()).contains("canceling statement due to user request");
            // The auto-commit statement was rolled back; the session goes on.
            assertThat(single(waiting, "SELECT count(*) FROM account")).isEqualTo(1);
            holder.rollback();
            assertThat(waiting.executeUpdate("UPDATE account SET balance = balance + 1 WHERE id = 1")).isEqualTo(1);
            assertThat(single(waiting, "SELECT balance FROM account WHERE id = 1")).isEqualTo(101);
        }
    }

    @ParameterizedTest
    @MethodSource("urls")
    void aCancelledStatementFailsItsTransactionUntilRollback(String target) throws Exception {
        String url = url(target);
        try (Connection holder = DriverManager.getConnection(url); Connection waiter = DriverManager.getConnection(url);
             Statement holding = holder.createStatement(); Statement waiting = waiter.createStatement()) {
            holding.execute("CREATE TABLE account (id INT PRIMARY KEY, balance INT)");
            holding.execute("INSERT INTO account VALUES (1, 100), (2, 200)");
            holder.setAutoCommit(false);
            holding.executeUpdate("UPDATE account SET balance = 0 WHERE id = 1");
            waiter.setAutoCommit(false);
            assertThat(waiting.executeUpdate("UPDATE account SET balance = 1 WHERE id = 2")).isEqualTo(1);

            CompletableFuture<Integer> blocked = CompletableFuture.supplyAsync(() -> update(waiting));
            cancelUntilDone(waiting, blocked);
            assertThat(failure(blocked).getSQLState()).isEqualTo("57014");

            SQLException aborted = org.assertj.core.api.Assertions.catchThrowableOfType(SQLException.class,
                    () -> waiting.executeQuery("SELECT 1"));
            assertThat(aborted.getSQLState()).isEqualTo("25P02");
            waiter.rollback();
            // Its earlier write was rolled back with it: the row lock on id 2 is free for the holder.
            assertThat(holding.executeUpdate("UPDATE account SET balance = 2 WHERE id = 2")).isEqualTo(1);
            holder.commit();
            assertThat(single(waiting, "SELECT balance FROM account WHERE id = 2")).isEqualTo(2);
        }
    }

    @ParameterizedTest
    @MethodSource("urls")
    void cancelStopsALongScan(String target) throws Exception {
        String url = url(target);
        try (Connection connection = DriverManager.getConnection(url); Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE n (id INT PRIMARY KEY)");
            StringBuilder values = new StringBuilder("INSERT INTO n VALUES (0)");
            for (int i = 1; i < 1000; i++) {
                values.append(", (").append(i).append(')');
            }
            statement.execute(values.toString());
            // 10^9 combinations: hours without a cancel.
            CompletableFuture<Integer> running = CompletableFuture.supplyAsync(
                    () -> query(statement, "SELECT count(*) FROM n a, n b, n c"));
            cancelUntilDone(statement, running);
            SQLException error = failure(running);
            assertThat(error.getSQLState()).isEqualTo("57014");
            assertThat(single(statement, "SELECT count(*) FROM n")).isEqualTo(1000);
        }
    }

    @ParameterizedTest
    @MethodSource("urls")
    void queryTimeoutCancelsWithStatementTimeout(String target) throws Exception {
        String url = url(target);
        try (Connection holder = DriverManager.getConnection(url); Connection waiter = DriverManager.getConnection(url);
             Statement holding = holder.createStatement(); Statement waiting = waiter.createStatement()) {
            holding.execute("CREATE TABLE account (id INT PRIMARY KEY, balance INT)");
            holding.execute("INSERT INTO account VALUES (1, 100)");
            holder.setAutoCommit(false);
            holding.executeUpdate("UPDATE account SET balance = 0 WHERE id = 1");

            waiting.setQueryTimeout(1);
            long started = System.nanoTime();
            SQLException error = org.assertj.core.api.Assertions.catchThrowableOfType(SQLException.class,
                    () -> waiting.executeUpdate("UPDATE account SET balance = 1 WHERE id = 1"));
            long waitedMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);

            assertThat((Throwable) error).isInstanceOf(SQLTimeoutException.class);
            assertThat(error.getSQLState()).isEqualTo("57014");
            assertThat(error.getMessage()).contains("canceling statement due to statement timeout");
            assertThat(waitedMillis).isBetween(900L, 20_000L);
            // A fast statement under the same timeout is not touched, nor is the next one.
            assertThat(single(waiting, "SELECT count(*) FROM account")).isEqualTo(1);
            holder.rollback();
        }
    }

    /** Cancels until the statement ends: a cancel before it started would be a no-op (PostgreSQL's semantics). */
    private static void cancelUntilDone(Statement statement, CompletableFuture<?> running) {
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(50)).until(() -> {
            statement.cancel();
            return running.isDone();
        });
    }

    private static SQLException failure(CompletableFuture<?> future) {
        try {
            future.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof IllegalStateException wrapper && wrapper.getCause() instanceof SQLException sql) {
                return sql;
            }
            throw e;
        }
        throw new AssertionError("the statement was not cancelled");
    }

    private static int update(Statement statement) {
        try {
            return statement.executeUpdate("UPDATE account SET balance = 1 WHERE id = 1");
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static int query(Statement statement, String sql) {
        try {
            return single(statement, sql);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static int single(Statement statement, String sql) throws SQLException {
        try (ResultSet rows = statement.executeQuery(sql)) {
            assertThat(rows.next()).isTrue();
            return rows.getInt(1);
        }
    }
}

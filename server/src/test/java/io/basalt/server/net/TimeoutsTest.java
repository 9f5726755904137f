package io.basalt.server.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.awaitility.Awaitility.await;

import io.basalt.server.testing.TestServer;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Network timeout on the driver, idle timeouts on the server (issue 6). */
class TimeoutsTest {

    @Test
    void aLoginToAServerThatNeverAnswersGivesUpAfterTheConnectTimeout() throws Exception {
        try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getByName("127.0.0.1"))) {
            long started = System.nanoTime();
            SQLException error = catchThrowableOfType(SQLException.class, () -> DriverManager.getConnection(
                    "jdbc:basalt://127.0.0.1:" + silent.getLocalPort() + "/db?user=a&password=b&connectTimeout=1"));
            assertThat(error.getSQLState()).isEqualTo("08001");
            assertThat(error.getMessage()).contains("network timeout");
            assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started)).isLessThan(10_000);
        }
    }

    @Test
    void aRequestWithoutAnswerWithinTheNetworkTimeoutClosesTheConnection() throws Exception {
        try (WireServer server = TestServer.start(TestServer.inMemoryOptions())) {
            String url = TestServer.freshDatabaseUrl(server);
            try (Connection holder = DriverManager.getConnection(url); Connection hung = DriverManager.getConnection(url);
                 Statement holding = holder.createStatement()) {
                holding.execute("CREATE TABLE t (id INT PRIMARY KEY, v INT)");
                holding.execute("INSERT INTO t VALUES (1, 1)");
                holder.setAutoCommit(false);
                holding.executeUpdate("UPDATE t SET v = 2 WHERE id = 1");
                assertThat(hung.isValid(5)).isTrue();

                // The server cannot answer while the statement waits for the lock: to the driver it hangs.
                hung.setNetworkTimeout(Runnable::run, 300);
                assertThat(hung.getNetworkTimeout()).isEqualTo(300);
                SQLException error = catchThrowableOfType(SQLException.class,
                        () -> hung.createStatement().executeUpdate("UPDATE t SET v = 3 WHERE id = 1"));
                assertThat(error.getSQLState()).isEqualTo("08006");
                assertThat(error.getMessage()).contains("network timeout");
                assertThat(hung.isClosed() || !hung.isValid(1)).isTrue();
                holder.rollback();
            }
        }
    }

    @Test
    void anIdleSessionIsClosedWith57P05() throws Exception {
        try (WireServer server = TestServer.start(TestServer.inMemoryOptions()
                .withIdleTimeouts(Duration.ofMillis(300), Duration.ZERO))) {
            String url = TestServer.freshDatabaseUrl(server);
            try (Connection idle = DriverManager.getConnection(url); Statement statement = idle.createStatement()) {
                statement.execute("CREATE TABLE t (id INT PRIMARY KEY)");
                await().atMost(Duration.ofSeconds(10)).until(() -> server.openConnections() == 0);
                SQLException error = catchThrowableOfType(SQLException.class, () -> statement.executeQuery("SELECT 1"));
                assertThat(error.getSQLState()).isEqualTo("57P05");
                assertThat(idle.isValid(1)).isFalse();
            }
        }
    }

    @Test
    void aSessionIdleInATransactionIsClosedWith25P03AndItsLocksReleased() throws Exception {
        try (WireServer server = TestServer.start(TestServer.inMemoryOptions()
                .withIdleTimeouts(Duration.ZERO, Duration.ofMillis(500)))) {
            String url = TestServer.freshDatabaseUrl(server);
            try (Connection idle = DriverManager.getConnection(url); Connection other = DriverManager.getConnection(url);
                 Statement idling = idle.createStatement(); Statement writing = other.createStatement()) {
                idling.execute("CREATE TABLE t (id INT PRIMARY KEY, v INT)");
                idling.execute("INSERT INTO t VALUES (1, 1)");
                // Outside a transaction only the idle-session limit (none here) applies: still open.
                idle.setAutoCommit(false);
                idling.executeUpdate("UPDATE t SET v = 2 WHERE id = 1");

                // Blocked behind the idle transaction's lock until the server rolls it back.
                CompletableFuture<Integer> blocked = CompletableFuture.supplyAsync(() -> {
                    try {
                        return writing.executeUpdate("UPDATE t SET v = v + 10 WHERE id = 1");
                    } catch (SQLException e) {
                        throw new IllegalStateException(e);
                    }
                });
                assertThat(blocked.get(20, TimeUnit.SECONDS)).isEqualTo(1);
                SQLException error = catchThrowableOfType(SQLException.class, () -> idling.executeQuery("SELECT 1"));
                assertThat(error.getSQLState()).isEqualTo("25P03");
                try (var rows = writing.executeQuery("SELECT v FROM t WHERE id = 1")) {
                    assertThat(rows.next()).isTrue();
                    assertThat(rows.getInt(1)).as("the idle transaction's write was rolled back").isEqualTo(11);
                }
                assertThat(other.isValid(1)).as("outside a transaction no limit is set here").isTrue();
            }
        }
    }
}

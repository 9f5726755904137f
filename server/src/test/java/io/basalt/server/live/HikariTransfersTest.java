package io.basalt.server.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.awaitility.Awaitility.await;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.basalt.server.net.ConnectionObserver;
import io.basalt.server.net.WireServer;
import io.basalt.server.testing.TestServer;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * HikariCP, 16 connections, concurrent transfers over a live server. Hikari evicts a connection on any
 * SQLState of class 08, so conflicts (40001, 40P01) must never look like one: every connection the pool
 * opened survives the run (the server accepted exactly 16). When the server really goes away, the next
 * statement is class 08, and the pool gets no connection back.
 */
class HikariTransfersTest {
    private static final int POOL = 16;
    private static final int ACCOUNTS = 20;
    private static final int TRANSFERS_PER_THREAD = 25;

    @Test
    void conflictsNeverLookLikeDeadConnectionsAndADeadServerDoes() throws Exception {
        AtomicInteger accepted = new AtomicInteger();
        WireServer server = WireServer.start(TestServer.inMemoryOptions(), new ConnectionObserver() {
            @Override
            public void connectionAccepted() {
                accepted.incrementAndGet();
            }
        });
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(TestServer.freshDatabaseUrl(server));
        config.setMaximumPoolSize(POOL);
        config.setMinimumIdle(POOL);
        config.setConnectionTimeout(10_000);
        config.setValidationTimeout(2_000);
        config.setInitializationFailTimeout(10_000);
        // Hikari sets the network timeout around its own isValid checks; a worker sets one too.
        try (HikariDataSource pool = new HikariDataSource(config)) {
            // Hikari fills the pool in the background; count from a full pool on.
            await().atMost(Duration.ofSeconds(30)).until(() -> pool.getHikariPoolMXBean().getTotalConnections() == POOL);
            try (Connection c = pool.getConnection(); Statement s = c.createStatement()) {
                c.setNetworkTimeout(Runnable::run, 5_000);
                s.execute("CREATE TABLE account (id INT PRIMARY KEY, balance BIGINT NOT NULL)");
                for (int i = 0; i < ACCOUNTS; i++) {
                    s.execute("INSERT INTO account VALUES (" + i + ", 1000)");
                }
            }
            ConcurrentLinkedQueue<String> states = new ConcurrentLinkedQueue<>();
            AtomicInteger committed = new AtomicInteger();
            ExecutorService threads = Executors.newFixedThreadPool(POOL);
            try {
                List<Future<?>> done = new ArrayList<>();
                for (int t = 0; t < POOL; t++) {
                    long seed = t;
                    done.add(threads.submit(() -> transfers(pool, new Random(seed), states, committed)));
                }
                for (Future<?> f : done) {
                    f.get();
                }
            } finally {
                threads.shutdownNow();
            }
            assertThat(committed.get()).isEqualTo(POOL * TRANSFERS_PER_THREAD);
            assertThat(states).as("SQLStates the pool saw").allSatisfy(state -> assertThat(state).startsWith("40"));
            try (Connection c = pool.getConnection(); Statement s = c.createStatement();
                 ResultSet r = s.executeQuery("SELECT sum(balance) FROM account")) {
                r.next();
                assertThat(r.getLong(1)).isEqualTo(ACCOUNTS * 1000L);
            }
            assertThat(accepted.get()).as("connections the server accepted: none was evicted and replaced").isEqualTo(POOL);
            assertThat(pool.getHikariPoolMXBean().getTotalConnections()).isEqualTo(POOL);

            server.close();
            try (Connection c = pool.getConnection()) {
                SQLException dead = catchThrowableOfType(SQLException.class,
                        () -> c.createStatement().executeQuery("SELECT 1 FROM account"));
                assertThat(dead.getSQLState()).startsWith("08");
                assertThat(c.isValid(1)).isFalse();
            } catch (SQLException e) {
                // Hikari validated the borrowed connection and found it dead: the same verdict.
                assertThat(e.getSQLState()).startsWith("08");
            }
        } finally {
            server.close();
        }
    }

    private static Void transfers(HikariDataSource pool, Random random, ConcurrentLinkedQueue<String> states,
                                  AtomicInteger committed) throws SQLException {
        for (int i = 0; i < TRANSFERS_PER_THREAD; i++) {
            int from = random.nextInt(ACCOUNTS);
            int to = (from + 1 + random.nextInt(ACCOUNTS - 1)) % ACCOUNTS;
            while (true) {
                try (Connection c = pool.getConnection()) {
                    c.setAutoCommit(false);
                    try (PreparedStatement debit = c.prepareStatement("UPDATE account SET balance = balance - 1 WHERE id = ?");
                         PreparedStatement credit = c.prepareStatement("UPDATE account SET balance = balance + 1 WHERE id = ?")) {
                        debit.setInt(1, from);
                        debit.executeUpdate();
                        credit.setInt(1, to);
                        credit.executeUpdate();
                        c.commit();
                        committed.incrementAndGet();
                        break;
                    } catch (SQLException e) {
                        states.add(String.valueOf(e.getSQLState()));
                        c.rollback();
                        if (e.getSQLState() == null || !e.getSQLState().startsWith("40")) {
                            throw e;
                        }
                    }
                }
            }
        }
        return null;
    }
}

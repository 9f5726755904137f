package io.basalt.server.live;

import static org.assertj.core.api.Assertions.assertThat;

import io.basalt.server.net.WireServer;
import io.basalt.server.testing.TestServer;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** 200 connections open at the same time on one server, each running a few statements. */
class ManyConnectionsTest {
    private static final int CONNECTIONS = 200;

    @Test
    void twoHundredConcurrentConnectionsEachRunStatements() throws Exception {
        WireServer server = TestServer.start(TestServer.inMemoryOptions());
        String url = TestServer.freshDatabaseUrl(server);
        try (Connection setup = DriverManager.getConnection(url); Statement s = setup.createStatement()) {
            s.execute("CREATE TABLE hit (client INT, n INT, PRIMARY KEY (client, n))");
            CyclicBarrier allOpen = new CyclicBarrier(CONNECTIONS);
            int[] peak = new int[1];
            ExecutorService threads = Executors.newFixedThreadPool(CONNECTIONS);
            try {
                List<Future<Long>> results = new ArrayList<>();
                for (int i = 0; i < CONNECTIONS; i++) {
                    int client = i;
                    results.add(threads.submit(() -> {
                        try (Connection c = DriverManager.getConnection(url)) {
                            // Everyone is connected before anyone works: 200 sessions at once (+ setup).
                            if (allOpen.await(60, TimeUnit.SECONDS) == 0) {
                                peak[0] = server.openConnections();
                            }
                            try (PreparedStatement insert = c.prepareStatement("INSERT INTO hit VALUES (?, ?)")) {
                                for (int n = 0; n < 3; n++) {
                                    insert.setInt(1, client);
                                    insert.setInt(2, n);
                                    insert.executeUpdate();
                                }
                            }
                            try (PreparedStatement count = c.prepareStatement("SELECT count(*) FROM hit WHERE client = ?")) {
                                count.setInt(1, client);
                                try (ResultSet r = count.executeQuery()) {
                                    r.next();
                                    return r.getLong(1);
                                }
                            }
                        }
                    }));
                }
                for (Future<Long> result : results) {
                    assertThat(result.get(120, TimeUnit.SECONDS)).isEqualTo(3);
                }
            } finally {
                threads.shutdownNow();
            }
            assertThat(peak[0]).isEqualTo(CONNECTIONS + 1);
            try (ResultSet r = s.executeQuery("SELECT count(*), count(DISTINCT client) FROM hit")) {
                r.next();
                assertThat(r.getLong(1)).isEqualTo(3L * CONNECTIONS);
                assertThat(r.getLong(2)).isEqualTo(CONNECTIONS);
            }
        } finally {
            server.close();
        }
    }
}

package io.basalt.server.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.basalt.jdbc.wire.ClientMessage;
import io.basalt.jdbc.wire.ServerMessage;
import io.basalt.server.testing.TestServer;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A client that vanishes mid-transaction has its transaction rolled back and its locks released. */
class KilledClientTest {
    private static WireServer server;

    @BeforeAll
    static void start() {
        server = TestServer.start(TestServer.inMemoryOptions());
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void aKilledClientsLocksAreReleasedAndItsWritesRolledBack() throws Exception {
        String database = "k" + UUID.randomUUID().toString().replace("-", "");
        String url = TestServer.baseUrl(server, database) + "?user=admin&password=" + TestServer.PASSWORD;
        try (Connection other = DriverManager.getConnection(url); Statement statement = other.createStatement()) {
            statement.execute("CREATE TABLE account (id INT PRIMARY KEY, balance INT)");
            statement.execute("INSERT INTO account VALUES (1, 100)");

            RawClient victim = new RawClient(server.port());
            assertThat(ManualLogin.login(victim, "admin", TestServer.PASSWORD, database))
                    .isInstanceOf(ServerMessage.Ready.class);
            victim.send(new ClientMessage.SetAutoCommit(false));
            assertThat(victim.receive()).isInstanceOf(ServerMessage.Ok.class);
            victim.send(new ClientMessage.Query("UPDATE account SET balance = 0 WHERE id = 1", 0));
            ServerMessage update = victim.receive();
            assertThat(update).isInstanceOf(ServerMessage.UpdateResult.class);
            assertThat(((ServerMessage.UpdateResult) update).state().inTransaction()).isTrue();

            // The lock is held: another writer waits behind it.
            CompletableFuture<Integer> blocked = CompletableFuture.supplyAsync(() -> {
                try (Connection writer = DriverManager.getConnection(url); Statement s = writer.createStatement()) {
                    return s.executeUpdate("UPDATE account SET balance = balance + 1 WHERE id = 1");
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            assertThat(blocked).isNotDone();
            int before = server.openConnections();

            victim.close(); // no Terminate: the process is gone

            assertThat(blocked.get(30, TimeUnit.SECONDS)).isEqualTo(1);
            await().atMost(Duration.ofSeconds(10)).until(() -> server.openConnections() < before);
            try (var rows = statement.executeQuery("SELECT balance FROM account WHERE id = 1")) {
                assertThat(rows.next()).isTrue();
                assertThat(rows.getInt(1)).as("the killed transaction's write is rolled back").isEqualTo(101);
            }
        }
    }
}

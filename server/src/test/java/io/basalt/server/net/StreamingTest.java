package io.basalt.server.net;

import static org.assertj.core.api.Assertions.assertThat;

import io.basalt.jdbc.wire.ClientMessage;
import io.basalt.jdbc.wire.ServerMessage;
import io.basalt.jdbc.wire.WireProtocol;
import io.basalt.server.testing.TestServer;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A result comes in batches of the fetch size (or ≈ 1 MiB), with the cursor kept on the server between them. */
class StreamingTest {
    private static final int ROWS = 2500;
    private static WireServer server;
    private static String database;
    private static String url;

    @BeforeAll
    static void start() throws Exception {
        server = TestServer.start(TestServer.inMemoryOptions());
        database = "s" + UUID.randomUUID().toString().replace("-", "");
        url = TestServer.baseUrl(server, database) + "?user=admin&password=" + TestServer.PASSWORD;
        try (Connection connection = DriverManager.getConnection(url);
             Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE big (id INT PRIMARY KEY, payload VARCHAR(1000))");
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO big VALUES (?, ?)")) {
                String payload = "x".repeat(1000);
                for (int i = 0; i < ROWS; i++) {
                    insert.setInt(1, i);
                    insert.setString(2, payload);
                    insert.addBatch();
                }
                insert.executeBatch();
            }
        }
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void fetchSizeSetsTheRowsPerRoundTrip() throws Exception {
        try (RawClient client = new RawClient(server.port())) {
            ManualLogin.login(client, "admin", TestServer.PASSWORD, database);
            client.send(new ClientMessage.Query("SELECT id FROM big ORDER BY id", 100));
            ServerMessage.RowsResult first = (ServerMessage.RowsResult) client.receive();
            assertThat(first.rows()).hasSize(100);
            assertThat(first.last()).isFalse();
            int seen = first.rows().size();
            int batches = 1;
            boolean last = false;
            while (!last) {
                client.send(new ClientMessage.Fetch(first.cursorId(), 100));
                ServerMessage.RowBatch batch = (ServerMessage.RowBatch) client.receive();
                assertThat(batch.rows().size()).isLessThanOrEqualTo(100);
                assertThat(batch.rows().get(0)[0]).isEqualTo(seen);
                seen += batch.rows().size();
                batches++;
                last = batch.last();
            }
            assertThat(seen).isEqualTo(ROWS);
            assertThat(batches).isEqualTo(ROWS / 100);
            client.send(new ClientMessage.Fetch(first.cursorId(), 100));
            assertThat(((ServerMessage.Error) client.receive()).sqlState()).as("the cursor is gone after the last batch")
                    .isEqualTo("34000");
        }
    }

    @Test
    void aBatchStopsAtAboutOneMebibyte() throws Exception {
        try (RawClient client = new RawClient(server.port())) {
            ManualLogin.login(client, "admin", TestServer.PASSWORD, database);
            client.send(new ClientMessage.Query("SELECT payload FROM big", 2000));
            ServerMessage.RowsResult first = (ServerMessage.RowsResult) client.receive();
            // Rows of ≈ 1,005 bytes: the 1 MiB target cuts the batch at ≈ 1,044 rows, not at 2,000.
            int expected = WireProtocol.BATCH_TARGET_BYTES / 1005;
            assertThat(first.rows().size()).isBetween(expected - 10, expected + 10);
            client.send(new ClientMessage.CloseCursor(first.cursorId()));
            assertThat(client.receive()).isInstanceOf(ServerMessage.Ok.class);
        }
    }

    @Test
    void jdbcReadsTheWholeResultWithASmallFetchSize() throws Exception {
        try (Connection connection = DriverManager.getConnection(url);
             PreparedStatement query = connection.prepareStatement("SELECT id, payload FROM big ORDER BY id")) {
            query.setFetchSize(64);
            int expected = 0;
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    assertThat(rows.getInt(1)).isEqualTo(expected++);
                }
            }
            assertThat(expected).isEqualTo(ROWS);
            // Closing a ResultSet half-way closes the server's cursor; the connection goes on.
            try (Statement statement = connection.createStatement()) {
                statement.setFetchSize(10);
                try (ResultSet rows = statement.executeQuery("SELECT id FROM big")) {
                    assertThat(rows.next()).isTrue();
                }
                try (ResultSet rows = statement.executeQuery("SELECT count(*) FROM big")) {
                    assertThat(rows.next()).isTrue();
                    assertThat(rows.getLong(1)).isEqualTo(ROWS);
                }
            }
        }
    }
}

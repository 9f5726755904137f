package io.basalt.server.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.basalt.jdbc.wire.ClientMessage;
import io.basalt.server.testing.TestServer;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * A bounded fuzz run (a few seconds) against a live server, beyond {@link FrameErrorsTest}'s one case per
 * rule: random bytes, random frame types with random bodies, real messages cut short, oversized lengths,
 * and random SQL on authenticated connections, interleaved. Afterwards the server still serves, the
 * sessions that behaved still work and the committed data is intact. The seed is printed on failure.
 */
class WireFuzzTest {
    private static final int MAX_FRAME = 64 * 1024;
    private static final Duration BUDGET = Duration.ofSeconds(6);
    private static final String[] WORDS = {"SELECT", "FROM", "WHERE", "t", "id", "v", "count(*)", "(", ")", ",", "*",
        "=", "<", "AND", "OR", "NOT", "NULL", "1", "-1", "2147483648", "'x'", "''", "'", "\"", ";", "GROUP BY",
        "ORDER BY", "LIMIT", "JOIN", "ON", "AS", "CAST", "VARCHAR", "1e308", "/", "0", "CASE", "WHEN", "END", "\u00e9"};

    @Test
    void garbageOnManyConnectionsLeavesTheServerAndItsDataIntact() throws Exception {
        long seed = System.nanoTime();
        Random random = new Random(seed);
        WireServer server = TestServer.start(TestServer.inMemoryOptions().withMaxFrameBytes(MAX_FRAME));
        String url = TestServer.freshDatabaseUrl(server);
        Map<String, Integer> sqlStates = new TreeMap<>();
        try (Connection bystander = DriverManager.getConnection(url); Connection sql = DriverManager.getConnection(url)) {
            try (Statement s = bystander.createStatement()) {
                s.execute("CREATE TABLE t (id INT PRIMARY KEY, v VARCHAR(20))");
                for (int i = 0; i < 50; i++) {
                    s.execute("INSERT INTO t VALUES (" + i + ", 'row" + i + "')");
                }
            }
            long deadline = System.nanoTime() + BUDGET.toNanos();
            int rounds = 0;
            while (System.nanoTime() < deadline) {
                rounds++;
                switch (random.nextInt(5)) {
                    case 0 -> raw(server, randomBytes(random, 1 + random.nextInt(300)));
                    case 1 -> raw(server, randomFrame(random));
                    case 2 -> raw(server, truncatedStartup(random));
                    case 3 -> raw(server, ByteBuffer.allocate(5).putInt(MAX_FRAME + 1 + random.nextInt(1 << 20))
                            .put((byte) random.nextInt(256)).array());
                    default -> randomSql(sql, random, sqlStates);
                }
            }
            String context = "seed " + seed + ", " + rounds + " rounds, SQLStates " + sqlStates;
            assertThat(sqlStates.keySet()).as(context).noneMatch(state -> state.startsWith("08") || state.equals("XX000"));
            assertThat(sql.isValid(5)).as(context).isTrue();
            try (Statement s = bystander.createStatement();
                 ResultSet r = s.executeQuery("SELECT count(*), sum(id) FROM t WHERE v LIKE 'row%'")) {
                r.next();
                assertThat(r.getLong(1)).as(context).isEqualTo(50);
                assertThat(r.getLong(2)).as(context).isEqualTo(49 * 50 / 2);
            }
            // Every fuzzing connection is gone again; only the two well-behaved ones remain.
            await().atMost(Duration.ofSeconds(20)).until(() -> server.openConnections() == 2);
            try (Connection fresh = DriverManager.getConnection(url)) {
                assertThat(fresh.isValid(5)).isTrue();
            }
        } finally {
            server.close();
        }
    }

    /** Sends bytes on a fresh connection and hangs up without waiting (a half-sent frame must not pin anything). */
    private static void raw(WireServer server, byte[] bytes) throws IOException {
        try (RawClient client = new RawClient(server.port())) {
            client.sendRaw(bytes);
        } catch (java.net.SocketException e) {
            // The server may close first (08P01 on the first bad byte): that is the point.
        }
    }

    private static byte[] randomBytes(Random random, int n) {
        byte[] bytes = new byte[n];
        random.nextBytes(bytes);
        return bytes;
    }

    private static byte[] randomFrame(Random random) {
        byte[] body = randomBytes(random, random.nextInt(200));
        return ByteBuffer.allocate(5 + body.length).putInt(1 + body.length).put((byte) random.nextInt(256)).put(body).array();
    }

    private static byte[] truncatedStartup(Random random) {
        io.netty.buffer.ByteBuf buffer = io.netty.buffer.Unpooled.buffer();
        io.basalt.jdbc.wire.MessageEncoder.encodeFrame(new ClientMessage.Startup(1, 0, "admin", "db",
                Map.of("k", "v")), buffer);
        byte[] whole = new byte[buffer.readableBytes()];
        buffer.readBytes(whole);
        byte[] cut = new byte[random.nextInt(whole.length)];
        System.arraycopy(whole, 0, cut, 0, cut.length);
        return cut;
    }

    private static void randomSql(Connection sql, Random random, Map<String, Integer> states) {
        List<String> words = new ArrayList<>();
        int n = 1 + random.nextInt(12);
        for (int i = 0; i < n; i++) {
            words.add(WORDS[random.nextInt(WORDS.length)]);
        }
        if (random.nextBoolean()) {
            words.add(0, "SELECT");
        }
        try (Statement s = sql.createStatement()) {
            s.execute(String.join(" ", words));
            states.merge("ok", 1, Integer::sum);
        } catch (SQLException e) {
            states.merge(String.valueOf(e.getSQLState()), 1, Integer::sum);
        }
    }
}

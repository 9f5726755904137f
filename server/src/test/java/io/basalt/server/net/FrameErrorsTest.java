package io.basalt.server.net;

import static org.assertj.core.api.Assertions.assertThat;

import io.basalt.jdbc.wire.ClientMessage;
import io.basalt.jdbc.wire.ServerMessage;
import io.basalt.jdbc.wire.WireProtocol;
import io.basalt.server.testing.TestServer;
import java.nio.ByteBuffer;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Bad input closes only the connection that sent it, with 08P01 (docs/design/0006, invariants 1 and 2):
 * an authenticated connection on the same server keeps working throughout.
 */
class FrameErrorsTest {
    private static final int MAX_FRAME = 64 * 1024;
    private static WireServer server;
    private static Connection bystander;
    private static String url;

    @BeforeAll
    static void start() throws Exception {
        server = TestServer.start(TestServer.inMemoryOptions().withMaxFrameBytes(MAX_FRAME));
        url = TestServer.freshDatabaseUrl(server);
        bystander = DriverManager.getConnection(url);
        try (Statement s = bystander.createStatement()) {
            s.execute("CREATE TABLE t (id INT PRIMARY KEY)");
            s.execute("INSERT INTO t VALUES (1)");
        }
    }

    @AfterAll
    static void stop() throws Exception {
        bystander.close();
        server.close();
    }

    @Test
    void oversizedFrameIsRefusedBeforeItIsRead() throws Exception {
        try (RawClient client = new RawClient(server.port())) {
            client.sendRaw(ByteBuffer.allocate(8).putInt(MAX_FRAME * 4).putInt(0).array());
            assertProtocolViolationAndClose(client, "frame larger than " + MAX_FRAME);
        }
        assertBystanderWorks();
    }

    @Test
    void unknownMessageTypeIsAViolation() throws Exception {
        try (RawClient client = new RawClient(server.port())) {
            client.sendRaw(new byte[] {0, 0, 0, 1, 0x55});
            assertProtocolViolationAndClose(client, "unknown message type");
        }
        assertBystanderWorks();
    }

    @Test
    void lengthsThatRunPastTheFrameAreViolations() throws Exception {
        try (RawClient client = new RawClient(server.port())) {
            // A Prepare whose string claims 1000 bytes in a 9-byte frame.
            client.sendRaw(ByteBuffer.allocate(13).putInt(9).put((byte) ClientMessage.PREPARE).putInt(1000)
                    .putInt(0).array());
            assertProtocolViolationAndClose(client, "frame ends inside a string");
        }
        assertBystanderWorks();
    }

    @Test
    void trailingBytesAreViolations() throws Exception {
        try (RawClient client = new RawClient(server.port())) {
            client.sendRaw(ByteBuffer.allocate(7).putInt(3).put((byte) ClientMessage.PING).put((byte) 1).put((byte) 2).array());
            assertProtocolViolationAndClose(client, "trailing bytes");
        }
    }

    @Test
    void requestsBeforeAuthenticationAreViolations() throws Exception {
        try (RawClient client = new RawClient(server.port())) {
            client.send(new ClientMessage.Query("SELECT * FROM t", 0));
            assertProtocolViolationAndClose(client, "first message must be Startup");
        }
    }

    @Test
    void wrongMagicAndWrongMajorVersionAreRefused() throws Exception {
        try (RawClient client = new RawClient(server.port())) {
            client.sendRaw("GET / HTTP/1.1\r\nHost: x\r\n\r\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            assertThat(client.closedByServer()).isTrue();
        }
        try (RawClient client = new RawClient(server.port())) {
            client.send(new ClientMessage.Startup(2, 0, "admin", "db", Map.of()));
            assertProtocolViolationAndClose(client, "unsupported protocol version 2.0");
        }
        assertBystanderWorks();
    }

    @Test
    void truncatedFrameThenHangUpLeavesTheServerServing() throws Exception {
        try (RawClient client = new RawClient(server.port())) {
            client.sendRaw(ByteBuffer.allocate(6).putInt(100).put((byte) ClientMessage.STARTUP).put((byte) 0).array());
        }
        assertBystanderWorks();
    }

    @Test
    void randomBytesNeverHurtTheServer() throws Exception {
        Random random = new Random(42);
        for (int i = 0; i < 20; i++) {
            byte[] garbage = new byte[1 + random.nextInt(200)];
            random.nextBytes(garbage);
            try (RawClient client = new RawClient(server.port())) {
                client.sendRaw(garbage);
                client.sendRaw(new byte[] {0, 0, 0, 1, (byte) ClientMessage.TERMINATE}); // a Startup may still be pending
            }
        }
        assertBystanderWorks();
    }

    private static void assertProtocolViolationAndClose(RawClient client, String messagePart) throws Exception {
        ServerMessage answer = client.receive();
        assertThat(answer).isInstanceOf(ServerMessage.Error.class);
        ServerMessage.Error error = (ServerMessage.Error) answer;
        assertThat(error.sqlState()).isEqualTo("08P01");
        assertThat(error.message()).contains(messagePart);
        assertThat(client.closedByServer()).isTrue();
    }

    private static void assertBystanderWorks() throws Exception {
        try (Statement s = bystander.createStatement(); ResultSet r = s.executeQuery("SELECT count(*) FROM t")) {
            assertThat(r.next()).isTrue();
            assertThat(r.getLong(1)).isEqualTo(1);
        }
        assertThat(WireProtocol.MAGIC).isEqualTo(0x42534C54);
    }
}

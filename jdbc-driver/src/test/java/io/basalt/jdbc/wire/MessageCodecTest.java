package io.basalt.jdbc.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.basalt.common.client.ColumnMetadata;
import io.basalt.common.client.ParameterMetadata;
import io.basalt.common.client.TransactionIsolation;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.math.BigDecimal;
import java.sql.Types;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Frames round-trip exactly, and every way a frame can lie is a ProtocolViolation (docs/design/0006). */
class MessageCodecTest {
    private static final SessionState STATE = new SessionState(false, true, true, TransactionIsolation.REPEATABLE_READ);
    private static final List<Object> EVERY_TYPE = Arrays.asList(null, true, (short) -7, 42, Long.MIN_VALUE,
            new BigDecimal("-12345678901234567890.000123"), 1.5f, -2.25d, "héllo ✓", LocalDate.of(1969, 7, 20),
            LocalTime.of(23, 59, 59, 999_999_999), LocalDateTime.of(2026, 12, 2, 10, 30, 0, 1_000), new byte[] {0, -1, 7});
    private static final ColumnMetadata COLUMN = new ColumnMetadata("L", "C", "T", "S", Types.VARCHAR, "VARCHAR", 10, 0, true);

    private static ByteBuf frameBody(WireMessage message) {
        ByteBuf buffer = Unpooled.buffer();
        MessageEncoder.encodeFrame(message, buffer);
        assertThat(buffer.readInt()).isEqualTo(buffer.readableBytes());
        return buffer;
    }

    @Test
    void everyValueTypeRoundTrips() {
        ClientMessage.Execute execute = new ClientMessage.Execute(3, 100, EVERY_TYPE);
        ClientMessage.Execute decoded = (ClientMessage.Execute) ClientMessage.decode(frameBody(execute));
        assertThat(decoded.statementId()).isEqualTo(3);
        assertThat(decoded.fetchSize()).isEqualTo(100);
        assertThat(decoded.parameters()).usingRecursiveFieldByFieldElementComparator().hasSize(EVERY_TYPE.size());
        for (int i = 0; i < EVERY_TYPE.size(); i++) {
            Object expected = EVERY_TYPE.get(i);
            Object actual = decoded.parameters().get(i);
            if (expected instanceof byte[] bytes) {
                assertThat((byte[]) actual).isEqualTo(bytes);
            } else {
                assertThat(actual).isEqualTo(expected);
                assertThat(actual == null ? null : actual.getClass()).isEqualTo(expected == null ? null : expected.getClass());
            }
        }
    }

    @Test
    void clientMessagesRoundTrip() {
        List<ClientMessage> messages = List.of(
                new ClientMessage.Startup(1, 0, "u", "db", Map.of("isolation", "SERIALIZABLE")),
                new ClientMessage.ScramClientFirst("n,,n=,r=abc"), new ClientMessage.ScramClientFinal("c=biws,r=x,p=y"),
                new ClientMessage.Query("SELECT 1", 10), new ClientMessage.Prepare("SELECT ?"),
                new ClientMessage.ExecuteSqlBatch(List.of("A", "B")), new ClientMessage.Fetch(1, 2),
                new ClientMessage.CloseCursor(1), new ClientMessage.CloseStatement(2), new ClientMessage.Commit(),
                new ClientMessage.Rollback(), new ClientMessage.SetAutoCommit(true),
                new ClientMessage.SetIsolation(TransactionIsolation.READ_COMMITTED), new ClientMessage.SetReadOnly(false),
                new ClientMessage.Ping(), new ClientMessage.Terminate(),
                new ClientMessage.Cancel(7, -3, io.basalt.common.client.Session.CancelReason.STATEMENT_TIMEOUT));
        for (ClientMessage message : messages) {
            assertThat(ClientMessage.decode(frameBody(message))).isEqualTo(message);
        }
        ClientMessage.ExecuteBatch batch = new ClientMessage.ExecuteBatch(4, List.of(List.of(1, "a"), List.of(2, "b")));
        assertThat(((ClientMessage.ExecuteBatch) ClientMessage.decode(frameBody(batch))).parameterSets())
                .isEqualTo(batch.parameterSets());
    }

    @Test
    void serverMessagesRoundTrip() {
        List<Object[]> rows = new ArrayList<>();
        rows.add(new Object[] {"a"});
        rows.add(new Object[] {null});
        ServerMessage.RowsResult result = (ServerMessage.RowsResult) ServerMessage.decode(
                frameBody(new ServerMessage.RowsResult(7, List.of(COLUMN), rows, false, STATE)));
        assertThat(result.cursorId()).isEqualTo(7);
        assertThat(result.columns()).containsExactly(COLUMN);
        assertThat(result.rows()).containsExactly(new Object[] {"a"}, new Object[] {null});
        assertThat(result.last()).isFalse();
        assertThat(result.state()).isEqualTo(STATE);

        ServerMessage.Prepared prepared = (ServerMessage.Prepared) ServerMessage.decode(frameBody(new ServerMessage.Prepared(
                5, true, List.of(new ParameterMetadata(Types.INTEGER, "INTEGER", 10, 0)), List.of(COLUMN), STATE)));
        assertThat(prepared.parameters()).containsExactly(new ParameterMetadata(Types.INTEGER, "INTEGER", 10, 0));
        assertThat(ServerMessage.decode(frameBody(new ServerMessage.Error("42P01", "no", null))))
                .isEqualTo(new ServerMessage.Error("42P01", "no", null));
        ServerMessage.UpdateResult update = (ServerMessage.UpdateResult) ServerMessage.decode(frameBody(
                new ServerMessage.UpdateResult(2, List.of(COLUMN), List.<Object[]>of(new Object[] {"k"}), STATE)));
        assertThat(update.count()).isEqualTo(2);
        assertThat(update.keyRows()).containsExactly(new Object[] {"k"});
        assertThat(((ServerMessage.BatchResult) ServerMessage.decode(frameBody(
                new ServerMessage.BatchResult(new long[] {1, -2}, STATE)))).counts()).containsExactly(1, -2);
    }

    @Test
    void everyTruncationOfAValidFrameIsAViolation() {
        ByteBuf whole = frameBody(new ClientMessage.Execute(3, 100, EVERY_TYPE));
        byte[] bytes = new byte[whole.readableBytes()];
        whole.readBytes(bytes);
        for (int length = 0; length < bytes.length; length++) {
            ByteBuf truncated = Unpooled.wrappedBuffer(bytes, 0, length);
            assertThatThrownBy(() -> ClientMessage.decode(truncated)).as("truncated at %d", length)
                    .isInstanceOf(ProtocolViolation.class)
                    .satisfies(e -> assertThat(((ProtocolViolation) e).sqlState().code()).isEqualTo("08P01"));
        }
    }

    @Test
    void liesInsideAFrameAreViolations() {
        assertViolation(new byte[] {0x7E}, "unknown message type");
        assertViolation(new byte[] {ClientMessage.PING, 0}, "trailing bytes");
        assertViolation(new byte[] {ClientMessage.SET_AUTO_COMMIT, 2}, "boolean byte");
        assertViolation(new byte[] {ClientMessage.SET_ISOLATION, 9}, "unknown isolation level");
        assertViolation(new byte[] {ClientMessage.PREPARE, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFE}, "string length");
        assertViolation(new byte[] {ClientMessage.EXECUTE_SQL_BATCH, 0x7F, 0, 0, 0}, "does not fit");
        assertViolation(new byte[] {ClientMessage.EXECUTE, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 1, 99}, "unknown value tag");
        assertViolation(new byte[] {ClientMessage.STARTUP, 1, 2, 3, 4}, "bad magic");
    }

    private static void assertViolation(byte[] body, String messagePart) {
        assertThatThrownBy(() -> ClientMessage.decode(Unpooled.wrappedBuffer(body)))
                .isInstanceOf(ProtocolViolation.class).hasMessageContaining(messagePart);
    }
}

package io.basalt.jdbc.wire;

import io.basalt.common.client.ColumnMetadata;
import io.basalt.common.client.ParameterMetadata;
import io.netty.buffer.ByteBuf;
import java.util.List;

/**
 * Messages from the server to the driver, with their decoder (layouts in
 * docs/design/0006-wire-protocol.md). {@link Terminal} ones end the answer to a request and carry the
 * session's state after it.
 */
public sealed interface ServerMessage extends WireMessage {
    int AUTH_REQUEST = 0x81;
    int SCRAM_SERVER_FIRST = 0x82;
    int SCRAM_SERVER_FINAL = 0x83;
    int READY = 0x84;
    int OK = 0x90;
    int PREPARED = 0x91;
    int UPDATE_RESULT = 0x92;
    int ROWS_RESULT = 0x93;
    int ROW_BATCH = 0x94;
    int BATCH_RESULT = 0x95;
    int ERROR = 0xE0;

    /** An answer that ends a request. */
    sealed interface Terminal extends ServerMessage {
        /** The session's state after the request; null only for an error before a session exists. */
        SessionState state();
    }

    static ServerMessage decode(ByteBuf frame) {
        WireReader in = new WireReader(frame);
        int type = in.u8();
        ServerMessage message = switch (type) {
            case AUTH_REQUEST -> new AuthRequest(in.string());
            case SCRAM_SERVER_FIRST -> new ScramServerFirst(in.string());
            case SCRAM_SERVER_FINAL -> new ScramServerFinal(in.string());
            case READY -> new Ready(in.i64(), in.i64(), in.string(), SessionState.read(in));
            case OK -> new Ok(SessionState.read(in));
            case PREPARED -> new Prepared(in.i32(), in.bool(), Metadata.readParameters(in), Metadata.readColumns(in),
                    SessionState.read(in));
            case UPDATE_RESULT -> UpdateResult.read(in);
            case ROWS_RESULT -> RowsResult.read(in);
            case ROW_BATCH -> RowBatch.read(in);
            case BATCH_RESULT -> BatchResult.read(in);
            case ERROR -> new Error(in.string(), in.string(), in.bool() ? SessionState.read(in) : null);
            default -> throw new ProtocolViolation("unknown message type 0x" + Integer.toHexString(type));
        };
        in.finish(message.getClass().getSimpleName());
        return message;
    }

    record AuthRequest(String mechanism) implements ServerMessage {
        public int type() {
            return AUTH_REQUEST;
        }

        public void writeBody(WireWriter out) {
            out.string(mechanism);
        }
    }

    record ScramServerFirst(String message) implements ServerMessage {
        public int type() {
            return SCRAM_SERVER_FIRST;
        }

        public void writeBody(WireWriter out) {
            out.string(message);
        }
    }

    record ScramServerFinal(String message) implements ServerMessage {
        public int type() {
            return SCRAM_SERVER_FINAL;
        }

        public void writeBody(WireWriter out) {
            out.string(message);
        }
    }

    /** Authentication succeeded: the key for a later Cancel, and the session's initial state. */
    record Ready(long connectionId, long secret, String serverVersion, SessionState state) implements Terminal {
        public int type() {
            return READY;
        }

        public void writeBody(WireWriter out) {
            out.i64(connectionId);
            out.i64(secret);
            out.string(serverVersion);
            state.write(out);
        }
    }

    record Ok(SessionState state) implements Terminal {
        public int type() {
            return OK;
        }

        public void writeBody(WireWriter out) {
            state.write(out);
        }
    }

    record Prepared(int statementId, boolean isQuery, List<ParameterMetadata> parameters, List<ColumnMetadata> columns,
                    SessionState state) implements Terminal {
        public int type() {
            return PREPARED;
        }

        public void writeBody(WireWriter out) {
            out.i32(statementId);
            out.bool(isQuery);
            Metadata.writeParameters(out, parameters);
            Metadata.writeColumns(out, columns);
            state.write(out);
        }
    }

    /** An update count, and the generated keys when the statement made some ({@code keyColumns} null otherwise). */
    record UpdateResult(long count, List<ColumnMetadata> keyColumns, List<Object[]> keyRows, SessionState state)
            implements Terminal {
        public int type() {
            return UPDATE_RESULT;
        }

        public void writeBody(WireWriter out) {
            out.i64(count);
            out.bool(keyColumns != null);
            if (keyColumns != null) {
                Metadata.writeColumns(out, keyColumns);
                out.i32(keyRows.size());
                Values.writeRows(out, keyRows);
            }
            state.write(out);
        }

        static UpdateResult read(WireReader in) {
            long count = in.i64();
            List<ColumnMetadata> columns = null;
            List<Object[]> rows = List.of();
            if (in.bool()) {
                columns = Metadata.readColumns(in);
                rows = Values.readRows(in, in.count(1), columns.size());
            }
            return new UpdateResult(count, columns, rows, SessionState.read(in));
        }
    }

    /**
     * The first batch of a query's rows. When {@code last}, the server has closed the cursor already;
     * otherwise Fetch with {@code cursorId} reads on.
     */
    record RowsResult(int cursorId, List<ColumnMetadata> columns, List<Object[]> rows, boolean last,
                      SessionState state) implements Terminal {
        public int type() {
            return ROWS_RESULT;
        }

        public void writeBody(WireWriter out) {
            out.i32(cursorId);
            Metadata.writeColumns(out, columns);
            RowBatch.writeBatch(out, columns.size(), rows, last, state);
        }

        static RowsResult read(WireReader in) {
            int cursorId = in.i32();
            List<ColumnMetadata> columns = Metadata.readColumns(in);
            RowBatch batch = RowBatch.readBatch(in, cursorId);
            if (batch.columnCount() != columns.size()) {
                throw new ProtocolViolation("a row batch of " + batch.columnCount() + " columns for " + columns.size());
            }
            return new RowsResult(cursorId, columns, batch.rows(), batch.last(), batch.state());
        }
    }

    /** The answer to Fetch. */
    record RowBatch(int cursorId, int columnCount, List<Object[]> rows, boolean last, SessionState state)
            implements Terminal {
        public int type() {
            return ROW_BATCH;
        }

        public void writeBody(WireWriter out) {
            out.i32(cursorId);
            writeBatch(out, columnCount, rows, last, state);
        }

        static void writeBatch(WireWriter out, int columnCount, List<Object[]> rows, boolean last, SessionState state) {
            out.i32(columnCount);
            out.i32(rows.size());
            out.bool(last);
            Values.writeRows(out, rows);
            state.write(out);
        }

        static RowBatch read(WireReader in) {
            return readBatch(in, in.i32());
        }

        static RowBatch readBatch(WireReader in, int cursorId) {
            int columnCount = in.count(0);
            int rowCount = in.count(0);
            boolean last = in.bool();
            List<Object[]> rows = Values.readRows(in, rowCount, columnCount);
            return new RowBatch(cursorId, columnCount, rows, last, SessionState.read(in));
        }
    }

    record BatchResult(long[] counts, SessionState state) implements Terminal {
        public int type() {
            return BATCH_RESULT;
        }

        public void writeBody(WireWriter out) {
            out.i32(counts.length);
            for (long count : counts) {
                out.i64(count);
            }
            state.write(out);
        }

        static BatchResult read(WireReader in) {
            long[] counts = new long[in.count(8)];
            for (int i = 0; i < counts.length; i++) {
                counts[i] = in.i64();
            }
            return new BatchResult(counts, SessionState.read(in));
        }
    }

    /** A failed request (the connection stays), or the last message before the server closes it. */
    record Error(String sqlState, String message, SessionState state) implements Terminal {
        public int type() {
            return ERROR;
        }

        public void writeBody(WireWriter out) {
            out.string(sqlState);
            out.string(message);
            out.bool(state != null);
            if (state != null) {
                state.write(out);
            }
        }
    }
}

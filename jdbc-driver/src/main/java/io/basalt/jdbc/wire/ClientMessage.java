package io.basalt.jdbc.wire;

import io.basalt.common.client.Session;
import io.basalt.common.client.TransactionIsolation;
import io.netty.buffer.ByteBuf;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Messages from the driver to the server, with their decoder (layouts in docs/design/0006-wire-protocol.md). */
public sealed interface ClientMessage extends WireMessage {
    int STARTUP = 0x01;
    int SCRAM_CLIENT_FIRST = 0x02;
    int SCRAM_CLIENT_FINAL = 0x03;
    int QUERY = 0x10;
    int PREPARE = 0x11;
    int EXECUTE = 0x12;
    int EXECUTE_BATCH = 0x13;
    int EXECUTE_SQL_BATCH = 0x14;
    int FETCH = 0x15;
    int CLOSE_CURSOR = 0x16;
    int CLOSE_STATEMENT = 0x17;
    int COMMIT = 0x20;
    int ROLLBACK = 0x21;
    int SET_AUTO_COMMIT = 0x22;
    int SET_ISOLATION = 0x23;
    int SET_READ_ONLY = 0x24;
    int PING = 0x25;
    int CANCEL = 0x30;
    int TERMINATE = 0x7F;

    /** Decodes one frame (without its length prefix); consumes it whole or throws {@link ProtocolViolation}. */
    static ClientMessage decode(ByteBuf frame) {
        WireReader in = new WireReader(frame);
        int type = in.u8();
        ClientMessage message = switch (type) {
            case STARTUP -> Startup.read(in);
            case SCRAM_CLIENT_FIRST -> new ScramClientFirst(in.string());
            case SCRAM_CLIENT_FINAL -> new ScramClientFinal(in.string());
            case QUERY -> new Query(in.string(), in.i32());
            case PREPARE -> new Prepare(in.string());
            case EXECUTE -> new Execute(in.i32(), in.i32(), Values.readList(in));
            case EXECUTE_BATCH -> ExecuteBatch.read(in);
            case EXECUTE_SQL_BATCH -> ExecuteSqlBatch.read(in);
            case FETCH -> new Fetch(in.i32(), in.i32());
            case CLOSE_CURSOR -> new CloseCursor(in.i32());
            case CLOSE_STATEMENT -> new CloseStatement(in.i32());
            case COMMIT -> new Commit();
            case ROLLBACK -> new Rollback();
            case SET_AUTO_COMMIT -> new SetAutoCommit(in.bool());
            case SET_ISOLATION -> new SetIsolation(SessionState.isolation(in.u8()));
            case SET_READ_ONLY -> new SetReadOnly(in.bool());
            case PING -> new Ping();
            case CANCEL -> Cancel.read(in);
            case TERMINATE -> new Terminate();
            default -> throw new ProtocolViolation("unknown message type 0x" + Integer.toHexString(type));
        };
        in.finish(message.getClass().getSimpleName());
        return message;
    }

    /** The first frame: magic, version, who and where. Options are name/value strings for later minors. */
    record Startup(int majorVersion, int minorVersion, String user, String database, Map<String, String> options)
            implements ClientMessage {
        public int type() {
            return STARTUP;
        }

        public void writeBody(WireWriter out) {
            out.i32(WireProtocol.MAGIC);
            out.u16(majorVersion);
            out.u16(minorVersion);
            out.string(user);
            out.string(database);
            out.i32(options.size());
            options.forEach((key, value) -> {
                out.string(key);
                out.string(value);
            });
        }

        static Startup read(WireReader in) {
            int magic = in.i32();
            if (magic != WireProtocol.MAGIC) {
                throw new ProtocolViolation("not a Basalt client (bad magic)");
            }
            int major = in.u16();
            int minor = in.u16();
            String user = in.string();
            String database = in.string();
            int count = in.count(8);
            Map<String, String> options = new LinkedHashMap<>();
            for (int i = 0; i < count; i++) {
                options.put(in.string(), in.string());
            }
            return new Startup(major, minor, user, database, options);
        }
    }

    record ScramClientFirst(String message) implements ClientMessage {
        public int type() {
            return SCRAM_CLIENT_FIRST;
        }

        public void writeBody(WireWriter out) {
            out.string(message);
        }
    }

    record ScramClientFinal(String message) implements ClientMessage {
        public int type() {
            return SCRAM_CLIENT_FINAL;
        }

        public void writeBody(WireWriter out) {
            out.string(message);
        }
    }

    record Query(String sql, int fetchSize) implements ClientMessage {
        public int type() {
            return QUERY;
        }

        public void writeBody(WireWriter out) {
            out.string(sql);
            out.i32(fetchSize);
        }
    }

    record Prepare(String sql) implements ClientMessage {
        public int type() {
            return PREPARE;
        }

        public void writeBody(WireWriter out) {
            out.string(sql);
        }
    }

    record Execute(int statementId, int fetchSize, List<Object> parameters) implements ClientMessage {
        public int type() {
            return EXECUTE;
        }

        public void writeBody(WireWriter out) {
            out.i32(statementId);
            out.i32(fetchSize);
            Values.writeList(out, parameters);
        }
    }

    record ExecuteBatch(int statementId, List<List<Object>> parameterSets) implements ClientMessage {
        public int type() {
            return EXECUTE_BATCH;
        }

        public void writeBody(WireWriter out) {
            out.i32(statementId);
            out.i32(parameterSets.size());
            for (List<Object> set : parameterSets) {
                Values.writeList(out, set);
            }
        }

        static ExecuteBatch read(WireReader in) {
            int statementId = in.i32();
            int count = in.count(4);
            List<List<Object>> sets = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                sets.add(Values.readList(in));
            }
            return new ExecuteBatch(statementId, sets);
        }
    }

    record ExecuteSqlBatch(List<String> statements) implements ClientMessage {
        public int type() {
            return EXECUTE_SQL_BATCH;
        }

        public void writeBody(WireWriter out) {
            out.i32(statements.size());
            statements.forEach(out::string);
        }

        static ExecuteSqlBatch read(WireReader in) {
            int count = in.count(4);
            List<String> statements = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                statements.add(in.string());
            }
            return new ExecuteSqlBatch(statements);
        }
    }

    record Fetch(int cursorId, int fetchSize) implements ClientMessage {
        public int type() {
            return FETCH;
        }

        public void writeBody(WireWriter out) {
            out.i32(cursorId);
            out.i32(fetchSize);
        }
    }

    record CloseCursor(int cursorId) implements ClientMessage {
        public int type() {
            return CLOSE_CURSOR;
        }

        public void writeBody(WireWriter out) {
            out.i32(cursorId);
        }
    }

    record CloseStatement(int statementId) implements ClientMessage {
        public int type() {
            return CLOSE_STATEMENT;
        }

        public void writeBody(WireWriter out) {
            out.i32(statementId);
        }
    }

    record Commit() implements ClientMessage {
        public int type() {
            return COMMIT;
        }

        public void writeBody(WireWriter out) {
        }
    }

    record Rollback() implements ClientMessage {
        public int type() {
            return ROLLBACK;
        }

        public void writeBody(WireWriter out) {
        }
    }

    record SetAutoCommit(boolean autoCommit) implements ClientMessage {
        public int type() {
            return SET_AUTO_COMMIT;
        }

        public void writeBody(WireWriter out) {
            out.bool(autoCommit);
        }
    }

    record SetIsolation(TransactionIsolation isolation) implements ClientMessage {
        public int type() {
            return SET_ISOLATION;
        }

        public void writeBody(WireWriter out) {
            out.u8(isolation.ordinal());
        }
    }

    record SetReadOnly(boolean readOnly) implements ClientMessage {
        public int type() {
            return SET_READ_ONLY;
        }

        public void writeBody(WireWriter out) {
            out.bool(readOnly);
        }
    }

    record Ping() implements ClientMessage {
        public int type() {
            return PING;
        }

        public void writeBody(WireWriter out) {
        }
    }

    /**
     * The only frame of a separate connection: cancel the statement connection {@code connectionId}
     * runs now, proven by the secret its Ready carried (PostgreSQL's CancelRequest, plus the reason).
     */
    record Cancel(long connectionId, long secret, Session.CancelReason reason) implements ClientMessage {
        public int type() {
            return CANCEL;
        }

        public void writeBody(WireWriter out) {
            out.i64(connectionId);
            out.i64(secret);
            out.u8(reason.ordinal());
        }

        static Cancel read(WireReader in) {
            long connectionId = in.i64();
            long secret = in.i64();
            int reason = in.u8();
            if (reason >= Session.CancelReason.values().length) {
                throw new ProtocolViolation("unknown cancel reason " + reason);
            }
            return new Cancel(connectionId, secret, Session.CancelReason.values()[reason]);
        }

        /** Never the secret. */
        @Override
        public String toString() {
            return "Cancel[connectionId=" + connectionId + ", reason=" + reason + "]";
        }
    }

    record Terminate() implements ClientMessage {
        public int type() {
            return TERMINATE;
        }

        public void writeBody(WireWriter out) {
        }
    }
}

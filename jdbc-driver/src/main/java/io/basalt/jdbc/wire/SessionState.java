package io.basalt.jdbc.wire;

import io.basalt.common.client.TransactionIsolation;

/**
 * The session's state after a request, sent at the end of every terminal response so that the client
 * answers {@code autoCommit()}, {@code inTransaction()}, {@code isolation()} and {@code readOnly()}
 * without a round trip (PostgreSQL's ReadyForQuery status, extended).
 *
 * <pre>
 *   u8 flags: bit 0 auto-commit, bit 1 in transaction, bit 2 read-only (other bits must be 0)
 *   u8 isolation: 0 READ COMMITTED, 1 REPEATABLE READ, 2 SERIALIZABLE
 * </pre>
 */
public record SessionState(boolean autoCommit, boolean inTransaction, boolean readOnly, TransactionIsolation isolation) {

    void write(WireWriter out) {
        out.u8((autoCommit ? 1 : 0) | (inTransaction ? 2 : 0) | (readOnly ? 4 : 0));
        out.u8(isolation.ordinal());
    }

    static SessionState read(WireReader in) {
        int flags = in.u8();
        if ((flags & ~7) != 0) {
            throw new ProtocolViolation("unknown session state flags " + flags);
        }
        return new SessionState((flags & 1) != 0, (flags & 2) != 0, (flags & 4) != 0, isolation(in.u8()));
    }

    static TransactionIsolation isolation(int code) {
        TransactionIsolation[] levels = TransactionIsolation.values();
        if (code >= levels.length) {
            throw new ProtocolViolation("unknown isolation level " + code);
        }
        return levels[code];
    }
}

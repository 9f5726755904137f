package io.basalt.jdbc.remote;

import io.basalt.common.client.PreparedStatementHandle;
import io.basalt.common.client.Session;
import io.basalt.common.client.StatementResult;
import io.basalt.common.client.TransactionIsolation;
import io.basalt.common.error.BasaltException;
import io.basalt.common.error.SqlState;
import io.basalt.jdbc.wire.ClientMessage;
import io.basalt.jdbc.wire.ServerMessage;
import io.basalt.jdbc.wire.SessionState;
import java.util.List;

/**
 * The {@link Session} SPI over the wire protocol: each call is one request (docs/design/0006, the
 * SPI mapping table). The session's state comes back with every answer, so its getters need no round
 * trip. Threading as the SPI: one caller at a time; {@link #close()} from any thread.
 */
final class RemoteSession implements Session {
    private final RemoteConnection connection;
    private volatile SessionState state;
    private volatile boolean closed;

    RemoteSession(RemoteConnection connection) {
        this.connection = connection;
        this.state = connection.ready().state();
    }

    ServerMessage.Terminal request(ClientMessage request) {
        if (closed) {
            throw new BasaltException(SqlState.CONNECTION_DOES_NOT_EXIST, "the session is closed");
        }
        try {
            ServerMessage.Terminal answer = connection.request(request);
            if (answer.state() != null) {
                state = answer.state();
            }
            return answer;
        } catch (BasaltException e) {
            if (!connection.isOpen()) {
                closed = true;
            }
            throw e;
        }
    }

    boolean connectionOpen() {
        return !closed && connection.isOpen();
    }

    @Override
    public PreparedStatementHandle prepare(String sql) {
        ServerMessage.Terminal answer = request(new ClientMessage.Prepare(sql));
        if (!(answer instanceof ServerMessage.Prepared prepared)) {
            throw unexpected(answer);
        }
        return new RemoteStatement(this, prepared.statementId(), sql, prepared.parameters(), prepared.columns(),
                prepared.isQuery());
    }

    @Override
    public StatementResult execute(String sql) {
        return execute(sql, 0);
    }

    @Override
    public StatementResult execute(String sql, int fetchSize) {
        return result(request(new ClientMessage.Query(sql, fetchSize)), fetchSize);
    }

    @Override
    public StatementResult execute(PreparedStatementHandle statement, List<Object> parameters, int fetchSize) {
        return result(request(new ClientMessage.Execute(remote(statement).id(), fetchSize, parameters)), fetchSize);
    }

    @Override
    public long[] executeBatch(PreparedStatementHandle statement, List<List<Object>> parameterSets) {
        return counts(request(new ClientMessage.ExecuteBatch(remote(statement).id(), parameterSets)));
    }

    @Override
    public long[] executeBatch(List<String> statements) {
        return counts(request(new ClientMessage.ExecuteSqlBatch(statements)));
    }

    private RemoteStatement remote(PreparedStatementHandle statement) {
        if (!(statement instanceof RemoteStatement remote) || remote.isClosed()) {
            throw new BasaltException(SqlState.INVALID_SQL_STATEMENT_NAME, "the prepared statement is closed");
        }
        return remote;
    }

    private StatementResult result(ServerMessage.Terminal answer, int fetchSize) {
        if (answer instanceof ServerMessage.RowsResult rows) {
            return StatementResult.rows(new RemoteRowCursor(this, rows.columns(), rows.cursorId(), rows.rows(),
                    rows.last(), fetchSize));
        }
        if (answer instanceof ServerMessage.UpdateResult update) {
            if (update.keyColumns() == null) {
                return StatementResult.updateCount(update.count());
            }
            return StatementResult.updateCount(update.count(),
                    new RemoteRowCursor(this, update.keyColumns(), 0, update.keyRows(), true, 0));
        }
        throw unexpected(answer);
    }

    private static long[] counts(ServerMessage.Terminal answer) {
        if (answer instanceof ServerMessage.BatchResult batch) {
            return batch.counts();
        }
        throw unexpected(answer);
    }

    static BasaltException unexpected(ServerMessage answer) {
        return new BasaltException(SqlState.PROTOCOL_VIOLATION,
                "protocol violation by the server: unexpected " + answer.getClass().getSimpleName());
    }

    @Override
    public boolean autoCommit() {
        return state.autoCommit();
    }

    @Override
    public void setAutoCommit(boolean autoCommit) {
        request(new ClientMessage.SetAutoCommit(autoCommit));
    }

    @Override
    public void commit() {
        request(new ClientMessage.Commit());
    }

    @Override
    public void rollback() {
        request(new ClientMessage.Rollback());
    }

    @Override
    public boolean inTransaction() {
        return state.inTransaction();
    }

    @Override
    public TransactionIsolation isolation() {
        return state.isolation();
    }

    @Override
    public void setIsolation(TransactionIsolation isolation) {
        request(new ClientMessage.SetIsolation(isolation));
    }

    @Override
    public boolean readOnly() {
        return state.readOnly();
    }

    @Override
    public void setReadOnly(boolean readOnly) {
        request(new ClientMessage.SetReadOnly(readOnly));
    }

    /** One round trip (Ping): a pool's validation must notice a dead server. */
    @Override
    public boolean isValid() {
        return isValid(0);
    }

    /** A Ping that must be answered within {@code timeoutMillis} (and the network timeout), or false. */
    @Override
    public boolean isValid(int timeoutMillis) {
        if (!connectionOpen()) {
            return false;
        }
        boolean valid = connection.ping(timeoutMillis);
        if (!connection.isOpen()) {
            closed = true;
        }
        return valid;
    }

    /** Over a separate connection, as PostgreSQL does (docs/design/0006, Cancel); any thread. */
    @Override
    public void cancel(CancelReason reason) {
        if (!closed) {
            connection.sendCancel(reason);
        }
    }

    @Override
    public void setNetworkTimeout(int millis) {
        connection.setNetworkTimeout(millis);
    }

    @Override
    public boolean isClosed() {
        return closed || !connection.isOpen();
    }

    /** Terminate (the server rolls back an open transaction), then the socket closes. Idempotent. */
    @Override
    public void close() {
        closed = true;
        connection.close();
    }
}

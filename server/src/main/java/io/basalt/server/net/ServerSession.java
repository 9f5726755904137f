package io.basalt.server.net;

import io.basalt.common.client.ColumnMetadata;
import io.basalt.common.client.PreparedStatementHandle;
import io.basalt.common.client.RowCursor;
import io.basalt.common.client.Session;
import io.basalt.common.client.StatementResult;
import io.basalt.common.error.BasaltException;
import io.basalt.common.error.SqlState;
import io.basalt.jdbc.wire.ClientMessage;
import io.basalt.jdbc.wire.ServerMessage;
import io.basalt.jdbc.wire.SessionState;
import io.basalt.jdbc.wire.WireProtocol;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One authenticated connection's engine session and what the client refers to by number: prepared
 * statements and open cursors. Turns each request into calls of the {@link Session} SPI and one
 * terminal answer (docs/design/0006-wire-protocol.md, "Requests and responses").
 *
 * <p>Threading: only the connection's {@link SerialExecutor} calls in, so nothing here is shared.
 * Engine errors become Error answers with their SQLState and the connection stays; anything else is
 * XX000 with one log line.
 */
final class ServerSession implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ServerSession.class);

    private final Session session;
    private final Map<Integer, PreparedStatementHandle> statements = new HashMap<>();
    private final Map<Integer, ServerCursor> cursors = new HashMap<>();
    private int nextStatementId = 1;
    private int nextCursorId = 1;

    ServerSession(Session session) {
        this.session = session;
    }

    SessionState state() {
        return new SessionState(session.autoCommit(), session.inTransaction(), session.readOnly(), session.isolation());
    }

    ServerMessage.Terminal handle(ClientMessage request) {
        try {
            return dispatch(request);
        } catch (BasaltException e) {
            return new ServerMessage.Error(e.sqlState().code(), e.getMessage(), safeState());
        } catch (RuntimeException e) {
            LOG.error("Request failed with an internal error [request={}]", request.getClass().getSimpleName(), e);
            return new ServerMessage.Error(SqlState.INTERNAL_ERROR.code(), "internal error: " + e, safeState());
        }
    }

    private ServerMessage.Terminal dispatch(ClientMessage request) {
        if (request instanceof ClientMessage.Query query) {
            return result(session.execute(query.sql(), query.fetchSize()), query.fetchSize());
        }
        if (request instanceof ClientMessage.Prepare prepare) {
            PreparedStatementHandle handle = session.prepare(prepare.sql());
            int id = nextStatementId++;
            statements.put(id, handle);
            return new ServerMessage.Prepared(id, handle.isQuery(), handle.parameters(), handle.columns(), state());
        }
        if (request instanceof ClientMessage.Execute execute) {
            StatementResult result = session.execute(statement(execute.statementId()), execute.parameters(),
                    execute.fetchSize());
            return result(result, execute.fetchSize());
        }
        if (request instanceof ClientMessage.ExecuteBatch batch) {
            long[] counts = session.executeBatch(statement(batch.statementId()), batch.parameterSets());
            return new ServerMessage.BatchResult(counts, state());
        }
        if (request instanceof ClientMessage.ExecuteSqlBatch batch) {
            return new ServerMessage.BatchResult(session.executeBatch(batch.statements()), state());
        }
        if (request instanceof ClientMessage.Fetch fetch) {
            ServerCursor cursor = cursors.get(fetch.cursorId());
            if (cursor == null) {
                throw new BasaltException(SqlState.INVALID_CURSOR_NAME, "cursor " + fetch.cursorId() + " does not exist");
            }
            List<Object[]> rows = cursor.nextBatch(fetchSize(fetch.fetchSize()));
            boolean last = cursor.exhausted();
            if (last) {
                cursors.remove(fetch.cursorId()).close();
            }
            return new ServerMessage.RowBatch(fetch.cursorId(), cursor.columns().size(), rows, last, state());
        }
        if (request instanceof ClientMessage.CloseCursor close) {
            ServerCursor cursor = cursors.remove(close.cursorId());
            if (cursor != null) {
                cursor.close();
            }
            return ok();
        }
        if (request instanceof ClientMessage.CloseStatement close) {
            PreparedStatementHandle handle = statements.remove(close.statementId());
            if (handle != null) {
                handle.close();
            }
            return ok();
        }
        if (request instanceof ClientMessage.Commit) {
            session.commit();
            return ok();
        }
        if (request instanceof ClientMessage.Rollback) {
            session.rollback();
            return ok();
        }
        if (request instanceof ClientMessage.SetAutoCommit set) {
            session.setAutoCommit(set.autoCommit());
            return ok();
        }
        if (request instanceof ClientMessage.SetIsolation set) {
            session.setIsolation(set.isolation());
            return ok();
        }
        if (request instanceof ClientMessage.SetReadOnly set) {
            session.setReadOnly(set.readOnly());
            return ok();
        }
        if (request instanceof ClientMessage.Ping) {
            if (!session.isValid()) {
                throw new BasaltException(SqlState.CONNECTION_FAILURE, "the session is no longer valid");
            }
            return ok();
        }
        throw new BasaltException(SqlState.PROTOCOL_VIOLATION, "unexpected " + request.getClass().getSimpleName());
    }

    private PreparedStatementHandle statement(int id) {
        PreparedStatementHandle handle = statements.get(id);
        if (handle == null) {
            throw new BasaltException(SqlState.INVALID_SQL_STATEMENT_NAME, "prepared statement " + id + " does not exist");
        }
        return handle;
    }

    private ServerMessage.Terminal result(StatementResult result, int fetchSize) {
        if (!result.hasRows()) {
            RowCursor keys = result.generatedKeys();
            if (keys == null) {
                return new ServerMessage.UpdateResult(result.updateCount(), null, List.of(), state());
            }
            try (keys) {
                List<Object[]> rows = new ArrayList<>();
                for (Object[] row = keys.next(); row != null; row = keys.next()) {
                    rows.add(row);
                }
                return new ServerMessage.UpdateResult(result.updateCount(), keys.columns(), rows, state());
            }
        }
        ServerCursor cursor = new ServerCursor(result.rowCursor());
        List<ColumnMetadata> columns = cursor.columns();
        List<Object[]> rows;
        try {
            rows = cursor.nextBatch(fetchSize(fetchSize));
        } catch (RuntimeException e) {
            cursor.close();
            throw e;
        }
        if (cursor.exhausted()) {
            cursor.close();
            return new ServerMessage.RowsResult(0, columns, rows, true, state());
        }
        int id = nextCursorId++;
        cursors.put(id, cursor);
        return new ServerMessage.RowsResult(id, columns, rows, false, state());
    }

    private static int fetchSize(int requested) {
        return requested <= 0 ? WireProtocol.DEFAULT_FETCH_SIZE : requested;
    }

    private ServerMessage.Ok ok() {
        return new ServerMessage.Ok(state());
    }

    private SessionState safeState() {
        try {
            return state();
        } catch (RuntimeException e) {
            return null;
        }
    }

    /** Closes cursors and statements, then the engine session, which rolls back an open transaction. */
    @Override
    public void close() {
        try {
            cursors.values().forEach(ServerCursor::close);
            statements.values().forEach(PreparedStatementHandle::close);
        } catch (RuntimeException e) {
            LOG.warn("Closing a cursor or statement failed; closing the session anyway", e);
        } finally {
            cursors.clear();
            statements.clear();
            session.close();
        }
    }
}

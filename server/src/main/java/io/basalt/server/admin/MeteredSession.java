package io.basalt.server.admin;

import io.basalt.common.client.PreparedStatementHandle;
import io.basalt.common.client.Session;
import io.basalt.common.client.StatementResult;
import io.basalt.common.client.TransactionIsolation;
import java.util.List;
import java.util.function.Supplier;

/**
 * A {@link Session} that times every statement it runs into {@link ServerMetrics}, by
 * {@link StatementKind} and outcome. The time is the engine call only: for a query, planning and the
 * first rows; the batches a client fetches later are not in it. Everything else is delegated as it is.
 *
 * <p>If {@link Session} gains a method, delegate it here too (a default method would silently skip
 * the engine's own implementation).
 */
final class MeteredSession implements Session {
    private final Session session;
    private final ServerMetrics metrics;

    MeteredSession(Session session, ServerMetrics metrics) {
        this.session = session;
        this.metrics = metrics;
    }

    private <T> T timed(String sql, Supplier<T> call) {
        long start = System.nanoTime();
        boolean ok = false;
        try {
            T result = call.get();
            ok = true;
            return result;
        } finally {
            metrics.statementExecuted(StatementKind.of(sql), ok, System.nanoTime() - start);
        }
    }

    @Override
    public PreparedStatementHandle prepare(String sql) {
        return session.prepare(sql);
    }

    @Override
    public StatementResult execute(String sql) {
        return timed(sql, () -> session.execute(sql));
    }

    @Override
    public StatementResult execute(String sql, int fetchSize) {
        return timed(sql, () -> session.execute(sql, fetchSize));
    }

    @Override
    public StatementResult execute(PreparedStatementHandle statement, List<Object> parameters, int fetchSize) {
        return timed(statement.sql(), () -> session.execute(statement, parameters, fetchSize));
    }

    @Override
    public long[] executeBatch(PreparedStatementHandle statement, List<List<Object>> parameterSets) {
        return timed(statement.sql(), () -> session.executeBatch(statement, parameterSets));
    }

    @Override
    public long[] executeBatch(List<String> statements) {
        return timed(statements.isEmpty() ? "" : statements.get(0), () -> session.executeBatch(statements));
    }

    @Override
    public boolean autoCommit() {
        return session.autoCommit();
    }

    @Override
    public void setAutoCommit(boolean autoCommit) {
        session.setAutoCommit(autoCommit);
    }

    @Override
    public void commit() {
        session.commit();
    }

    @Override
    public void rollback() {
        session.rollback();
    }

    @Override
    public boolean inTransaction() {
        return session.inTransaction();
    }

    @Override
    public TransactionIsolation isolation() {
        return session.isolation();
    }

    @Override
    public void setIsolation(TransactionIsolation isolation) {
        session.setIsolation(isolation);
    }

    @Override
    public boolean readOnly() {
        return session.readOnly();
    }

    @Override
    public void setReadOnly(boolean readOnly) {
        session.setReadOnly(readOnly);
    }

    @Override
    public boolean isValid() {
        return session.isValid();
    }

    @Override
    public boolean isValid(int timeoutMillis) {
        return session.isValid(timeoutMillis);
    }

    @Override
    public void cancel(CancelReason reason) {
        session.cancel(reason);
    }

    @Override
    public void setNetworkTimeout(int millis) {
        session.setNetworkTimeout(millis);
    }

    @Override
    public boolean isClosed() {
        return session.isClosed();
    }

    @Override
    public void close() {
        session.close();
    }
}

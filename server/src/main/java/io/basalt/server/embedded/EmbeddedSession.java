package io.basalt.server.embedded;

import io.basalt.common.client.PreparedStatementHandle;
import io.basalt.common.client.Session;
import io.basalt.common.client.StatementResult;
import io.basalt.common.client.TransactionIsolation;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

/** A SQL session that also holds its database open until it closes. */
final class EmbeddedSession implements Session {
    private final Session delegate;
    private final Runnable releaseDatabase;
    private final AtomicBoolean closed = new AtomicBoolean();

    EmbeddedSession(Session delegate, Runnable releaseDatabase) {
        this.delegate = delegate;
        this.releaseDatabase = releaseDatabase;
    }

    @Override
    public PreparedStatementHandle prepare(String sql) {
        return delegate.prepare(sql);
    }

    @Override
    public StatementResult execute(String sql) {
        return delegate.execute(sql);
    }

    @Override
    public StatementResult execute(PreparedStatementHandle statement, List<Object> parameters, int fetchSize) {
        return delegate.execute(statement, parameters, fetchSize);
    }

    @Override
    public long[] executeBatch(PreparedStatementHandle statement, List<List<Object>> parameterSets) {
        return delegate.executeBatch(statement, parameterSets);
    }

    @Override
    public long[] executeBatch(List<String> statements) {
        return delegate.executeBatch(statements);
    }

    @Override
    public boolean autoCommit() {
        return delegate.autoCommit();
    }

    @Override
    public void setAutoCommit(boolean autoCommit) {
        delegate.setAutoCommit(autoCommit);
    }

    @Override
    public void commit() {
        delegate.commit();
    }

    @Override
    public void rollback() {
        delegate.rollback();
    }

    @Override
    public boolean inTransaction() {
        return delegate.inTransaction();
    }

    @Override
    public TransactionIsolation isolation() {
        return delegate.isolation();
    }

    @Override
    public void setIsolation(TransactionIsolation isolation) {
        delegate.setIsolation(isolation);
    }

    @Override
    public boolean readOnly() {
        return delegate.readOnly();
    }

    @Override
    public void setReadOnly(boolean readOnly) {
        delegate.setReadOnly(readOnly);
    }

    @Override
    public boolean isValid() {
        return delegate.isValid();
    }

    @Override
    public void cancel(CancelReason reason) {
        delegate.cancel(reason);
    }

    @Override
    public boolean isClosed() {
        return delegate.isClosed();
    }

    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            try {
                delegate.close();
            } finally {
                releaseDatabase.run();
            }
        }
    }
}

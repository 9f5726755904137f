package io.basalt.sql.session;

import io.basalt.common.client.ColumnMetadata;
import io.basalt.common.client.RowCursor;
import io.basalt.sql.plan.CompiledStatement;
import java.util.ArrayDeque;
import java.util.List;
import org.apache.calcite.linq4j.Enumerator;

/**
 * Rows of a running query, pulled from the plan one at a time so that a large result is never
 * held whole. The first row is fetched when the cursor is made, so errors of the first row (most
 * errors) surface when the statement executes, as clients expect. When the rows run out, or the
 * cursor closes, or reading fails, the session is told once through {@link Listener}.
 *
 * <p>A locking query ({@code FOR UPDATE / FOR SHARE}) is read whole when the cursor is made: its
 * rows are locked as they are read, and a lock that fails makes the statement run again (READ
 * COMMITTED) or fails it, which must happen before any row reached the client.
 */
final class QueryCursor implements RowCursor {

    /** What the session does when the query ends. */
    interface Listener {
        void finished();

        /** Returns the translated error to throw. */
        RuntimeException failed(RuntimeException error);
    }

    private final CompiledStatement statement;
    private final Enumerator<Object> rows;
    private final Listener listener;
    private Object[] prefetched;
    /** The whole result of a locking query, read up front; null otherwise. */
    private ArrayDeque<Object[]> lockedRows;
    private boolean done;

    QueryCursor(CompiledStatement statement, Enumerator<Object> rows, Listener listener) {
        this.statement = statement;
        this.rows = rows;
        this.listener = listener;
        if (statement.rowLock() != null) {
            ArrayDeque<Object[]> all = new ArrayDeque<>();
            for (Object[] row = advance(); row != null; row = advance()) {
                all.add(row);
            }
            this.lockedRows = all;
        } else {
            this.prefetched = advance();
        }
    }

    @Override
    public List<ColumnMetadata> columns() {
        return statement.columns();
    }

    @Override
    public Object[] next() {
        if (lockedRows != null) {
            return lockedRows.poll();
        }
        if (prefetched != null) {
            Object[] row = prefetched;
            prefetched = null;
            return row;
        }
        return advance();
    }

    private Object[] advance() {
        if (done) {
            return null;
        }
        try {
            if (rows.moveNext()) {
                return statement.toClientRow(rows.current());
            }
        } catch (RuntimeException e) {
            done = true;
            closeQuietly();
            throw listener.failed(e);
        }
        finish();
        return null;
    }

    private void finish() {
        if (!done) {
            done = true;
            closeQuietly();
            listener.finished();
        }
    }

    private void closeQuietly() {
        try {
            rows.close();
        } catch (RuntimeException ignored) {
            // the rows are abandoned either way
        }
    }

    @Override
    public void close() {
        prefetched = null;
        lockedRows = null;
        finish();
    }
}

package io.basalt.sql.session;

import io.basalt.common.client.ColumnMetadata;
import io.basalt.common.client.RowCursor;
import io.basalt.sql.plan.CompiledStatement;
import java.util.List;
import org.apache.calcite.linq4j.Enumerator;

/**
 * Rows of a running query, pulled from the plan one at a time so that a large result is never
 * held whole. The first row is fetched when the cursor is made, so errors of the first row (most
 * errors) surface when the statement executes, as clients expect. When the rows run out, or the
 * cursor closes, or reading fails, the session is told once through {@link Listener}.
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
    private boolean done;

    QueryCursor(CompiledStatement statement, Enumerator<Object> rows, Listener listener) {
        this.statement = statement;
        this.rows = rows;
        this.listener = listener;
        this.prefetched = advance();
    }

    @Override
    public List<ColumnMetadata> columns() {
        return statement.columns();
    }

    @Override
    public Object[] next() {
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
        finish();
    }
}

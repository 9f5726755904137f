package io.basalt.jdbc.remote;

import io.basalt.common.client.ColumnMetadata;
import io.basalt.common.client.RowCursor;
import io.basalt.jdbc.wire.ClientMessage;
import io.basalt.jdbc.wire.ServerMessage;
import java.util.List;

/**
 * A result read in batches: holds one batch, asks for the next with Fetch when it is used up, and
 * closes the server's cursor if it is closed before the end. A batch marked last means the server
 * closed its cursor already. Used by one thread at a time, like its ResultSet.
 */
final class RemoteRowCursor implements RowCursor {
    private final RemoteSession session;
    private final List<ColumnMetadata> columns;
    private final int cursorId;
    private final int fetchSize;
    private List<Object[]> batch;
    private int position;
    private boolean last;
    private boolean closed;

    RemoteRowCursor(RemoteSession session, List<ColumnMetadata> columns, int cursorId, List<Object[]> firstBatch,
                    boolean last, int fetchSize) {
        this.session = session;
        this.columns = columns;
        this.cursorId = cursorId;
        this.batch = firstBatch;
        this.last = last;
        this.fetchSize = fetchSize;
    }

    @Override
    public List<ColumnMetadata> columns() {
        return columns;
    }

    @Override
    public Object[] next() {
        while (!closed) {
            if (position < batch.size()) {
                Object[] row = batch.get(position);
                batch.set(position++, null); // the batch need not outlive what the caller kept
                return row;
            }
            if (last) {
                return null;
            }
            ServerMessage.Terminal answer = session.request(new ClientMessage.Fetch(cursorId, fetchSize));
            if (!(answer instanceof ServerMessage.RowBatch next) || next.columnCount() != columns.size()) {
                throw RemoteSession.unexpected(answer);
            }
            batch = next.rows();
            position = 0;
            last = next.last();
        }
        return null;
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        batch = List.of();
        if (!last && session.connectionOpen()) {
            last = true;
            session.request(new ClientMessage.CloseCursor(cursorId));
        }
    }
}

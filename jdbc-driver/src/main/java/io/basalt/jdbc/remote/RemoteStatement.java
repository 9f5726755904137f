package io.basalt.jdbc.remote;

import io.basalt.common.client.ColumnMetadata;
import io.basalt.common.client.ParameterMetadata;
import io.basalt.common.client.PreparedStatementHandle;
import io.basalt.jdbc.wire.ClientMessage;
import java.util.List;

/** A statement the server prepared and keeps under {@code id} until this handle closes. */
final class RemoteStatement implements PreparedStatementHandle {
    private final RemoteSession session;
    private final int id;
    private final String sql;
    private final List<ParameterMetadata> parameters;
    private final List<ColumnMetadata> columns;
    private final boolean query;
    private boolean closed;

    RemoteStatement(RemoteSession session, int id, String sql, List<ParameterMetadata> parameters,
                    List<ColumnMetadata> columns, boolean query) {
        this.session = session;
        this.id = id;
        this.sql = sql;
        this.parameters = parameters;
        this.columns = columns;
        this.query = query;
    }

    int id() {
        return id;
    }

    boolean isClosed() {
        return closed;
    }

    @Override
    public String sql() {
        return sql;
    }

    @Override
    public List<ParameterMetadata> parameters() {
        return parameters;
    }

    @Override
    public List<ColumnMetadata> columns() {
        return columns;
    }

    @Override
    public boolean isQuery() {
        return query;
    }

    @Override
    public void close() {
        if (!closed) {
            closed = true;
            if (session.connectionOpen()) {
                session.request(new ClientMessage.CloseStatement(id));
            }
        }
    }
}

package io.basalt.server.testing;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** The connections a test opened, so that one call closes every one still open (thread-safe). */
public final class OpenConnections {
    private final List<Connection> connections = new CopyOnWriteArrayList<>();

    public Connection track(Connection connection) {
        connections.add(connection);
        return connection;
    }

    /** Closes them all, even after a failure; throws the first failure with the others suppressed. */
    public void closeAll() throws SQLException {
        SQLException first = null;
        for (Connection connection : connections) {
            try {
                connection.close();
            } catch (SQLException e) {
                if (first == null) {
                    first = e;
                } else {
                    first.addSuppressed(e);
                }
            }
        }
        connections.clear();
        if (first != null) {
            throw first;
        }
    }
}

package io.basalt.server.isolation;

import io.basalt.server.testing.OpenConnections;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Set;
import java.util.UUID;

/**
 * A fresh in-memory database for one isolation test, reached through the JDBC driver, and every
 * connection the test opened to it. {@link #close()} closes them all, which also releases the
 * database (an in-memory database lives while one of its connections is open).
 */
public final class IsolationDatabase implements AutoCloseable {
    /** SQLStates with which the engine aborts a transaction that the client should retry. */
    public static final Set<String> RETRYABLE = Set.of("40001", "40P01");

    private final String url = "jdbc:basalt:mem:isolation-" + UUID.randomUUID();
    private final OpenConnections connections = new OpenConnections();

    public static IsolationDatabase inMemory() {
        return new IsolationDatabase();
    }

    /** A connection with auto-commit on, at the engine's default level; for setup and for looking at the result. */
    public Connection connect() throws SQLException {
        Connection connection = DriverManager.getConnection(url);
        connections.track(connection);
        return connection;
    }

    /** A connection whose transactions run at {@code level}, with auto-commit off. */
    public Connection connect(Level level) throws SQLException {
        Connection connection = connect();
        level.configure(connection);
        connection.setAutoCommit(false);
        return connection;
    }

    /** Runs statements on a new auto-commit connection (which stays open, keeping the database alive). */
    public void execute(String... sql) throws SQLException {
        Connection connection = connect();
        try (Statement statement = connection.createStatement()) {
            for (String each : sql) {
                statement.execute(each);
            }
        }
    }

    public static boolean isRetryable(SQLException e) {
        return RETRYABLE.contains(e.getSQLState());
    }

    @Override
    public void close() throws SQLException {
        connections.closeAll();
    }
}

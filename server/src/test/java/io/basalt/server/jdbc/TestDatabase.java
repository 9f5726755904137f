package io.basalt.server.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.assertj.core.api.Assertions.fail;

import io.basalt.server.testing.OpenConnections;
import io.basalt.server.testing.TestServer;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;

/**
 * One embedded database for a test, reached through Basalt's JDBC driver by its URL, and the
 * connections the test opened to it. {@link #close()} closes every connection it handed out, which
 * releases an in-memory database (it lives as long as its last connection).
 *
 * <p>Also the small statement helpers the JDBC tests share: run SQL, read rows as lists of
 * {@code getObject} values, and catch the {@link SQLException} a statement throws.
 */
final class TestDatabase implements AutoCloseable {
    private final String url;
    private final OpenConnections connections = new OpenConnections();

    private TestDatabase(String url) {
        this.url = url;
    }

    /**
     * A fresh in-memory database with a name no other test uses: embedded, or, when the system property
     * {@value #TARGET_PROPERTY} is {@code remote} (the server module's {@code remote-jdbc} test run), on
     * the JVM's shared test server through a {@code jdbc:basalt://} URL. One suite, two URLs (issue 6).
     */
    static TestDatabase inMemory() {
        if (remote()) {
            return new TestDatabase(TestServer.freshDatabaseUrl(TestServer.shared()));
        }
        return new TestDatabase("jdbc:basalt:mem:" + UUID.randomUUID());
    }

    static final String TARGET_PROPERTY = "basalt.test.target";

    /** Whether this run goes through the wire protocol. */
    static boolean remote() {
        return "remote".equals(System.getProperty(TARGET_PROPERTY));
    }

    /** The database behind {@code url} (for example {@code jdbc:basalt:file:<dir>}). */
    static TestDatabase at(String url) {
        return new TestDatabase(url);
    }

    String url() {
        return url;
    }

    /** A new connection, closed by {@link #close()} unless the test closes it first. */
    Connection connect() throws SQLException {
        return connect(new Properties());
    }

    Connection connect(Properties properties) throws SQLException {
        Connection connection = DriverManager.getConnection(url, properties);
        connections.track(connection);
        return connection;
    }

    /** Closes every connection this object opened that is still open. */
    @Override
    public void close() throws SQLException {
        connections.closeAll();
    }

    // ---- Statement helpers ---------------------------------------------------------------------

    /** Runs each statement through a plain {@link Statement}. */
    static void execute(Connection connection, String... sql) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            for (String each : sql) {
                statement.execute(each);
            }
        }
    }

    /** Runs an INSERT, UPDATE or DELETE with {@code setObject} parameters; returns its update count. */
    static int update(Connection connection, String sql, Object... parameters) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            bind(statement, parameters);
            return statement.executeUpdate();
        }
    }

    /** Every row of a query, each as the list of its {@code getObject(i)} values. */
    static List<List<Object>> rows(Connection connection, String sql, Object... parameters) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            bind(statement, parameters);
            try (ResultSet resultSet = statement.executeQuery()) {
                return rowsOf(resultSet);
            }
        }
    }

    static List<List<Object>> rowsOf(ResultSet resultSet) throws SQLException {
        int columns = resultSet.getMetaData().getColumnCount();
        List<List<Object>> rows = new ArrayList<>();
        while (resultSet.next()) {
            Object[] values = new Object[columns];
            for (int i = 0; i < columns; i++) {
                values[i] = resultSet.getObject(i + 1);
            }
            rows.add(Arrays.asList(values));
        }
        return rows;
    }

    /** The first column of every row. */
    static List<Object> column(Connection connection, String sql, Object... parameters) throws SQLException {
        List<Object> values = new ArrayList<>();
        for (List<Object> row : rows(connection, sql, parameters)) {
            values.add(row.get(0));
        }
        return values;
    }

    /** The one value of a query that must return exactly one row of one column. */
    static Object scalar(Connection connection, String sql, Object... parameters) throws SQLException {
        List<List<Object>> rows = rows(connection, sql, parameters);
        assertThat(rows).as("rows of %s", sql).hasSize(1);
        assertThat(rows.get(0)).as("columns of %s", sql).hasSize(1);
        return rows.get(0).get(0);
    }

    /** A row to compare with what {@link #rows} returns; unlike {@code List.of}, it may hold nulls. */
    static List<Object> row(Object... values) {
        return Arrays.asList(values);
    }

    /**
     * Runs {@code call}, asserts that it threw an {@link SQLException} of {@code type} (or a
     * subclass) with {@code sqlState}, and returns it for further checks.
     */
    static <T extends SQLException> T sqlError(ThrowingCallable call, String sqlState, Class<T> type) {
        Throwable thrown = catchThrowable(call);
        if (thrown == null) {
            fail("expected an SQLException with SQLState %s, but the call succeeded", sqlState);
        }
        assertThat(thrown).as("expected SQLState %s", sqlState).isInstanceOf(SQLException.class);
        assertThat(((SQLException) thrown).getSQLState()).as("SQLState of %s", thrown).isEqualTo(sqlState);
        assertThat(thrown).as("JDBC subclass for SQLState %s", sqlState).isInstanceOf(type);
        return type.cast(thrown);
    }

    private static void bind(PreparedStatement statement, Object[] parameters) throws SQLException {
        for (int i = 0; i < parameters.length; i++) {
            statement.setObject(i + 1, parameters[i]);
        }
    }
}

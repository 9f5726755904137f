package io.basalt.server.jdbc;

import static io.basalt.server.jdbc.TestDatabase.column;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static io.basalt.server.jdbc.TestDatabase.execute;
import static io.basalt.server.jdbc.TestDatabase.row;
import static io.basalt.server.jdbc.TestDatabase.rows;
import static io.basalt.server.jdbc.TestDatabase.scalar;
import static io.basalt.server.jdbc.TestDatabase.sqlError;
import static io.basalt.server.jdbc.TestDatabase.update;
import static org.assertj.core.api.Assertions.assertThat;

import io.basalt.server.embedded.EmbeddedSessionProvider;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLDataException;
import java.sql.SQLException;
import java.sql.SQLIntegrityConstraintViolationException;
import java.sql.SQLSyntaxErrorException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * File databases ({@code jdbc:basalt:file:<dir>}) keep their schema and committed rows across a
 * close and reopen; in-memory databases live exactly as long as their connections.
 */
class PersistenceTest {
    private static final String SCHEMA = "CREATE TABLE every_type (id INTEGER PRIMARY KEY, b BIGINT, s SMALLINT, "
            + "d DECIMAL(10, 3) DEFAULT 2.5, dbl DOUBLE, r REAL, v VARCHAR(20) NOT NULL DEFAULT 'none', c CHAR(4), "
            + "bo BOOLEAN, dt DATE, ts TIMESTAMP, tm TIME)";

    @TempDir
    Path directory;

    @Test
    void schemaAndCommittedRowsSurviveAReopen() throws SQLException {
        try (TestDatabase database = fileDatabase(directory)) {
            Connection connection = database.connect();
            execute(connection, SCHEMA,
                    "CREATE TABLE line (order_id INTEGER, line_no INTEGER, qty INTEGER NOT NULL, "
                            + "PRIMARY KEY (order_id, line_no)) PARTITION BY HASH (order_id)");
            update(connection, "INSERT INTO every_type VALUES (1, -9000000000, -7, 12.345, 2.5, 1.5, 'text', 'ab', TRUE, "
                    + "DATE '1969-07-20', TIMESTAMP '1969-07-20 20:17:40.123', TIME '23:59:58.125')");
            update(connection, "INSERT INTO every_type (id) VALUES (2)");
            update(connection, "INSERT INTO line VALUES (1, 1, 10), (1, 2, 20), (2, 1, 30)");
        }

        try (TestDatabase reopened = fileDatabase(directory)) {
            Connection connection = reopened.connect();
            try (Statement statement = connection.createStatement();
                 ResultSet rs = statement.executeQuery("SELECT * FROM every_type ORDER BY id")) {
                ResultSetMetaData meta = rs.getMetaData();
                assertThat(meta.getColumnCount()).isEqualTo(12);
                assertThat(meta.getColumnType(4)).isEqualTo(Types.DECIMAL);
                assertThat(meta.getPrecision(4)).isEqualTo(10);
                assertThat(meta.getScale(4)).isEqualTo(3);
                assertThat(meta.getColumnType(7)).isEqualTo(Types.VARCHAR);
                assertThat(meta.getPrecision(7)).isEqualTo(20);
                assertThat(meta.isNullable(7)).isEqualTo(ResultSetMetaData.columnNoNulls);
                assertThat(meta.getColumnType(8)).isEqualTo(Types.CHAR);
                assertThat(meta.isNullable(1)).isEqualTo(ResultSetMetaData.columnNoNulls);
                assertThat(meta.getColumnType(11)).isEqualTo(Types.TIMESTAMP);
                assertThat(meta.getColumnType(12)).isEqualTo(Types.TIME);

                assertThat(rs.next()).isTrue();
                assertThat(rs.getLong("b")).isEqualTo(-9_000_000_000L);
                assertThat(rs.getShort("s")).isEqualTo((short) -7);
                assertThat(rs.getBigDecimal("d")).isEqualTo(new BigDecimal("12.345"));
                assertThat(rs.getDouble("dbl")).isEqualTo(2.5);
                assertThat(rs.getFloat("r")).isEqualTo(1.5f);
                assertThat(rs.getString("v")).isEqualTo("text");
                assertThat(rs.getString("c")).isEqualTo("ab  ");
                assertThat(rs.getBoolean("bo")).isTrue();
                assertThat(rs.getObject("dt", LocalDate.class)).isEqualTo(LocalDate.of(1969, 7, 20));
                assertThat(rs.getObject("ts", LocalDateTime.class)).isEqualTo(LocalDateTime.of(1969, 7, 20, 20, 17, 40, 123_000_000));
                assertThat(rs.getObject("tm", LocalTime.class)).isEqualTo(LocalTime.of(23, 59, 58, 125_000_000));
                assertThat(rs.next()).isTrue();
                assertThat(rs.getInt("id")).isEqualTo(2);
                assertThat(rs.getBigDecimal("d")).isEqualTo(new BigDecimal("2.500"));
                assertThat(rs.getString("v")).isEqualTo("none");
                assertThat(rs.next()).isFalse();
            }
            assertThat(rows(connection, "SELECT order_id, line_no, qty FROM line WHERE order_id = 1 ORDER BY line_no"))
                    .containsExactly(row(1, 1, 10), row(1, 2, 20));
        }
    }

    @Test
    void keysDefaultsAndConstraintsStillApplyAfterAReopen() throws SQLException {
        try (TestDatabase database = fileDatabase(directory)) {
            Connection connection = database.connect();
            execute(connection, SCHEMA);
            update(connection, "INSERT INTO every_type (id, v) VALUES (1, 'first')");
        }

        try (TestDatabase reopened = fileDatabase(directory)) {
            Connection connection = reopened.connect();
            sqlError(() -> update(connection, "INSERT INTO every_type (id) VALUES (1)"),
                    "23505", SQLIntegrityConstraintViolationException.class);
            sqlError(() -> update(connection, "INSERT INTO every_type (id, v) VALUES (2, NULL)"),
                    "23502", SQLIntegrityConstraintViolationException.class);
            sqlError(() -> update(connection, "INSERT INTO every_type (id, v) VALUES (2, 'this is longer than twenty')"),
                    "22001", SQLDataException.class);
            sqlError(() -> execute(connection, "CREATE TABLE every_type (id INTEGER PRIMARY KEY)"),
                    "42P07", SQLSyntaxErrorException.class);
            update(connection, "INSERT INTO every_type (id) VALUES (3)");
            assertThat(rows(connection, "SELECT id, v, d FROM every_type ORDER BY id"))
                    .containsExactly(row(1, "first", new BigDecimal("2.500")), row(3, "none", new BigDecimal("2.500")));
            assertThat(column(connection, "SELECT v FROM every_type WHERE id = ?", 3)).containsExactly("none");
        }
    }

    @Test
    void rolledBackAndUncommittedRowsAreGoneAfterAReopen() throws SQLException {
        try (TestDatabase database = fileDatabase(directory)) {
            Connection committer = database.connect();
            execute(committer, "CREATE TABLE item (id INTEGER PRIMARY KEY, v VARCHAR(10))");
            update(committer, "INSERT INTO item VALUES (1, 'committed')");

            Connection rolledBack = database.connect();
            rolledBack.setAutoCommit(false);
            update(rolledBack, "INSERT INTO item VALUES (2, 'rolled')");
            update(rolledBack, "UPDATE item SET v = 'changed' WHERE id = 1");
            rolledBack.rollback();

            Connection neverCommitted = database.connect();
            neverCommitted.setAutoCommit(false);
            update(neverCommitted, "INSERT INTO item VALUES (3, 'pending')");
            update(neverCommitted, "DELETE FROM item WHERE id = 1");
        }

        try (TestDatabase reopened = fileDatabase(directory)) {
            Connection connection = reopened.connect();
            assertThat(rows(connection, "SELECT id, v FROM item ORDER BY id")).containsExactly(row(1, "committed"));
            update(connection, "INSERT INTO item VALUES (3, 'new')");
            assertThat(column(connection, "SELECT v FROM item WHERE id = 3")).containsExactly("new");
        }
    }

    @Test
    void changesMadeAfterAReopenSurviveTheNextOne() throws SQLException {
        for (int round = 1; round <= 3; round++) {
            try (TestDatabase database = fileDatabase(directory)) {
                Connection connection = database.connect();
                execute(connection, "CREATE TABLE IF NOT EXISTS rounds (n INTEGER PRIMARY KEY, stamp TIMESTAMP)");
                assertThat(scalar(connection, "SELECT COUNT(*) FROM rounds")).isEqualTo((long) round - 1);
                update(connection, "INSERT INTO rounds VALUES (?, ?)", round, Timestamp.valueOf("2024-01-0" + round + " 00:00:00"));
                update(connection, "UPDATE rounds SET stamp = stamp + INTERVAL '1' HOUR WHERE n < ?", round);
            }
        }

        try (TestDatabase database = fileDatabase(directory)) {
            Connection connection = database.connect();
            assertThat(column(connection, "SELECT stamp FROM rounds ORDER BY n")).containsExactly(
                    Timestamp.valueOf("2024-01-01 02:00:00"), Timestamp.valueOf("2024-01-02 01:00:00"),
                    Timestamp.valueOf("2024-01-03 00:00:00"));
        }
    }

    @Test
    void droppedTableStaysDroppedAfterAReopen() throws SQLException {
        try (TestDatabase database = fileDatabase(directory)) {
            Connection connection = database.connect();
            execute(connection, "CREATE TABLE doomed (id INTEGER PRIMARY KEY)", "CREATE TABLE kept (id INTEGER PRIMARY KEY)");
            update(connection, "INSERT INTO doomed VALUES (1), (2)");
            update(connection, "INSERT INTO kept VALUES (7)");
            execute(connection, "DROP TABLE doomed");
        }

        try (TestDatabase reopened = fileDatabase(directory)) {
            Connection connection = reopened.connect();
            sqlError(() -> rows(connection, "SELECT * FROM doomed"), "42P01", SQLSyntaxErrorException.class);
            execute(connection, "CREATE TABLE doomed (id INTEGER PRIMARY KEY)");
            assertThat(rows(connection, "SELECT * FROM doomed")).isEmpty();
            assertThat(column(connection, "SELECT id FROM kept")).containsExactly(7);
        }
    }

    @Test
    void databasesInDifferentDirectoriesAreIndependent(@TempDir Path otherDirectory) throws SQLException {
        try (TestDatabase first = fileDatabase(directory); TestDatabase second = fileDatabase(otherDirectory)) {
            Connection one = first.connect();
            Connection two = second.connect();
            execute(one, "CREATE TABLE item (id INTEGER PRIMARY KEY, v VARCHAR(10))");
            execute(two, "CREATE TABLE item (id INTEGER PRIMARY KEY, v VARCHAR(10))", "CREATE TABLE only_two (id INTEGER PRIMARY KEY)");
            update(one, "INSERT INTO item VALUES (1, 'one')");
            update(two, "INSERT INTO item VALUES (1, 'two'), (2, 'two')");
            execute(one, "DROP TABLE item");
            execute(one, "CREATE TABLE item (id INTEGER PRIMARY KEY, v VARCHAR(10))");

            assertThat(rows(one, "SELECT * FROM item")).isEmpty();
            assertThat(column(two, "SELECT v FROM item ORDER BY id")).containsExactly("two", "two");
            sqlError(() -> rows(one, "SELECT * FROM only_two"), "42P01", SQLSyntaxErrorException.class);
        }

        try (TestDatabase second = fileDatabase(otherDirectory)) {
            assertThat(scalar(second.connect(), "SELECT COUNT(*) FROM item")).isEqualTo(2L);
        }
    }

    @Test
    void databaseCreatedWithFourPartitionsReopensWithoutThePartitionsProperty() throws SQLException {
        // The property sets the partition count of a database being created; an existing one keeps its own.
        Properties fourPartitions = new Properties();
        fourPartitions.setProperty("partitions", "4");
        try (TestDatabase database = fileDatabase(directory)) {
            Connection connection = database.connect(fourPartitions);
            execute(connection, "CREATE TABLE item (id INTEGER PRIMARY KEY)");
            update(connection, "INSERT INTO item VALUES (1), (2), (3)");
        }

        try (TestDatabase reopened = fileDatabase(directory)) {
            Connection connection = reopened.connect();
            assertThat(column(connection, "SELECT id FROM item WHERE id = 2")).containsExactly(2);
            assertThat(scalar(connection, "SELECT COUNT(*) FROM item")).isEqualTo(3L);
        }
    }

    @Test
    void inMemoryDatabaseIsSharedWhileOpenAndGoneAfterItsLastConnectionCloses() throws SQLException {
        // Embedded lifetime only: a server keeps the databases it serves open while it runs.
        assumeFalse(TestDatabase.remote(), "an in-memory database's lifetime is the embedded engine's");
        int openBefore = EmbeddedSessionProvider.openDatabases();
        String url;
        try (TestDatabase database = TestDatabase.inMemory()) {
            url = database.url();
            Connection first = database.connect();
            Connection second = database.connect();
            assertThat(EmbeddedSessionProvider.openDatabases()).isEqualTo(openBefore + 1);
            execute(first, "CREATE TABLE item (id INTEGER PRIMARY KEY)");
            update(first, "INSERT INTO item VALUES (1)");

            first.close();

            assertThat(column(second, "SELECT id FROM item")).as("still open through the second connection").containsExactly(1);
        }
        assertThat(EmbeddedSessionProvider.openDatabases()).isEqualTo(openBefore);

        try (TestDatabase again = TestDatabase.at(url)) {
            Connection connection = again.connect();
            sqlError(() -> rows(connection, "SELECT * FROM item"), "42P01", SQLSyntaxErrorException.class);
        }
    }

    @Test
    void inMemoryDatabasesWithDifferentNamesAreIndependent() throws SQLException {
        try (TestDatabase first = TestDatabase.inMemory(); TestDatabase second = TestDatabase.inMemory()) {
            Connection one = first.connect();
            Connection two = second.connect();
            execute(one, "CREATE TABLE item (id INTEGER PRIMARY KEY)");

            sqlError(() -> rows(two, "SELECT * FROM item"), "42P01", SQLSyntaxErrorException.class);
            execute(two, "CREATE TABLE item (id INTEGER PRIMARY KEY)");
            update(two, "INSERT INTO item VALUES (2)");
            assertThat(rows(one, "SELECT * FROM item")).isEmpty();
        }
    }

    private static TestDatabase fileDatabase(Path directory) {
        return TestDatabase.at("jdbc:basalt:file:" + directory.toAbsolutePath());
    }
}

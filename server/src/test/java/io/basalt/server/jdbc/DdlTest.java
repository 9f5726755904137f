package io.basalt.server.jdbc;

import static io.basalt.server.jdbc.TestDatabase.column;
import static io.basalt.server.jdbc.TestDatabase.execute;
import static io.basalt.server.jdbc.TestDatabase.row;
import static io.basalt.server.jdbc.TestDatabase.rows;
import static io.basalt.server.jdbc.TestDatabase.scalar;
import static io.basalt.server.jdbc.TestDatabase.sqlError;
import static io.basalt.server.jdbc.TestDatabase.update;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
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
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** CREATE TABLE and DROP TABLE through the JDBC driver against the embedded engine. */
class DdlTest {
    private TestDatabase database;
    private Connection connection;

    @BeforeEach
    void openDatabase() throws SQLException {
        database = TestDatabase.inMemory();
        connection = database.connect();
    }

    @AfterEach
    void closeDatabase() throws SQLException {
        database.close();
    }

    @Test
    void createTableAcceptsEveryColumnTypeAndReportsThemAsJdbcTypes() throws SQLException {
        execute(connection, "CREATE TABLE every_type ("
                + "i INTEGER PRIMARY KEY, b BIGINT, s SMALLINT, d DECIMAL(10, 3), dbl DOUBLE, r REAL, f FLOAT, "
                + "v VARCHAR(20), c CHAR(4), bo BOOLEAN, dt DATE, ts TIMESTAMP, tm TIME)");

        try (Statement statement = connection.createStatement();
             ResultSet resultSet = statement.executeQuery("SELECT * FROM every_type")) {
            ResultSetMetaData meta = resultSet.getMetaData();
            List<String> names = new ArrayList<>();
            List<Integer> types = new ArrayList<>();
            for (int i = 1; i <= meta.getColumnCount(); i++) {
                names.add(meta.getColumnName(i));
                types.add(meta.getColumnType(i));
            }
            assertThat(names).containsExactly("I", "B", "S", "D", "DBL", "R", "F", "V", "C", "BO", "DT", "TS", "TM");
            // FLOAT is a synonym of DOUBLE (PostgreSQL: float = float8).
            assertThat(types).containsExactly(Types.INTEGER, Types.BIGINT, Types.SMALLINT, Types.DECIMAL,
                    Types.DOUBLE, Types.REAL, Types.DOUBLE, Types.VARCHAR, Types.CHAR, Types.BOOLEAN, Types.DATE,
                    Types.TIMESTAMP, Types.TIME);
            assertThat(meta.getPrecision(4)).isEqualTo(10);
            assertThat(meta.getScale(4)).isEqualTo(3);
            assertThat(meta.getPrecision(8)).isEqualTo(20);
            assertThat(meta.getPrecision(9)).isEqualTo(4);
            assertThat(resultSet.next()).isFalse();
        }
    }

    @Test
    void tableWithEveryColumnTypeStoresARow() throws SQLException {
        execute(connection, "CREATE TABLE every_type ("
                + "i INTEGER PRIMARY KEY, b BIGINT, s SMALLINT, d DECIMAL(10, 3), dbl DOUBLE, r REAL, f FLOAT, "
                + "v VARCHAR(20), c CHAR(4), bo BOOLEAN, dt DATE, ts TIMESTAMP, tm TIME)");

        int inserted = update(connection, "INSERT INTO every_type VALUES (1, 9000000000, -7, 12.345, 2.5, 1.5, 0.25, "
                + "'text', 'ab', TRUE, DATE '2024-02-29', TIMESTAMP '2024-02-29 13:14:15.678', TIME '23:59:58.125')");

        assertThat(inserted).isEqualTo(1);
        List<List<Object>> stored = rows(connection, "SELECT i, b, s, d, dbl, r, f, v, c, bo FROM every_type");
        assertThat(stored).containsExactly(row(1, 9_000_000_000L, -7, new BigDecimal("12.345"), 2.5, 1.5f, 0.25,
                "text", "ab  ", true));
        try (Statement statement = connection.createStatement();
             ResultSet resultSet = statement.executeQuery("SELECT dt, ts, tm FROM every_type")) {
            assertThat(resultSet.next()).isTrue();
            assertThat(resultSet.getObject(1, LocalDate.class)).isEqualTo(LocalDate.of(2024, 2, 29));
            assertThat(resultSet.getObject(2, LocalDateTime.class)).isEqualTo(LocalDateTime.of(2024, 2, 29, 13, 14, 15, 678_000_000));
            assertThat(resultSet.getObject(3, LocalTime.class)).isEqualTo(LocalTime.of(23, 59, 58, 125_000_000));
        }
    }

    @Test
    void inlinePrimaryKeyRefusesDuplicatesAndMakesTheColumnNotNull() throws SQLException {
        execute(connection, "CREATE TABLE inline_key (id INTEGER PRIMARY KEY, v VARCHAR(5))");
        update(connection, "INSERT INTO inline_key VALUES (1, 'a')");

        sqlError(() -> update(connection, "INSERT INTO inline_key VALUES (1, 'b')"),
                "23505", SQLIntegrityConstraintViolationException.class);
        sqlError(() -> update(connection, "INSERT INTO inline_key (v) VALUES ('c')"),
                "23502", SQLIntegrityConstraintViolationException.class);
        assertThat(nullability("inline_key", 1)).isEqualTo(ResultSetMetaData.columnNoNulls);
        assertThat(nullability("inline_key", 2)).isEqualTo(ResultSetMetaData.columnNullable);
    }

    @Test
    void tableLevelSingleColumnPrimaryKeyRefusesDuplicates() throws SQLException {
        execute(connection, "CREATE TABLE table_key (id BIGINT, v VARCHAR(5), CONSTRAINT table_key_pk PRIMARY KEY (id))");
        update(connection, "INSERT INTO table_key VALUES (1, 'a')");

        sqlError(() -> update(connection, "INSERT INTO table_key VALUES (1, 'b')"),
                "23505", SQLIntegrityConstraintViolationException.class);
        assertThat(nullability("table_key", 1)).isEqualTo(ResultSetMetaData.columnNoNulls);
    }

    @Test
    void compositePrimaryKeyIdentifiesRowsByAllItsColumns() throws SQLException {
        execute(connection, "CREATE TABLE composite (a INTEGER, b VARCHAR(5), v INTEGER, PRIMARY KEY (a, b))");

        assertThat(update(connection, "INSERT INTO composite VALUES (1, 'x', 10), (1, 'y', 20), (2, 'x', 30)"))
                .isEqualTo(3);
        sqlError(() -> update(connection, "INSERT INTO composite VALUES (1, 'y', 99)"),
                "23505", SQLIntegrityConstraintViolationException.class);
        assertThat(rows(connection, "SELECT a, b, v FROM composite ORDER BY a, b"))
                .containsExactly(row(1, "x", 10), row(1, "y", 20), row(2, "x", 30));
        assertThat(nullability("composite", 1)).isEqualTo(ResultSetMetaData.columnNoNulls);
        assertThat(nullability("composite", 2)).isEqualTo(ResultSetMetaData.columnNoNulls);
    }

    @Test
    void compositePrimaryKeyWithHashPartitioningOnItsFirstColumn() throws SQLException {
        execute(connection, "CREATE TABLE partitioned (tenant INTEGER, id INTEGER, v VARCHAR(5), "
                + "PRIMARY KEY (tenant, id)) PARTITION BY HASH (tenant)");

        update(connection, "INSERT INTO partitioned VALUES (1, 1, 'a'), (1, 2, 'b'), (2, 1, 'c')");

        assertThat(column(connection, "SELECT v FROM partitioned WHERE tenant = 1 ORDER BY id")).containsExactly("a", "b");
    }

    @Test
    void secondPrimaryKeyIsRefusedWith42P16() {
        sqlError(() -> execute(connection, "CREATE TABLE two_keys (a INTEGER PRIMARY KEY, b INTEGER PRIMARY KEY)"),
                "42P16", SQLSyntaxErrorException.class);
    }

    @Test
    void partitionKeyThatIsNotAPrefixOfThePrimaryKeyIsRefused() {
        sqlError(() -> execute(connection,
                        "CREATE TABLE bad_partitioning (a INTEGER, b INTEGER, PRIMARY KEY (a, b)) PARTITION BY HASH (b)"),
                "42P16", SQLSyntaxErrorException.class);
    }

    @Test
    void notNullColumnRefusesNull() throws SQLException {
        execute(connection, "CREATE TABLE not_null (id INTEGER PRIMARY KEY, v VARCHAR(5) NOT NULL)");

        sqlError(() -> update(connection, "INSERT INTO not_null VALUES (1, NULL)"),
                "23502", SQLIntegrityConstraintViolationException.class);
        assertThat(nullability("not_null", 2)).isEqualTo(ResultSetMetaData.columnNoNulls);
        assertThat(update(connection, "INSERT INTO not_null VALUES (1, 'x')")).isEqualTo(1);
    }

    @Test
    void literalDefaultFillsAnOmittedColumn() throws SQLException {
        execute(connection, "CREATE TABLE defaults (id INTEGER PRIMARY KEY, n INTEGER DEFAULT 42, "
                + "s VARCHAR(10) NOT NULL DEFAULT 'none', d DECIMAL(5, 2) DEFAULT 1.5, b BOOLEAN DEFAULT FALSE)");

        update(connection, "INSERT INTO defaults (id) VALUES (1)");
        update(connection, "INSERT INTO defaults (id, n, s) VALUES (2, 7, 'given')");

        assertThat(rows(connection, "SELECT id, n, s, d, b FROM defaults ORDER BY id")).containsExactly(
                row(1, 42, "none", new BigDecimal("1.50"), false),
                row(2, 7, "given", new BigDecimal("1.50"), false));
    }

    @Test
    void currentTimestampDefaultIsTheTimeOfTheInsert() throws SQLException {
        execute(connection, "CREATE TABLE stamped (id INTEGER PRIMARY KEY, created TIMESTAMP DEFAULT CURRENT_TIMESTAMP)");
        // Basalt has no session time zone yet: CURRENT_TIMESTAMP is the UTC wall clock.
        LocalDateTime before = LocalDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MILLIS);

        update(connection, "INSERT INTO stamped (id) VALUES (1)");

        LocalDateTime after = LocalDateTime.now(ZoneOffset.UTC);
        Timestamp created = (Timestamp) scalar(connection, "SELECT created FROM stamped WHERE id = 1");
        assertThat(created.toLocalDateTime()).isBetween(before, after);
    }

    @Test
    void defaultCallingAnUnknownFunctionIs42883() {
        sqlError(() -> execute(connection, "CREATE TABLE bad_default (id INTEGER PRIMARY KEY, n INTEGER DEFAULT no_such_function())"),
                "42883", SQLSyntaxErrorException.class);
    }

    @Test
    void defaultReferencingAColumnIsASyntaxErrorNotAnInternalError() {
        // PostgreSQL: ERROR 42P10 cannot use column reference in DEFAULT expression.
        sqlError(() -> execute(connection, "CREATE TABLE bad_default (id INTEGER PRIMARY KEY, n INTEGER DEFAULT id)"),
                "42P10", SQLSyntaxErrorException.class);
    }

    @Test
    void defaultThatIsNotAValueOfTheColumnTypeIsRefusedByCreateTable() {
        // PostgreSQL coerces the default when the table is created: ERROR 22P02 invalid input syntax for type integer.
        sqlError(() -> execute(connection, "CREATE TABLE bad_default (id INTEGER PRIMARY KEY, n INTEGER DEFAULT 'abc')"),
                "22P02", SQLDataException.class);
    }

    @Test
    void droppedTableIsGone() throws SQLException {
        execute(connection, "CREATE TABLE doomed (id INTEGER PRIMARY KEY)");

        execute(connection, "DROP TABLE doomed");

        sqlError(() -> rows(connection, "SELECT * FROM doomed"), "42P01", SQLSyntaxErrorException.class);
    }

    @Test
    void dropTableIfExistsOnAMissingTableSucceeds() throws SQLException {
        execute(connection, "DROP TABLE IF EXISTS never_created");

        execute(connection, "CREATE TABLE never_created (id INTEGER PRIMARY KEY)");
        execute(connection, "DROP TABLE IF EXISTS never_created");
        sqlError(() -> rows(connection, "SELECT * FROM never_created"), "42P01", SQLSyntaxErrorException.class);
    }

    @Test
    void createTableIfNotExistsOnAnExistingTableKeepsItAndItsRows() throws SQLException {
        execute(connection, "CREATE TABLE kept (id INTEGER PRIMARY KEY, v VARCHAR(5))");
        update(connection, "INSERT INTO kept VALUES (1, 'a')");

        execute(connection, "CREATE TABLE IF NOT EXISTS kept (other BIGINT PRIMARY KEY)");

        assertThat(rows(connection, "SELECT id, v FROM kept")).containsExactly(row(1, "a"));
    }

    @Test
    void creatingAnExistingTableFailsWith42P07() throws SQLException {
        execute(connection, "CREATE TABLE twice (id INTEGER PRIMARY KEY)");

        sqlError(() -> execute(connection, "CREATE TABLE twice (id INTEGER PRIMARY KEY)"),
                "42P07", SQLSyntaxErrorException.class);
        sqlError(() -> execute(connection, "CREATE TABLE TWICE (x INTEGER PRIMARY KEY)"),
                "42P07", SQLSyntaxErrorException.class);
    }

    @Test
    void droppingAMissingTableFailsWith42P01() {
        sqlError(() -> execute(connection, "DROP TABLE missing"), "42P01", SQLSyntaxErrorException.class);
    }

    @Test
    void duplicateColumnFailsWith42701() {
        sqlError(() -> execute(connection, "CREATE TABLE dup (id INTEGER PRIMARY KEY, v INTEGER, V VARCHAR(5))"),
                "42701", SQLSyntaxErrorException.class);
    }

    @Test
    void tableWithoutPrimaryKeyFailsWith42P16() {
        sqlError(() -> execute(connection, "CREATE TABLE keyless (id INTEGER, v VARCHAR(5))"),
                "42P16", SQLSyntaxErrorException.class);
    }

    @Test
    void uniqueConstraintsRejectDuplicatesWith23505() throws SQLException {
        execute(connection, "CREATE TABLE uniq (id INTEGER PRIMARY KEY, v INTEGER UNIQUE, w INTEGER, UNIQUE (w))");
        execute(connection, "INSERT INTO uniq VALUES (1, 10, 100)");
        sqlError(() -> execute(connection, "INSERT INTO uniq VALUES (2, 10, 200)"),
                "23505", SQLIntegrityConstraintViolationException.class);
        sqlError(() -> execute(connection, "INSERT INTO uniq VALUES (3, 30, 100)"),
                "23505", SQLIntegrityConstraintViolationException.class);
    }

    @Test
    void fractionalSecondsBeyondMillisecondsAreRefusedWith42611() {
        sqlError(() -> execute(connection, "CREATE TABLE micros (id INTEGER PRIMARY KEY, ts TIMESTAMP(6))"),
                "42611", SQLSyntaxErrorException.class);
    }

    @Test
    void recreatedTableDoesNotSeeTheRowsOfTheDroppedOne() throws SQLException {
        execute(connection, "CREATE TABLE reborn (id INTEGER PRIMARY KEY, v VARCHAR(5))");
        update(connection, "INSERT INTO reborn VALUES (1, 'old'), (2, 'old'), (3, 'old')");

        execute(connection, "DROP TABLE reborn");
        execute(connection, "CREATE TABLE reborn (id INTEGER PRIMARY KEY, v VARCHAR(5))");

        assertThat(rows(connection, "SELECT * FROM reborn")).isEmpty();
        assertThat(update(connection, "INSERT INTO reborn VALUES (1, 'new')")).isEqualTo(1);
        assertThat(rows(connection, "SELECT id, v FROM reborn")).containsExactly(row(1, "new"));
    }

    @Test
    void unquotedIdentifiersAreUpperCasedAndQuotedOnesKeepTheirCase() throws SQLException {
        execute(connection, "CREATE TABLE \"Mixed\" (\"Id\" INTEGER PRIMARY KEY, plain INTEGER)");
        update(connection, "INSERT INTO \"Mixed\" VALUES (1, 2)");

        assertThat(rows(connection, "SELECT \"Id\", PLAIN, plain, \"PLAIN\" FROM \"Mixed\"")).containsExactly(row(1, 2, 2, 2));
        sqlError(() -> rows(connection, "SELECT * FROM mixed"), "42P01", SQLSyntaxErrorException.class);
        sqlError(() -> rows(connection, "SELECT id FROM \"Mixed\""), "42703", SQLSyntaxErrorException.class);
    }

    @Test
    void tableCreatedOnOneConnectionIsUsableFromAnother() throws SQLException {
        Connection other = database.connect();

        execute(connection, "CREATE TABLE shared (id INTEGER PRIMARY KEY)");
        update(other, "INSERT INTO shared VALUES (5)");

        assertThat(column(connection, "SELECT id FROM shared")).containsExactly(5);
        execute(other, "DROP TABLE shared");
        sqlError(() -> rows(connection, "SELECT id FROM shared"), "42P01", SQLSyntaxErrorException.class);
    }

    private int nullability(String table, int column) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet resultSet = statement.executeQuery("SELECT * FROM " + table)) {
            return resultSet.getMetaData().isNullable(column);
        }
    }
}

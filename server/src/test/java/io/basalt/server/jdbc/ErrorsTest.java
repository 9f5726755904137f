package io.basalt.server.jdbc;

import static io.basalt.server.jdbc.TestDatabase.execute;
import static io.basalt.server.jdbc.TestDatabase.row;
import static io.basalt.server.jdbc.TestDatabase.rows;
import static io.basalt.server.jdbc.TestDatabase.scalar;
import static io.basalt.server.jdbc.TestDatabase.sqlError;
import static io.basalt.server.jdbc.TestDatabase.update;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLDataException;
import java.sql.SQLException;
import java.sql.SQLIntegrityConstraintViolationException;
import java.sql.SQLSyntaxErrorException;
import java.sql.SQLTransactionRollbackException;
import java.sql.Types;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Every SQLState the engine reports, with the JDBC subclass the driver chooses for it; after each
 * error the same connection still works and the committed data is intact.
 */
class ErrorsTest {
    private static final List<List<Object>> COMMITTED = List.of(
            row(1, 2_000_000_000, (int) Short.MAX_VALUE, new BigDecimal("1.50"), "abc", "xy "),
            row(2, -5, -1, new BigDecimal("-999.99"), null, null));

    private TestDatabase database;
    private Connection connection;

    @BeforeEach
    void createTable() throws SQLException {
        database = TestDatabase.inMemory();
        connection = database.connect();
        execute(connection, "CREATE TABLE t (id INTEGER PRIMARY KEY, n INTEGER NOT NULL, s SMALLINT, "
                        + "d DECIMAL(5, 2), v VARCHAR(5), c CHAR(3))",
                "INSERT INTO t VALUES (1, 2000000000, 32767, 1.50, 'abc', 'xy'), (2, -5, -1, -999.99, NULL, NULL)");
    }

    @AfterEach
    void closeDatabase() throws SQLException {
        database.close();
    }

    @Test
    void syntaxErrorIs42601() throws SQLException {
        sqlError(() -> execute(connection, "SELEC id FROM t"), "42601", SQLSyntaxErrorException.class);
        sqlError(() -> execute(connection, "SELECT * FROM t WHERE"), "42601", SQLSyntaxErrorException.class);
        sqlError(() -> execute(connection, "INSERT INTO t VALUES ("), "42601", SQLSyntaxErrorException.class);
        sqlError(() -> connection.prepareStatement("UPDATE t SET WHERE id = 1"), "42601", SQLSyntaxErrorException.class);
        assertConnectionWorksAndDataIsIntact();
    }

    @Test
    void insertWithMoreValuesThanColumnsIs42601() throws SQLException {
        // PostgreSQL: ERROR 42601 INSERT has more expressions than target columns.
        sqlError(() -> update(connection, "INSERT INTO t VALUES (3, 0, 0, 0, 'a', 'b', 'extra')"),
                "42601", SQLSyntaxErrorException.class);
        sqlError(() -> update(connection, "INSERT INTO t (id, n) VALUES (3, 0, 0)"), "42601", SQLSyntaxErrorException.class);
        assertConnectionWorksAndDataIsIntact();
    }

    @Test
    void unknownTableIs42P01() throws SQLException {
        sqlError(() -> rows(connection, "SELECT * FROM missing"), "42P01", SQLSyntaxErrorException.class);
        sqlError(() -> update(connection, "INSERT INTO missing VALUES (1)"), "42P01", SQLSyntaxErrorException.class);
        sqlError(() -> update(connection, "UPDATE missing SET a = 1"), "42P01", SQLSyntaxErrorException.class);
        sqlError(() -> update(connection, "DELETE FROM missing"), "42P01", SQLSyntaxErrorException.class);
        sqlError(() -> execute(connection, "DROP TABLE missing"), "42P01", SQLSyntaxErrorException.class);
        assertConnectionWorksAndDataIsIntact();
    }

    @Test
    void unknownColumnIs42703() throws SQLException {
        sqlError(() -> rows(connection, "SELECT missing FROM t"), "42703", SQLSyntaxErrorException.class);
        sqlError(() -> rows(connection, "SELECT id FROM t WHERE missing = 1"), "42703", SQLSyntaxErrorException.class);
        sqlError(() -> update(connection, "UPDATE t SET missing = 1"), "42703", SQLSyntaxErrorException.class);
        sqlError(() -> update(connection, "INSERT INTO t (id, missing) VALUES (9, 1)"), "42703", SQLSyntaxErrorException.class);
        sqlError(() -> rows(connection, "SELECT id FROM t ORDER BY missing"), "42703", SQLSyntaxErrorException.class);
        assertConnectionWorksAndDataIsIntact();
    }

    @Test
    void duplicateTableIs42P07() throws SQLException {
        sqlError(() -> execute(connection, "CREATE TABLE t (id INTEGER PRIMARY KEY)"), "42P07", SQLSyntaxErrorException.class);
        assertConnectionWorksAndDataIsIntact();
    }

    @Test
    void duplicatePrimaryKeyIs23505() throws SQLException {
        sqlError(() -> update(connection, "INSERT INTO t (id, n) VALUES (1, 0)"),
                "23505", SQLIntegrityConstraintViolationException.class);
        sqlError(() -> update(connection, "INSERT INTO t (id, n) VALUES (?, ?)", 2, 0),
                "23505", SQLIntegrityConstraintViolationException.class);
        assertConnectionWorksAndDataIsIntact();
    }

    @Test
    void duplicateKeyInsideOneMultiRowInsertIs23505AndInsertsNothing() throws SQLException {
        sqlError(() -> update(connection, "INSERT INTO t (id, n) VALUES (10, 0), (11, 0), (10, 1)"),
                "23505", SQLIntegrityConstraintViolationException.class);
        sqlError(() -> update(connection, "INSERT INTO t (id, n) SELECT 20, n FROM t"),
                "23505", SQLIntegrityConstraintViolationException.class);
        assertConnectionWorksAndDataIsIntact();
    }

    @Test
    void nullIntoNotNullIs23502WhetherExplicitOrByOmission() throws SQLException {
        sqlError(() -> update(connection, "INSERT INTO t (id, n) VALUES (3, NULL)"),
                "23502", SQLIntegrityConstraintViolationException.class);
        sqlError(() -> update(connection, "INSERT INTO t (id, v) VALUES (3, 'x')"),
                "23502", SQLIntegrityConstraintViolationException.class);
        sqlError(() -> update(connection, "UPDATE t SET n = NULL WHERE id = 1"),
                "23502", SQLIntegrityConstraintViolationException.class);
        sqlError(() -> update(connection, "UPDATE t SET id = NULL WHERE id = 2"),
                "23502", SQLIntegrityConstraintViolationException.class);
        sqlError(() -> {
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO t (id, n) VALUES (?, ?)")) {
                insert.setInt(1, 3);
                insert.setNull(2, Types.INTEGER);
                insert.executeUpdate();
            }
        }, "23502", SQLIntegrityConstraintViolationException.class);
        assertConnectionWorksAndDataIsIntact();
    }

    @Test
    void stringTooLongIs22001ForVarcharAndChar() throws SQLException {
        sqlError(() -> update(connection, "INSERT INTO t (id, n, v) VALUES (3, 0, 'abcdef')"), "22001", SQLDataException.class);
        sqlError(() -> update(connection, "INSERT INTO t (id, n, v) VALUES (?, ?, ?)", 3, 0, "123456"),
                "22001", SQLDataException.class);
        sqlError(() -> update(connection, "UPDATE t SET v = v || 'def' WHERE id = 1"), "22001", SQLDataException.class);
        sqlError(() -> update(connection, "INSERT INTO t (id, n, c) VALUES (3, 0, 'abcd')"), "22001", SQLDataException.class);
        sqlError(() -> update(connection, "UPDATE t SET c = ? WHERE id = 2", "wxyz"), "22001", SQLDataException.class);
        assertConnectionWorksAndDataIsIntact();
    }

    @Test
    void trailingSpacesBeyondTheLengthAreDroppedRatherThanRefused() throws SQLException {
        update(connection, "INSERT INTO t (id, n, v, c) VALUES (3, 0, 'abcde   ', 'ab    ')");

        assertThat(rows(connection, "SELECT v, c FROM t WHERE id = 3")).containsExactly(row("abcde", "ab "));
    }

    @Test
    void integerOutOfRangeIs22003() throws SQLException {
        sqlError(() -> update(connection, "INSERT INTO t (id, n) VALUES (3, 2147483648)"), "22003", SQLDataException.class);
        sqlError(() -> update(connection, "INSERT INTO t (id, n) VALUES (?, ?)", 3, -2_147_483_649L),
                "22003", SQLDataException.class);
        sqlError(() -> update(connection, "UPDATE t SET n = n * 2 WHERE id = 1"), "22003", SQLDataException.class);
        assertConnectionWorksAndDataIsIntact();
    }

    @Test
    void smallintOutOfRangeIs22003() throws SQLException {
        sqlError(() -> update(connection, "INSERT INTO t (id, n, s) VALUES (3, 0, 32768)"), "22003", SQLDataException.class);
        sqlError(() -> update(connection, "INSERT INTO t (id, n, s) VALUES (3, 0, ?)", -32_769), "22003", SQLDataException.class);
        sqlError(() -> update(connection, "UPDATE t SET s = s + 1 WHERE id = 1"), "22003", SQLDataException.class);
        assertConnectionWorksAndDataIsIntact();
    }

    @Test
    void decimalOverflowIs22003() throws SQLException {
        sqlError(() -> update(connection, "INSERT INTO t (id, n, d) VALUES (3, 0, 1000)"), "22003", SQLDataException.class);
        sqlError(() -> update(connection, "INSERT INTO t (id, n, d) VALUES (3, 0, 999.995)"), "22003", SQLDataException.class);
        sqlError(() -> update(connection, "INSERT INTO t (id, n, d) VALUES (3, 0, ?)", new BigDecimal("-1000.00")),
                "22003", SQLDataException.class);
        sqlError(() -> update(connection, "UPDATE t SET d = d - 1 WHERE id = 2"), "22003", SQLDataException.class);
        assertConnectionWorksAndDataIsIntact();
    }

    @Test
    void integerArithmeticOverflowInAQueryIs22003() throws SQLException {
        // PostgreSQL: ERROR 22003 integer out of range; never a wrapped-around result.
        sqlError(() -> rows(connection, "SELECT n + n FROM t WHERE id = 1"), "22003", SQLDataException.class);
        sqlError(() -> rows(connection, "SELECT n * 2 FROM t WHERE id = 1"), "22003", SQLDataException.class);
        sqlError(() -> rows(connection, "SELECT CAST(n AS BIGINT) * 9000000000 FROM t WHERE id = 1"),
                "22003", SQLDataException.class);
        assertConnectionWorksAndDataIsIntact();
    }

    @Test
    void divisionByZeroIs22012ForIntegersAndDecimals() throws SQLException {
        sqlError(() -> rows(connection, "SELECT n / 0 FROM t"), "22012", SQLDataException.class);
        sqlError(() -> rows(connection, "SELECT n / (id - 1) FROM t"), "22012", SQLDataException.class);
        sqlError(() -> rows(connection, "SELECT MOD(n, 0) FROM t"), "22012", SQLDataException.class);
        sqlError(() -> rows(connection, "SELECT d / 0 FROM t"), "22012", SQLDataException.class);
        sqlError(() -> rows(connection, "SELECT d / 0.00 FROM t"), "22012", SQLDataException.class);
        sqlError(() -> rows(connection, "SELECT n / ? FROM t", 0), "22012", SQLDataException.class);
        sqlError(() -> update(connection, "UPDATE t SET d = d / 0 WHERE id = 1"), "22012", SQLDataException.class);
        assertConnectionWorksAndDataIsIntact();
    }

    @Test
    void divisionByZeroOfConstantsIs22012() throws SQLException {
        sqlError(() -> rows(connection, "SELECT 1 / 0"), "22012", SQLDataException.class);
        sqlError(() -> update(connection, "UPDATE t SET n = 1 / 0 WHERE id = 1"), "22012", SQLDataException.class);
        sqlError(() -> rows(connection, "SELECT 1.5 / 0.0"), "22012", SQLDataException.class);
        assertConnectionWorksAndDataIsIntact();
    }

    @Test
    void badNumberTextIs22P02() throws SQLException {
        sqlError(() -> rows(connection, "SELECT CAST(v AS INTEGER) FROM t WHERE id = 1"), "22P02", SQLDataException.class);
        sqlError(() -> rows(connection, "SELECT id FROM t WHERE n = ?", "not a number"), "22P02", SQLDataException.class);
        sqlError(() -> update(connection, "INSERT INTO t (id, n) VALUES (3, 'abc')"), "22P02", SQLDataException.class);
        assertConnectionWorksAndDataIsIntact();
    }

    @Test
    void badDateTimeTextIs22007() throws SQLException {
        execute(connection, "CREATE TABLE dated (id INTEGER PRIMARY KEY, text VARCHAR(20), dt DATE)",
                "INSERT INTO dated VALUES (1, 'not a date', NULL)");

        sqlError(() -> rows(connection, "SELECT id FROM dated WHERE dt = ?", "garbage"), "22007", SQLDataException.class);
        sqlError(() -> rows(connection, "SELECT CAST(text AS DATE) FROM dated"), "22007", SQLDataException.class);
        assertConnectionWorksAndDataIsIntact();
    }

    @Test
    void dateTimeFieldOutOfRangeIs22008() throws SQLException {
        // PostgreSQL: ERROR 22008 date/time field value out of range: "2024-02-30", for a parameter as for a cast.
        execute(connection, "CREATE TABLE dated (id INTEGER PRIMARY KEY, text VARCHAR(20), dt DATE, tm TIME)",
                "INSERT INTO dated VALUES (1, '2024-02-30', NULL, NULL)");

        sqlError(() -> rows(connection, "SELECT id FROM dated WHERE dt = ?", "2024-02-30"), "22008", SQLDataException.class);
        sqlError(() -> rows(connection, "SELECT id FROM dated WHERE tm = ?", "25:00:00"), "22008", SQLDataException.class);
        sqlError(() -> rows(connection, "SELECT CAST(text AS DATE) FROM dated"), "22008", SQLDataException.class);
        sqlError(() -> update(connection, "UPDATE dated SET dt = '2023-02-29'"), "22008", SQLDataException.class);
        assertConnectionWorksAndDataIsIntact();
    }

    @Test
    void datatypeMismatchIs42804() throws SQLException {
        execute(connection, "CREATE TABLE dated (id INTEGER PRIMARY KEY, dt DATE)");

        sqlError(() -> update(connection, "INSERT INTO t (id, n) VALUES (TRUE, 1)"), "42804", SQLSyntaxErrorException.class);
        sqlError(() -> update(connection, "INSERT INTO dated VALUES (1, 5)"), "42804", SQLSyntaxErrorException.class);
        sqlError(() -> update(connection, "UPDATE dated SET dt = 5"), "42804", SQLSyntaxErrorException.class);
        assertConnectionWorksAndDataIsIntact();
    }

    @Test
    void unknownFunctionIs42883() throws SQLException {
        sqlError(() -> rows(connection, "SELECT no_such_function(n) FROM t"), "42883", SQLSyntaxErrorException.class);
        assertConnectionWorksAndDataIsIntact();
    }

    @Test
    void writeConflictIs40001AsATransactionRollbackException() throws SQLException {
        Connection other = database.connect();
        connection.setAutoCommit(false);
        other.setAutoCommit(false);
        rows(other, "SELECT n FROM t WHERE id = 1"); // other's snapshot begins here
        update(connection, "UPDATE t SET n = n WHERE id = 1"); // a newer version, same value
        connection.commit();

        sqlError(() -> update(other, "UPDATE t SET n = 2 WHERE id = 1"), "40001", SQLTransactionRollbackException.class);

        other.rollback();
        connection.rollback();
        connection.setAutoCommit(true);
        other.setAutoCommit(true);
        assertConnectionWorksAndDataIsIntact();
        assertThat(rows(other, "SELECT * FROM t ORDER BY id")).isEqualTo(COMMITTED);
    }

    @Test
    void statementInAFailedTransactionIs25P02() throws SQLException {
        connection.setAutoCommit(false);
        update(connection, "UPDATE t SET n = 0 WHERE id = 2");
        sqlError(() -> rows(connection, "SELECT 1 / n FROM t WHERE id = 2"), "22012", SQLDataException.class);

        SQLException aborted = sqlError(() -> rows(connection, "SELECT * FROM t"), "25P02", SQLException.class);

        assertThat(aborted.getClass()).as("class 25 has no JDBC subclass").isEqualTo(SQLException.class);
        connection.rollback();
        connection.setAutoCommit(true);
        assertConnectionWorksAndDataIsIntact();
    }

    @Test
    void errorInAutoCommitLeavesNothingOfTheStatement() throws SQLException {
        sqlError(() -> update(connection, "UPDATE t SET n = n + 1000000000"), "22003", SQLDataException.class);
        sqlError(() -> update(connection, "INSERT INTO t (id, n, v) VALUES (5, 0, 'ok'), (6, 0, 'too long')"),
                "22001", SQLDataException.class);

        assertConnectionWorksAndDataIsIntact();
    }

    private void assertConnectionWorksAndDataIsIntact() throws SQLException {
        assertThat(rows(connection, "SELECT * FROM t ORDER BY id")).isEqualTo(COMMITTED);
        assertThat(scalar(connection, "SELECT n FROM t WHERE id = ?", 2)).isEqualTo(-5);
        update(connection, "INSERT INTO t (id, n) VALUES (100, 1)");
        assertThat(update(connection, "DELETE FROM t WHERE id = 100")).isEqualTo(1);
    }
}

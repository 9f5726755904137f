package io.basalt.server.jdbc;

import static io.basalt.server.jdbc.TestDatabase.column;
import static io.basalt.server.jdbc.TestDatabase.execute;
import static io.basalt.server.jdbc.TestDatabase.row;
import static io.basalt.server.jdbc.TestDatabase.rows;
import static io.basalt.server.jdbc.TestDatabase.sqlError;
import static io.basalt.server.jdbc.TestDatabase.update;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLDataException;
import java.sql.SQLException;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * VALUES lists of thousands of rows, which PostgreSQL takes. Calcite compiles every value of a
 * VALUES list into one Java method, which failed beyond a few thousand values with an internal
 * error ("Error while compiling generated Java code": Java's 64 KB limit on a method).
 */
class LargeValuesTest {
    private static final int ROWS = 6_000;

    private TestDatabase database;
    private Connection connection;

    @BeforeEach
    void createTable() throws SQLException {
        database = TestDatabase.inMemory();
        connection = database.connect();
        execute(connection, "CREATE TABLE t (id INTEGER PRIMARY KEY, n BIGINT, d DATE, s VARCHAR(10))");
    }

    @AfterEach
    void closeDatabase() throws SQLException {
        database.close();
    }

    private static String valuesOf(int rows, java.util.function.IntFunction<String> row) {
        return IntStream.range(0, rows).mapToObj(row).collect(Collectors.joining(", "));
    }

    @Test
    void insertOfThousandsOfLiteralRows() throws SQLException {
        assertThat(update(connection, "INSERT INTO t (id, n) VALUES " + valuesOf(ROWS, i -> "(" + i + ", " + -i + ")")))
                .isEqualTo(ROWS);

        assertThat(rows(connection, "SELECT COUNT(*), SUM(n), MIN(id), MAX(id) FROM t"))
                .containsExactly(row((long) ROWS, BigDecimal.valueOf(-(long) ROWS * (ROWS - 1) / 2), 0, ROWS - 1));
    }

    @Test
    void insertOfThousandsOfRowsWithExpressionsAndTextForDates() throws SQLException {
        // Not all literals: Calcite plans these as a UNION ALL of one projection per row.
        assertThat(update(connection, "INSERT INTO t VALUES " + valuesOf(ROWS,
                i -> "(" + i + ", " + i + " * 2, '2024-02-" + String.format("%02d", i % 29 + 1) + "', UPPER('r" + i + "'))")))
                .isEqualTo(ROWS);

        assertThat(rows(connection, "SELECT n, d, s FROM t WHERE id IN (0, 5999) ORDER BY id"))
                .containsExactly(row(0L, java.sql.Date.valueOf("2024-02-01"), "R0"),
                        row(11_998L, java.sql.Date.valueOf("2024-02-26"), "R5999"));
    }

    @Test
    void aValueThatDoesNotFitFailsTheWholeInsert() throws SQLException {
        sqlError(() -> update(connection, "INSERT INTO t (id, d) VALUES "
                + valuesOf(ROWS, i -> "(" + i + ", '2023-02-" + (i == 4_000 ? 29 : 28) + "')")), "22008", SQLDataException.class);

        assertThat(column(connection, "SELECT COUNT(*) FROM t")).containsExactly(0L);
    }

    @Test
    void insertOfManyRowsOfParameters() throws SQLException {
        int rows = 1_000;
        Object[] parameters = new Object[rows * 2];
        for (int i = 0; i < rows; i++) {
            parameters[2 * i] = i;
            parameters[2 * i + 1] = "p" + i;
        }

        assertThat(update(connection, "INSERT INTO t (id, s) VALUES " + valuesOf(rows, i -> "(?, ?)"), parameters))
                .isEqualTo(rows);
        assertThat(rows(connection, "SELECT s FROM t WHERE id IN (0, 999) ORDER BY id"))
                .containsExactly(row("p0"), row("p999"));
    }

    @Test
    void rowsOfDifferentShapesKeepTheirOrder() throws SQLException {
        // Alternating shapes: (i, i + 1) and (i, i); a VALUES list in FROM returns its rows in order.
        List<List<Object>> rows = rows(connection, "SELECT a, b FROM (VALUES "
                + valuesOf(200, i -> i % 2 == 0 ? "(" + i + ", " + i + " + 1)" : "(" + i + ", " + i + ")") + ") AS v(a, b)");

        assertThat(rows).hasSize(200);
        for (int i = 0; i < 200; i++) {
            assertThat(rows.get(i)).containsExactly(i, i % 2 == 0 ? i + 1 : i);
        }
    }

    @Test
    void queriesOverLongValuesListsAndInLists() throws SQLException {
        assertThat(column(connection, "SELECT COUNT(*) FROM (VALUES " + valuesOf(ROWS, i -> "(" + i + ", 'x')")
                + ") AS v(a, b) WHERE a % 2 = 0")).containsExactly((long) ROWS / 2);

        update(connection, "INSERT INTO t (id) VALUES " + valuesOf(ROWS, i -> "(" + i + ")"));
        assertThat(column(connection, "SELECT COUNT(*) FROM t WHERE id IN (" + valuesOf(ROWS, i -> String.valueOf(3 * i))
                + ")")).containsExactly((long) ROWS / 3);
    }
}

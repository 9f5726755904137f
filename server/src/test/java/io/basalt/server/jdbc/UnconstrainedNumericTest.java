package io.basalt.server.jdbc;

import static io.basalt.server.jdbc.TestDatabase.execute;
import static io.basalt.server.jdbc.TestDatabase.row;
import static io.basalt.server.jdbc.TestDatabase.rows;
import static io.basalt.server.jdbc.TestDatabase.update;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * NUMERIC without precision, through the driver: values keep every digit and their own scale
 * ({@code getBigDecimal} of 1.50 has scale 2), as key columns too, across a reopen of a file
 * database; metadata reports neither precision nor scale, as for PostgreSQL's numeric.
 */
class UnconstrainedNumericTest {
    private static final String BIG = "12345678901234567890123456789012345678901234567890.000123456789";

    @TempDir
    Path directory;

    @Test
    void valuesKeepTheirDigitsAndScaleThroughGetBigDecimal() throws SQLException {
        try (TestDatabase database = TestDatabase.inMemory()) {
            Connection connection = database.connect();
            execute(connection, "CREATE TABLE n (id INTEGER PRIMARY KEY, x NUMERIC)");
            update(connection, "INSERT INTO n VALUES (1, 1.50), (2, " + BIG + ")");
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO n VALUES (?, ?)")) {
                insert.setInt(1, 3);
                insert.setBigDecimal(2, new BigDecimal("-0.000700"));
                insert.executeUpdate();
            }
            assertThat(decimals(connection, "SELECT x FROM n ORDER BY id"))
                    .containsExactly(new BigDecimal("1.50"), new BigDecimal(BIG), new BigDecimal("-0.000700"));
            assertThat(decimals(connection, "SELECT SUM(x) FROM n"))
                    .containsExactly(new BigDecimal("1.50").add(new BigDecimal(BIG)).add(new BigDecimal("-0.000700")));
        }
    }

    @Test
    void metadataReportsNeitherPrecisionNorScale() throws SQLException {
        try (TestDatabase database = TestDatabase.inMemory()) {
            Connection connection = database.connect();
            execute(connection, "CREATE TABLE n (id INTEGER PRIMARY KEY, x NUMERIC, d DECIMAL(10, 2))");
            try (Statement statement = connection.createStatement();
                 ResultSet rs = statement.executeQuery("SELECT x, d, x + d FROM n")) {
                ResultSetMetaData meta = rs.getMetaData();
                assertThat(meta.getColumnType(1)).isEqualTo(Types.DECIMAL);
                assertThat(meta.getPrecision(1)).isZero();
                assertThat(meta.getScale(1)).isZero();
                assertThat(meta.getPrecision(2)).isEqualTo(10);
                assertThat(meta.getScale(2)).isEqualTo(2);
                assertThat(meta.getPrecision(3)).isZero(); // unconstrained plus anything is unconstrained
            }
            DatabaseMetaData meta = connection.getMetaData();
            try (ResultSet columns = meta.getColumns(null, "PUBLIC", "N", "X")) {
                assertThat(columns.next()).isTrue();
                assertThat(columns.getInt("DATA_TYPE")).isEqualTo(Types.DECIMAL);
                assertThat(columns.getObject("COLUMN_SIZE")).isNull();
                assertThat(columns.getObject("DECIMAL_DIGITS")).isNull();
            }
            assertThat(rows(connection, "SELECT DECLARED_TYPE, TYPE_PRECISION, TYPE_SCALE FROM BASALT_CATALOG.COLUMNS"
                    + " WHERE TABLE_NAME = 'N' AND COLUMN_NAME = 'X'")).containsExactly(row("NUMERIC", null, null));
        }
    }

    @Test
    void keyAndValueColumnsKeepTheirScaleAcrossAReopen() throws SQLException {
        try (TestDatabase database = fileDatabase()) {
            Connection connection = database.connect();
            execute(connection, "CREATE TABLE k (k NUMERIC PRIMARY KEY, v NUMERIC)",
                    "CREATE INDEX k_v ON k (v)");
            update(connection, "INSERT INTO k VALUES (1.50, 2.000), (-3, " + BIG + "), (0.0, 7)");
        }
        try (TestDatabase reopened = fileDatabase()) {
            Connection connection = reopened.connect();
            assertThat(decimals(connection, "SELECT k FROM k ORDER BY k"))
                    .containsExactly(new BigDecimal("-3"), new BigDecimal("0.0"), new BigDecimal("1.50"));
            assertThat(decimals(connection, "SELECT v FROM k ORDER BY k"))
                    .containsExactly(new BigDecimal(BIG), new BigDecimal("7"), new BigDecimal("2.000"));
            // Looked up by an equal number of another scale, through the key and through the index.
            assertThat(decimals(connection, "SELECT k FROM k WHERE k = 1.5")).containsExactly(new BigDecimal("1.50"));
            assertThat(decimals(connection, "SELECT k FROM k WHERE v = 2")).containsExactly(new BigDecimal("1.50"));
        }
    }

    /** The values of the first column, compared by {@code equals}, so that the scale counts. */
    private static List<BigDecimal> decimals(Connection connection, String sql) throws SQLException {
        List<BigDecimal> values = new ArrayList<>();
        try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(sql)) {
            while (rs.next()) {
                values.add(rs.getBigDecimal(1));
            }
        }
        return values;
    }

    private TestDatabase fileDatabase() {
        return TestDatabase.at("jdbc:basalt:file:" + directory.toAbsolutePath());
    }
}

package io.basalt.server.jdbc;

import static io.basalt.server.jdbc.TestDatabase.column;
import static io.basalt.server.jdbc.TestDatabase.execute;
import static io.basalt.server.jdbc.TestDatabase.scalar;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.ParameterMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDateTime;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Every column type written through {@link PreparedStatement} setters and read back through the
 * {@link ResultSet} getters, by index and by label, plus the metadata that describes them. DATE,
 * TIME and TIMESTAMP in detail: {@link DateTimeRoundTripTest}.
 */
class TypesRoundTripTest {
    private static final String COLUMNS = "id, i, b, s, d, d44, dbl, r, f, v, c, bo, dt, ts, tm";
    private static final String INSERT = "INSERT INTO typed (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

    private TestDatabase database;
    private Connection connection;

    @BeforeEach
    void createTable() throws SQLException {
        database = TestDatabase.inMemory();
        connection = database.connect();
        execute(connection, "CREATE TABLE typed (id INTEGER PRIMARY KEY, i INTEGER, b BIGINT, s SMALLINT, "
                + "d DECIMAL(10, 2), d44 DECIMAL(4, 4), dbl DOUBLE, r REAL, f FLOAT, v VARCHAR(50), c CHAR(5), "
                + "bo BOOLEAN, dt DATE, ts TIMESTAMP, tm TIME)");
    }

    @AfterEach
    void closeDatabase() throws SQLException {
        database.close();
    }

    @Test
    void integersRoundTripThroughEveryIntegralGetter() throws SQLException {
        insertIntegers(1, -123_456, -9_000_000_000L, (short) -32_768);
        insertIntegers(2, Integer.MAX_VALUE, Long.MAX_VALUE, Short.MAX_VALUE);
        insertIntegers(3, Integer.MIN_VALUE, Long.MIN_VALUE, Short.MIN_VALUE);

        try (ResultSet rs = query("SELECT i, b, s FROM typed ORDER BY id")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getInt(1)).isEqualTo(-123_456);
            assertThat(rs.getInt("i")).isEqualTo(-123_456);
            assertThat(rs.getLong(1)).isEqualTo(-123_456L);
            assertThat(rs.getString("I")).isEqualTo("-123456");
            assertThat(rs.getBigDecimal(1)).isEqualByComparingTo("-123456");
            assertThat(rs.getDouble(1)).isEqualTo(-123_456d);
            assertThat(rs.getObject(1)).isEqualTo(-123_456);
            assertThat(rs.getLong(2)).isEqualTo(-9_000_000_000L);
            assertThat(rs.getLong("B")).isEqualTo(-9_000_000_000L);
            assertThat(rs.getObject("b")).isEqualTo(-9_000_000_000L);
            assertThat(rs.getString(2)).isEqualTo("-9000000000");
            assertThat(rs.getShort(3)).isEqualTo((short) -32_768);
            assertThat(rs.getShort("s")).isEqualTo((short) -32_768);
            assertThat(rs.getInt("S")).isEqualTo(-32_768);
            assertThat(rs.getObject(3)).as("JDBC maps SMALLINT to Integer").isEqualTo(-32_768);
            assertThat(rs.getObject(3, Short.class)).isEqualTo((short) -32_768);
            assertThat(rs.getObject("b", Long.class)).isEqualTo(-9_000_000_000L);
            assertThat(rs.getObject("i", BigDecimal.class)).isEqualByComparingTo("-123456");
            assertThat(rs.getObject(1, String.class)).isEqualTo("-123456");
            assertThat(rs.wasNull()).isFalse();

            assertThat(rs.next()).isTrue();
            assertThat(rs.getInt(1)).isEqualTo(Integer.MAX_VALUE);
            assertThat(rs.getLong(2)).isEqualTo(Long.MAX_VALUE);
            assertThat(rs.getShort(3)).isEqualTo(Short.MAX_VALUE);

            assertThat(rs.next()).isTrue();
            assertThat(rs.getInt("i")).isEqualTo(Integer.MIN_VALUE);
            assertThat(rs.getLong("b")).isEqualTo(Long.MIN_VALUE);
            assertThat(rs.getShort("s")).isEqualTo(Short.MIN_VALUE);
            assertThat(rs.next()).isFalse();
        }
    }

    @Test
    void columnLabelsAreCaseInsensitive() throws SQLException {
        insertIntegers(1, 7, 8L, (short) 9);

        try (ResultSet rs = query("SELECT i AS \"MixedCase\", b AS lower_alias, s FROM typed")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getInt("MixedCase")).isEqualTo(7);
            assertThat(rs.getInt("mixedcase")).isEqualTo(7);
            assertThat(rs.getInt("MIXEDCASE")).isEqualTo(7);
            assertThat(rs.getLong("lower_alias")).isEqualTo(8L);
            assertThat(rs.getLong("Lower_Alias")).isEqualTo(8L);
            assertThat(rs.findColumn("s")).isEqualTo(3);
            assertThat(rs.findColumn("S")).isEqualTo(3);
        }
    }

    @Test
    void decimalsKeepTheirDeclaredScale() throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO typed (id, d, d44) VALUES (?, ?, ?)")) {
            insert.setInt(1, 1);
            insert.setBigDecimal(2, new BigDecimal("12.5"));
            insert.setBigDecimal(3, new BigDecimal("0.1234"));
            insert.executeUpdate();
            insert.setInt(1, 2);
            insert.setBigDecimal(2, new BigDecimal("-99999999.99"));
            insert.setBigDecimal(3, new BigDecimal("-0.9999"));
            insert.executeUpdate();
        }

        try (ResultSet rs = query("SELECT d, d44 FROM typed ORDER BY id")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getBigDecimal(1)).isEqualTo(new BigDecimal("12.50"));
            assertThat(rs.getBigDecimal("D")).isEqualTo(new BigDecimal("12.50"));
            assertThat(rs.getString("d")).isEqualTo("12.50");
            assertThat(rs.getDouble(1)).isEqualTo(12.5);
            assertThat(rs.getObject(1)).isEqualTo(new BigDecimal("12.50"));
            assertThat(rs.getBigDecimal(2)).isEqualTo(new BigDecimal("0.1234"));
            assertThat(rs.getString("d44")).isEqualTo("0.1234");
            assertThat(rs.next()).isTrue();
            assertThat(rs.getBigDecimal("d")).isEqualTo(new BigDecimal("-99999999.99"));
            assertThat(rs.getBigDecimal("d44")).isEqualTo(new BigDecimal("-0.9999"));
        }
    }

    @Test
    void decimalsAreRoundedHalfUpToTheDeclaredScale() throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO typed (id, d) VALUES (?, ?)")) {
            insert.setInt(1, 1);
            insert.setBigDecimal(2, new BigDecimal("1.005"));
            insert.executeUpdate();
            insert.setInt(1, 2);
            insert.setBigDecimal(2, new BigDecimal("-1.005"));
            insert.executeUpdate();
            insert.setInt(1, 3);
            insert.setBigDecimal(2, new BigDecimal("1.004999"));
            insert.executeUpdate();
        }
        execute(connection, "INSERT INTO typed (id, d) VALUES (4, 1.005)");

        assertThat(column(connection, "SELECT d FROM typed ORDER BY id")).containsExactly(
                new BigDecimal("1.01"), new BigDecimal("-1.01"), new BigDecimal("1.00"), new BigDecimal("1.01"));
    }

    @Test
    void doubleKeepsDoublePrecisionAndRealKeepsFloatPrecision() throws SQLException {
        double precise = 1.2345678901234567;
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO typed (id, dbl, r, f) VALUES (?, ?, ?, ?)")) {
            insert.setInt(1, 1);
            insert.setDouble(2, precise);
            insert.setDouble(3, precise);
            insert.setDouble(4, -precise);
            insert.executeUpdate();
            insert.setInt(1, 2);
            insert.setDouble(2, 0.1 + 0.2);
            insert.setFloat(3, 1.1f);
            insert.setFloat(4, -1.1f);
            insert.executeUpdate();
        }

        try (ResultSet rs = query("SELECT dbl, r, f FROM typed ORDER BY id")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getDouble("dbl")).isEqualTo(precise);
            assertThat(rs.getDouble("r")).isEqualTo((double) (float) precise).isNotEqualTo(precise);
            assertThat(rs.getFloat("R")).isEqualTo((float) precise);
            assertThat(rs.getObject("r")).isEqualTo((float) precise);
            assertThat(rs.getDouble("f")).as("FLOAT is double precision").isEqualTo(-precise);
            assertThat(rs.getObject(3)).isEqualTo(-precise);
            assertThat(rs.next()).isTrue();
            assertThat(rs.getDouble(1)).isEqualTo(0.1 + 0.2);
            assertThat(rs.getFloat(2)).isEqualTo(1.1f);
            assertThat(rs.getString(2)).isEqualTo("1.1");
            assertThat(rs.getBigDecimal(2)).isEqualByComparingTo("1.1");
            assertThat(rs.getFloat(3)).isEqualTo(-1.1f);
        }
    }

    @Test
    void varcharKeepsUnicodeAndCountsCharactersNotUtf16Units() throws SQLException {
        String accents = "Crème brûlée à la Ñandú, ça va? Über Ærø";
        String emoji = "😀🎉👍🏽";
        String mixed = "日本語 – Ελληνικά – עברית";
        insertText(1, accents, "é");
        insertText(2, emoji, "😀");
        insertText(3, mixed, "語");
        String fiftyEmoji = "🙂".repeat(50);
        insertText(4, fiftyEmoji, "🙂🙂🙂🙂🙂");

        assertThat(column(connection, "SELECT v FROM typed ORDER BY id")).containsExactly(accents, emoji, mixed, fiftyEmoji);
        assertThat(column(connection, "SELECT c FROM typed ORDER BY id"))
                .containsExactly("é    ", "😀    ", "語    ", "🙂🙂🙂🙂🙂");
        assertThat(column(connection, "SELECT id FROM typed WHERE v = ?", emoji)).containsExactly(2);
    }

    @Test
    void charLengthCountsCharactersLikeTheLengthLimitDoes() throws SQLException {
        // Four code points (the last emoji carries a skin-tone modifier), eight UTF-16 units.
        insertText(1, "😀🎉👍🏽", "x");

        assertThat(scalar(connection, "SELECT CHAR_LENGTH(v) FROM typed WHERE id = 1")).isEqualTo(4);
    }

    @Test
    void charIsPaddedWithSpacesToItsLength() throws SQLException {
        insertText(1, "x", "ab");

        try (ResultSet rs = query("SELECT c FROM typed")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).isEqualTo("ab   ");
            assertThat(rs.getString("C")).isEqualTo("ab   ");
            assertThat(rs.getObject("c")).isEqualTo("ab   ");
        }
    }

    @Test
    void charComparesEqualToTheUnpaddedValue() throws SQLException {
        // SQL standard PAD SPACE semantics, as in PostgreSQL: 'ab' = 'ab   ' for CHAR(n).
        insertText(1, "x", "ab");

        assertThat(column(connection, "SELECT id FROM typed WHERE c = 'ab   '")).containsExactly(1);
        assertThat(column(connection, "SELECT id FROM typed WHERE c = 'ab'")).containsExactly(1);
        assertThat(column(connection, "SELECT id FROM typed WHERE c = ?", "ab")).containsExactly(1);
    }

    @Test
    void booleansRoundTrip() throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO typed (id, bo) VALUES (?, ?)")) {
            insert.setInt(1, 1);
            insert.setBoolean(2, true);
            insert.executeUpdate();
            insert.setInt(1, 2);
            insert.setBoolean(2, false);
            insert.executeUpdate();
        }

        try (ResultSet rs = query("SELECT bo FROM typed ORDER BY id")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getBoolean(1)).isTrue();
            assertThat(rs.getBoolean("BO")).isTrue();
            assertThat(rs.getObject("bo")).isEqualTo(Boolean.TRUE);
            assertThat(rs.getString(1)).isEqualTo("true");
            assertThat(rs.getInt(1)).isEqualTo(1);
            assertThat(rs.next()).isTrue();
            assertThat(rs.getBoolean("bo")).isFalse();
            assertThat(rs.wasNull()).isFalse();
            assertThat(rs.getInt(1)).isZero();
        }
        assertThat(column(connection, "SELECT id FROM typed WHERE bo")).containsExactly(1);
        assertThat(column(connection, "SELECT id FROM typed WHERE NOT bo")).containsExactly(2);
    }

    @Test
    void numbersAndTextRoundTripThroughSetObject() throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
            insert.setObject(1, 1);
            insert.setObject(2, -5);
            insert.setObject(3, 5_000_000_000L);
            insert.setObject(4, (short) 12);
            insert.setObject(5, new BigDecimal("-3.25"));
            insert.setObject(6, "0.5", Types.DECIMAL);
            insert.setObject(7, 2.75d);
            insert.setObject(8, 0.5f);
            insert.setObject(9, 1, Types.DOUBLE);
            insert.setObject(10, "text");
            insert.setObject(11, 'z');
            insert.setObject(12, Boolean.TRUE);
            insert.setObject(13, null);
            insert.setObject(14, null);
            insert.setObject(15, null);
            insert.executeUpdate();
        }

        assertThat(TestDatabase.rows(connection, "SELECT " + COLUMNS + " FROM typed")).containsExactly(
                TestDatabase.row(1, -5, 5_000_000_000L, 12, new BigDecimal("-3.25"), new BigDecimal("0.5000"), 2.75, 0.5f,
                        1.0, "text", "z    ", true, null, null, null));
    }

    @Test
    void nullsOfEveryTypeReadBackAsNullAndSetWasNull() throws SQLException {
        int[] sqlTypes = {Types.INTEGER, Types.BIGINT, Types.SMALLINT, Types.DECIMAL, Types.DECIMAL, Types.DOUBLE,
                Types.REAL, Types.FLOAT, Types.VARCHAR, Types.CHAR, Types.BOOLEAN, Types.DATE, Types.TIMESTAMP, Types.TIME};
        try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
            insert.setInt(1, 1);
            for (int i = 0; i < sqlTypes.length; i++) {
                insert.setNull(i + 2, sqlTypes[i]);
            }
            assertThat(insert.executeUpdate()).isEqualTo(1);
        }

        try (ResultSet rs = query("SELECT " + COLUMNS + " FROM typed")) {
            assertThat(rs.next()).isTrue();
            for (int column = 2; column <= 15; column++) {
                assertThat(rs.getObject(column)).as("column %d", column).isNull();
                assertThat(rs.wasNull()).isTrue();
                assertThat(rs.getString(column)).isNull();
                assertThat(rs.wasNull()).isTrue();
            }
            assertThat(rs.getInt("i")).isZero();
            assertThat(rs.wasNull()).isTrue();
            assertThat(rs.getLong("b")).isZero();
            assertThat(rs.getShort("s")).isZero();
            assertThat(rs.getBigDecimal("d")).isNull();
            assertThat(rs.getDouble("dbl")).isZero();
            assertThat(rs.wasNull()).isTrue();
            assertThat(rs.getFloat("r")).isZero();
            assertThat(rs.getBoolean("bo")).isFalse();
            assertThat(rs.wasNull()).isTrue();
            assertThat(rs.getDate("dt")).isNull();
            assertThat(rs.getTimestamp("ts")).isNull();
            assertThat(rs.getTime("tm")).isNull();
            assertThat(rs.getObject("ts", LocalDateTime.class)).isNull();
            assertThat(rs.getInt("id")).isEqualTo(1);
            assertThat(rs.wasNull()).isFalse();
        }
        assertThat(column(connection, "SELECT id FROM typed WHERE v IS NULL AND ts IS NULL AND d IS NULL")).containsExactly(1);
    }

    @Test
    void resultSetMetaDataDescribesTheColumns() throws SQLException {
        try (ResultSet rs = query("SELECT id, d AS amount, v, c, ts, r, i + 1 AS next_i FROM typed")) {
            ResultSetMetaData meta = rs.getMetaData();
            assertThat(meta.getColumnCount()).isEqualTo(7);
            assertThat(meta.getColumnLabel(1)).isEqualTo("ID");
            assertThat(meta.getColumnLabel(2)).isEqualTo("AMOUNT");
            assertThat(meta.getColumnName(2)).isEqualTo("D");
            assertThat(meta.getColumnLabel(7)).isEqualTo("NEXT_I");
            assertThat(meta.getColumnType(1)).isEqualTo(Types.INTEGER);
            assertThat(meta.getColumnType(2)).isEqualTo(Types.DECIMAL);
            assertThat(meta.getPrecision(2)).isEqualTo(10);
            assertThat(meta.getScale(2)).isEqualTo(2);
            assertThat(meta.getColumnClassName(2)).isEqualTo(BigDecimal.class.getName());
            assertThat(meta.getColumnType(3)).isEqualTo(Types.VARCHAR);
            assertThat(meta.getPrecision(3)).isEqualTo(50);
            assertThat(meta.getColumnType(4)).isEqualTo(Types.CHAR);
            assertThat(meta.getPrecision(4)).isEqualTo(5);
            assertThat(meta.getColumnType(5)).isEqualTo(Types.TIMESTAMP);
            assertThat(meta.getColumnType(6)).isEqualTo(Types.REAL);
            assertThat(meta.getColumnType(7)).isEqualTo(Types.INTEGER);
            assertThat(meta.isNullable(1)).isEqualTo(ResultSetMetaData.columnNoNulls);
            assertThat(meta.isNullable(2)).isEqualTo(ResultSetMetaData.columnNullable);
            assertThat(meta.isNullable(7)).isEqualTo(ResultSetMetaData.columnNullable);
            assertThat(meta.getTableName(2)).isEqualToIgnoringCase("typed");
        }
    }

    @Test
    void parameterMetaDataDescribesTheParameters() throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT id FROM typed WHERE i = ? AND d = ? AND v = ? AND ts = ? AND bo = ?")) {
            ParameterMetaData meta = select.getParameterMetaData();
            assertThat(meta.getParameterCount()).isEqualTo(5);
            assertThat(meta.getParameterType(1)).isEqualTo(Types.INTEGER);
            assertThat(meta.getParameterType(2)).isEqualTo(Types.DECIMAL);
            assertThat(meta.getPrecision(2)).isEqualTo(10);
            assertThat(meta.getScale(2)).isEqualTo(2);
            assertThat(meta.getParameterType(3)).isEqualTo(Types.VARCHAR);
            assertThat(meta.getParameterType(4)).isEqualTo(Types.TIMESTAMP);
            assertThat(meta.getParameterType(5)).isEqualTo(Types.BOOLEAN);
            assertThat(meta.getParameterMode(1)).isEqualTo(ParameterMetaData.parameterModeIn);
        }
        try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
            assertThat(insert.getParameterMetaData().getParameterCount()).isEqualTo(15);
            assertThat(insert.getMetaData()).as("an INSERT returns no rows").isNull();
        }
    }

    private void insertIntegers(int id, int i, long b, short s) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO typed (id, i, b, s) VALUES (?, ?, ?, ?)")) {
            insert.setInt(1, id);
            insert.setInt(2, i);
            insert.setLong(3, b);
            insert.setShort(4, s);
            assertThat(insert.executeUpdate()).isEqualTo(1);
        }
    }

    private void insertText(int id, String varchar, String chars) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO typed (id, v, c) VALUES (?, ?, ?)")) {
            insert.setInt(1, id);
            insert.setString(2, varchar);
            insert.setString(3, chars);
            assertThat(insert.executeUpdate()).isEqualTo(1);
        }
    }

    /** A result set the test closes; its statement is closed with it (closeOnCompletion). */
    private ResultSet query(String sql) throws SQLException {
        PreparedStatement statement = connection.prepareStatement(sql);
        statement.closeOnCompletion();
        return statement.executeQuery();
    }
}

package io.basalt.jdbc.internal;

import static io.basalt.jdbc.internal.SqlAssertions.assertSqlState;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.Time;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ResultSetObjectTest extends WithFakeConnection {

    @Test
    void getObjectReturnsJdbcStandardClasses() throws Exception {
        ResultSet rs = allTypesRow(false);
        assertThat(rs.getObject("B")).isEqualTo(true);
        assertThat(rs.getObject("S")).isEqualTo(12); // SMALLINT is an Integer (JDBC table B-3)
        assertThat(rs.getObject("I")).isEqualTo(42);
        assertThat(rs.getObject("L")).isEqualTo(1L << 40);
        assertThat(rs.getObject("D")).isEqualTo(new BigDecimal("12.50"));
        assertThat(rs.getObject("R")).isEqualTo(1.5f);
        assertThat(rs.getObject("F")).isEqualTo(2.25);
        assertThat(rs.getObject("V")).isEqualTo("hello");
        assertThat(rs.getObject("DT")).isInstanceOf(Date.class).isEqualTo(Date.valueOf("2024-02-29"));
        assertThat(rs.getObject("TM")).isInstanceOf(Time.class);
        assertThat(rs.getObject("TS")).isInstanceOf(Timestamp.class)
                .isEqualTo(Timestamp.valueOf("2024-02-29 13:45:30.5"));
        assertThat((byte[]) rs.getObject("BIN")).containsExactly(1, 2, 0xAB);
    }

    @Test
    void columnClassNameNamesTheClassGetObjectReturns() throws Exception {
        ResultSet rs = allTypesRow(false);
        ResultSetMetaData metaData = rs.getMetaData();
        for (int i = 1; i <= metaData.getColumnCount(); i++) {
            assertThat(rs.getObject(i).getClass().getName()).as(metaData.getColumnLabel(i))
                    .isEqualTo(metaData.getColumnClassName(i));
        }
    }

    @Test
    void getObjectWithClassReturnsJavaTimeTypes() throws Exception {
        ResultSet rs = allTypesRow(false);
        assertThat(rs.getObject("DT", LocalDate.class)).isEqualTo(LocalDate.of(2024, 2, 29));
        assertThat(rs.getObject("TM", LocalTime.class)).isEqualTo(LocalTime.of(13, 45, 30, 123_000_000));
        assertThat(rs.getObject("TS", LocalDateTime.class)).isEqualTo(LocalDateTime.of(2024, 2, 29, 13, 45, 30, 500_000_000));
        assertThat(rs.getObject("DT", LocalDateTime.class)).isEqualTo(LocalDateTime.of(2024, 2, 29, 0, 0));
        assertThat(rs.getObject("TS", Timestamp.class)).isEqualTo(Timestamp.valueOf("2024-02-29 13:45:30.5"));
        assertThat(rs.getObject("TS", java.util.Date.class)).isInstanceOf(Timestamp.class);
        assertThat(rs.getObject("DT", Date.class)).isEqualTo(Date.valueOf("2024-02-29"));
    }

    @Test
    void getObjectWithClassConvertsNumbersTextAndBooleans() throws Exception {
        ResultSet rs = allTypesRow(false);
        assertThat(rs.getObject("S", Short.class)).isEqualTo((short) 12);
        assertThat(rs.getObject("I", Long.class)).isEqualTo(42L);
        assertThat(rs.getObject("I", Byte.class)).isEqualTo((byte) 42);
        assertThat(rs.getObject("L", BigInteger.class)).isEqualTo(BigInteger.ONE.shiftLeft(40));
        assertThat(rs.getObject("D", Double.class)).isEqualTo(12.5);
        assertThat(rs.getObject("R", Float.class)).isEqualTo(1.5f);
        assertThat(rs.getObject("I", BigDecimal.class)).isEqualTo(new BigDecimal(42));
        assertThat(rs.getObject("B", Boolean.class)).isTrue();
        assertThat(rs.getObject("DT", String.class)).isEqualTo("2024-02-29");
        assertThat(rs.getObject("BIN", byte[].class)).containsExactly(1, 2, 0xAB);
        assertThat(rs.getObject("V", CharSequence.class)).isEqualTo("hello");
        assertThat(rs.getObject("I", Number.class)).isEqualTo(42);
        assertThat(rs.getObject("S", Object.class)).isEqualTo(12);
    }

    @Test
    void getObjectWithClassChecksRangeLikeTheGetters() throws Exception {
        assertSqlState(() -> allTypesRow(false).getObject("L", Integer.class), "22003");
    }

    @Test
    void getObjectWithUnsupportedClassIs22000AndNullClassIs22023() throws Exception {
        ResultSet rs = allTypesRow(false);
        assertSqlState(() -> rs.getObject("V", UUID.class), "22000").hasMessageContaining("java.util.UUID");
        assertSqlState(() -> rs.getObject("V", (Class<?>) null), "22023");
    }

    @Test
    void emptyTypeMapActsLikeGetObjectAndOthersAreUnsupported() throws Exception {
        ResultSet rs = allTypesRow(false);
        assertThat(rs.getObject("I", Map.of())).isEqualTo(42);
        assertSqlState(() -> rs.getObject("I", Map.of("T", String.class)), "0A000");
    }

    @Test
    void nullsGiveJdbcDefaultsAndSetWasNull() throws Exception {
        ResultSet rs = allTypesRow(true);
        assertThat(rs.getInt("I")).isZero();
        assertThat(rs.wasNull()).isTrue();
        assertThat(rs.getBoolean("B")).isFalse();
        assertThat(rs.getDouble("F")).isZero();
        assertThat(rs.getString("V")).isNull();
        assertThat(rs.getBigDecimal("D")).isNull();
        assertThat(rs.getBytes("BIN")).isNull();
        assertThat(rs.getObject("S")).isNull();
        assertThat(rs.getObject("S", Integer.class)).isNull();
        assertThat(rs.getCharacterStream("V")).isNull();
        assertThat(rs.wasNull()).isTrue();
    }

    @Test
    void wasNullFollowsTheLastGetter() throws Exception {
        session.rows("SELECT mixed", java.util.List.of(FakeSession.column("A", java.sql.Types.INTEGER),
                FakeSession.column("B", java.sql.Types.INTEGER)), new Object[] {null, 0});
        ResultSet rs = connection.createStatement().executeQuery("SELECT mixed");
        rs.next();
        rs.getInt(1);
        assertThat(rs.wasNull()).isTrue();
        assertThat(rs.getInt(2)).isZero();
        assertThat(rs.wasNull()).isFalse();
    }
}

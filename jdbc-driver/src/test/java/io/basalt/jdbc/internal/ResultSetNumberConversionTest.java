package io.basalt.jdbc.internal;

import static io.basalt.jdbc.internal.SqlAssertions.assertSqlState;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLDataException;
import java.sql.Types;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class ResultSetNumberConversionTest extends WithFakeConnection {

    @Test
    void integralGettersReadEveryNumericColumn() throws Exception {
        ResultSet rs = allTypesRow(false);
        assertThat(rs.getByte("S")).isEqualTo((byte) 12);
        assertThat(rs.getShort("I")).isEqualTo((short) 42);
        assertThat(rs.getInt("S")).isEqualTo(12);
        assertThat(rs.getLong("L")).isEqualTo(1L << 40);
        assertThat(rs.getLong("I")).isEqualTo(42L);
    }

    @Test
    void fractionsAreTruncatedTowardZeroForIntegralGetters() throws Exception {
        ResultSet rs = allTypesRow(false);
        assertThat(rs.getInt("D")).isEqualTo(12);
        assertThat(rs.getLong("F")).isEqualTo(2);
        assertThat(rs.getShort("R")).isEqualTo((short) 1);
        assertThat(single(new BigDecimal("-7.9"), Types.DECIMAL).getInt(1)).isEqualTo(-7);
        assertThat(single(-2.99, Types.DOUBLE).getLong(1)).isEqualTo(-2);
    }

    @Test
    void valueBeyondTheGettersRangeIs22003() throws Exception {
        ResultSet rs = allTypesRow(false);
        assertSqlState(() -> rs.getInt("L"), "22003").isInstanceOf(SQLDataException.class);
        assertSqlState(() -> single(300, Types.INTEGER).getByte(1), "22003");
        assertSqlState(() -> single(40_000, Types.INTEGER).getShort(1), "22003");
        assertSqlState(() -> single(new BigDecimal("9223372036854775808"), Types.DECIMAL).getLong(1), "22003");
        assertSqlState(() -> single(new BigDecimal("1e999999999"), Types.DECIMAL).getLong(1), "22003");
        assertSqlState(() -> single(Double.NaN, Types.DOUBLE).getInt(1), "22003");
        assertSqlState(() -> single(1e300, Types.DOUBLE).getFloat(1), "22003");
        assertSqlState(() -> single(new BigDecimal("1e400"), Types.DECIMAL).getDouble(1), "22003");
    }

    @Test
    void rangeEdgesAreAccepted() throws Exception {
        assertThat(single((long) Integer.MIN_VALUE, Types.BIGINT).getInt(1)).isEqualTo(Integer.MIN_VALUE);
        assertThat(single(new BigDecimal("9223372036854775807.9"), Types.DECIMAL).getLong(1)).isEqualTo(Long.MAX_VALUE);
        assertThat(single(127, Types.INTEGER).getByte(1)).isEqualTo((byte) 127);
    }

    @Test
    void floatingPointGettersReadEveryNumericColumn() throws Exception {
        ResultSet rs = allTypesRow(false);
        assertThat(rs.getFloat("R")).isEqualTo(1.5f);
        assertThat(rs.getDouble("F")).isEqualTo(2.25);
        assertThat(rs.getDouble("D")).isEqualTo(12.5);
        assertThat(rs.getFloat("L")).isEqualTo((float) (1L << 40));
        assertThat(rs.getDouble("S")).isEqualTo(12.0);
    }

    @Test
    void bigDecimalKeepsExactValuesAndShortestDecimalOfFloats() throws Exception {
        ResultSet rs = allTypesRow(false);
        assertThat(rs.getBigDecimal("D")).isEqualByComparingTo("12.50").hasScaleOf(2);
        assertThat(rs.getBigDecimal("L")).isEqualTo(BigDecimal.valueOf(1L << 40));
        assertThat(single(0.1f, Types.REAL).getBigDecimal(1)).isEqualTo(new BigDecimal("0.1"));
        assertThat(single(0.1, Types.DOUBLE).getBigDecimal(1)).isEqualTo(new BigDecimal("0.1"));
        assertSqlState(() -> single(Double.POSITIVE_INFINITY, Types.DOUBLE).getBigDecimal(1), "22003");
    }

    @SuppressWarnings("deprecation")
    @Test
    void bigDecimalWithScaleRoundsHalfUp() throws Exception {
        ResultSet rs = single(new BigDecimal("2.345"), Types.DECIMAL);
        assertThat(rs.getBigDecimal(1, 2)).isEqualTo(new BigDecimal("2.35"));
        assertThat(rs.getBigDecimal("X", 0)).isEqualTo(new BigDecimal("2"));
    }

    @Test
    void textIsReadAsANumber() throws Exception {
        assertThat(single(" 42 ", Types.VARCHAR).getInt(1)).isEqualTo(42);
        assertThat(single("-1.5e2", Types.VARCHAR).getLong(1)).isEqualTo(-150);
        assertThat(single("1.50", Types.VARCHAR).getBigDecimal(1)).isEqualTo(new BigDecimal("1.50"));
        assertThat(single("2.5", Types.VARCHAR).getDouble(1)).isEqualTo(2.5);
        assertThat(single("NaN", Types.VARCHAR).getDouble(1)).isNaN();
        assertThat(single("-Infinity", Types.VARCHAR).getFloat(1)).isEqualTo(Float.NEGATIVE_INFINITY);
    }

    @Test
    void textThatIsNotANumberIs22P02() throws Exception {
        ResultSet rs = single("4x", Types.VARCHAR);
        assertSqlState(() -> rs.getInt(1), "22P02").isInstanceOf(SQLDataException.class);
        assertSqlState(() -> rs.getDouble(1), "22P02");
        assertSqlState(() -> rs.getBigDecimal(1), "22P02");
        // Java-only spellings are not numbers in SQL.
        assertSqlState(() -> single("1.5f", Types.VARCHAR).getDouble(1), "22P02");
        assertSqlState(() -> single("NaN", Types.VARCHAR).getInt(1), "22P02");
    }

    @Test
    void conversionErrorMessagesNameTypesButNotValues() throws Exception {
        assertSqlState(() -> single("secret-4x", Types.VARCHAR).getInt(1), "22P02")
                .hasMessageNotContaining("secret")
                .hasMessageContaining("int");
    }

    @Test
    void booleansReadAsOneAndZero() throws Exception {
        assertThat(allTypesRow(false).getInt("B")).isEqualTo(1);
        assertThat(single(false, Types.BOOLEAN).getLong(1)).isZero();
        assertThat(single(true, Types.BOOLEAN).getBigDecimal(1)).isEqualTo(BigDecimal.ONE);
        assertThat(single(true, Types.BOOLEAN).getDouble(1)).isEqualTo(1.0);
    }

    @Test
    void nonNumericTypesAreNotNumbers() throws Exception {
        ResultSet rs = single(LocalDate.of(2024, 1, 1), Types.DATE);
        assertSqlState(() -> rs.getInt(1), "22000").isInstanceOf(SQLDataException.class).hasMessageContaining("DATE");
        assertSqlState(() -> rs.getDouble(1), "22000");
        assertSqlState(() -> single(new byte[] {1}, Types.VARBINARY).getLong(1), "22000");
    }
}

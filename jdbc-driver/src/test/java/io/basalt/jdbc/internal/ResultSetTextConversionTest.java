package io.basalt.jdbc.internal;

import static io.basalt.jdbc.internal.SqlAssertions.assertSqlState;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.Reader;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.Types;
import java.time.LocalDateTime;
import java.time.LocalTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ResultSetTextConversionTest extends WithFakeConnection {

    @Test
    void everyTypeReadsAsPostgresLikeText() throws Exception {
        ResultSet rs = allTypesRow(false);
        assertThat(rs.getString("B")).isEqualTo("true");
        assertThat(rs.getString("S")).isEqualTo("12");
        assertThat(rs.getString("I")).isEqualTo("42");
        assertThat(rs.getString("L")).isEqualTo("1099511627776");
        assertThat(rs.getString("D")).isEqualTo("12.50");
        assertThat(rs.getString("R")).isEqualTo("1.5");
        assertThat(rs.getString("F")).isEqualTo("2.25");
        assertThat(rs.getString("V")).isEqualTo("hello");
        assertThat(rs.getString("DT")).isEqualTo("2024-02-29");
        assertThat(rs.getString("TM")).isEqualTo("13:45:30.123");
        assertThat(rs.getString("TS")).isEqualTo("2024-02-29 13:45:30.5");
        assertThat(rs.getString("BIN")).isEqualTo("\\x0102ab");
    }

    @Test
    void decimalTextIsPlainEvenWithAnExponent() throws Exception {
        assertThat(single(new BigDecimal("1E+3"), Types.DECIMAL).getString(1)).isEqualTo("1000");
    }

    @Test
    void timeTextAlwaysHasSecondsAndNoTrailingFractionZeros() throws Exception {
        assertThat(single(LocalTime.of(9, 5), Types.TIME).getString(1)).isEqualTo("09:05:00");
        assertThat(single(LocalDateTime.of(2024, 1, 2, 3, 4, 5), Types.TIMESTAMP).getString(1))
                .isEqualTo("2024-01-02 03:04:05");
        assertThat(single(LocalTime.of(0, 0, 0, 1), Types.TIME).getString(1)).isEqualTo("00:00:00.000000001");
    }

    @Test
    void nStringAndCharacterStreamReadTheSameText() throws Exception {
        ResultSet rs = allTypesRow(false);
        assertThat(rs.getNString("V")).isEqualTo("hello");
        try (Reader reader = rs.getCharacterStream("V")) {
            char[] buffer = new char[10];
            assertThat(new String(buffer, 0, reader.read(buffer))).isEqualTo("hello");
        }
        assertThat(rs.getAsciiStream("V").readAllBytes()).isEqualTo("hello".getBytes());
    }

    @ParameterizedTest
    @CsvSource({"true,true", "t,true", "TRUE,true", "' 1 ',true", "false,false", "f,false", "F,false", "0,false"})
    void textReadsAsBoolean(String text, boolean expected) throws Exception {
        assertThat(single(text, Types.VARCHAR).getBoolean(1)).isEqualTo(expected);
    }

    @Test
    void textThatIsNotABooleanIs22P02() throws Exception {
        assertSqlState(() -> single("yes", Types.VARCHAR).getBoolean(1), "22P02");
        assertSqlState(() -> single("2", Types.VARCHAR).getBoolean(1), "22P02");
    }

    @Test
    void numbersReadAsBooleanOnlyWhenZeroOrOne() throws Exception {
        assertThat(single(1, Types.INTEGER).getBoolean(1)).isTrue();
        assertThat(single((short) 0, Types.SMALLINT).getBoolean(1)).isFalse();
        assertThat(single(new BigDecimal("1.00"), Types.DECIMAL).getBoolean(1)).isTrue();
        assertSqlState(() -> single(2L, Types.BIGINT).getBoolean(1), "22003");
    }

    @Test
    void bytesAreACopyOfTheValue() throws Exception {
        ResultSet rs = allTypesRow(false);
        byte[] first = rs.getBytes("BIN");
        first[0] = 99;
        assertThat(rs.getBytes("BIN")).containsExactly(1, 2, 0xAB);
        assertThat(rs.getBinaryStream("BIN").readAllBytes()).containsExactly(1, 2, 0xAB);
    }

    @Test
    void onlyBinaryColumnsReadAsBytes() throws Exception {
        assertSqlState(() -> allTypesRow(false).getBytes("V"), "22000").hasMessageContaining("VARCHAR");
    }
}

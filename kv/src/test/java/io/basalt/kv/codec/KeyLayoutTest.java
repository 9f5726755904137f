package io.basalt.kv.codec;

import static io.basalt.kv.codec.SortOrder.ASCENDING;
import static io.basalt.kv.codec.SortOrder.DESCENDING;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.Arrays;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/**
 * Pins exact key bytes. Keys are stored on disk and define the order of every index, so a
 * format change must be deliberate: if one of these fails, you changed the on-disk format.
 */
class KeyLayoutTest {

    @Test
    void nullAndBooleansAreOneTagByte() {
        assertThat(hex(null, ASCENDING)).isEqualTo("05");
        assertThat(hex(null, DESCENDING)).isEqualTo("fa");
        assertThat(hex(false, ASCENDING)).isEqualTo("10");
        assertThat(hex(true, ASCENDING)).isEqualTo("11");
    }

    @Test
    void integersUseTheFewestBytesTheirTagAnnounces() {
        assertThat(hex(0L, ASCENDING)).isEqualTo("29");
        assertThat(hex(1L, ASCENDING)).isEqualTo("2a01");
        assertThat(hex(-1L, ASCENDING)).isEqualTo("28");
        assertThat(hex(255L, ASCENDING)).isEqualTo("2aff");
        assertThat(hex(256L, ASCENDING)).isEqualTo("2b0100");
        assertThat(hex(-256L, ASCENDING)).isEqualTo("2700");
        assertThat(hex(-257L, ASCENDING)).isEqualTo("26feff");
        assertThat(hex(Long.MAX_VALUE, ASCENDING)).isEqualTo("317fffffffffffffff");
        assertThat(hex(Long.MIN_VALUE, ASCENDING)).isEqualTo("208000000000000000");
        assertThat(hex(1L, DESCENDING)).isEqualTo("d5fe");
    }

    @Test
    void stringsAreEscapedAndTerminated() {
        assertThat(hex("", ASCENDING)).isEqualTo("600001");
        assertThat(hex("a", ASCENDING)).isEqualTo("60610001");
        assertThat(hex("a\0b", ASCENDING)).isEqualTo("606100ff620001");
        assertThat(hex("a", DESCENDING)).isEqualTo("9f9efffe");
        assertThat(hex("\u00e9", ASCENDING)).isEqualTo("60c3a90001");
        assertThat(hex(new byte[] {0, 1}, ASCENDING)).isEqualTo("6100ff010001");
    }

    @Test
    void decimalsAreNormalisedExponentAndDigitPairs() {
        assertThat(hex(new BigDecimal("1"), ASCENDING)).isEqualTo("422a010b00");
        assertThat(hex(new BigDecimal("12.5"), ASCENDING)).isEqualTo("422a020d3300");
        assertThat(hex(new BigDecimal("0.01"), ASCENDING)).isEqualTo("42280b00");
        assertThat(hex(new BigDecimal("-1"), ASCENDING)).isEqualTo("40d5fef4ff");
        assertThat(hex(new BigDecimal("0.000"), ASCENDING)).isEqualTo("41");
        assertThat(hex(new BigDecimal("1.00"), ASCENDING)).isEqualTo(hex(new BigDecimal("1.0"), ASCENDING));
        assertThat(hex(new BigDecimal("1E+2"), ASCENDING)).isEqualTo(hex(new BigDecimal("100.000"), ASCENDING));
    }

    @Test
    void doublesAreSignFlippedBitsWithCanonicalZeroAndNaN() {
        assertThat(hex(0.0, ASCENDING)).isEqualTo("508000000000000000");
        assertThat(hex(-0.0, ASCENDING)).isEqualTo("508000000000000000");
        assertThat(hex(1.0, ASCENDING)).isEqualTo("50bff0000000000000");
        assertThat(hex(-1.0, ASCENDING)).isEqualTo("50400fffffffffffff");
        assertThat(hex(Double.POSITIVE_INFINITY, ASCENDING)).isEqualTo("50fff0000000000000");
        assertThat(hex(Double.NaN, ASCENDING)).isEqualTo("50fff8000000000000");
        assertThat(hex(Double.longBitsToDouble(0xFFF8_0000_0000_0001L), ASCENDING)).isEqualTo("50fff8000000000000");
    }

    @Test
    void temporalValuesAreTaggedIntegers() {
        assertThat(hex(LocalDate.of(1970, 1, 1), ASCENDING)).isEqualTo("7029");
        assertThat(hex(LocalDate.of(1969, 12, 31), ASCENDING)).isEqualTo("7028");
        assertThat(hex(LocalTime.MIDNIGHT.plusNanos(1), ASCENDING)).isEqualTo("712a01");
        assertThat(hex(LocalDateTime.of(1970, 1, 1, 0, 0), ASCENDING)).isEqualTo("722929");
        assertThat(hex(LocalDateTime.of(1969, 12, 31, 23, 59, 59, 999_999_999), ASCENDING))
                .isEqualTo("72282d3b9ac9ff");
    }

    @Test
    void tupleIsTheConcatenationOfItsFields() {
        byte[] key = new KeyEncoder().writeLong(3).writeString("abc").writeLong(12, DESCENDING).toByteArray();
        assertThat(HexFormat.of().formatHex(key)).isEqualTo("2a03" + "6061626300" + "01" + "d5f3");
    }

    /** Java's String.compareTo puts U+1F600 (a surrogate pair) before U+FFFF; SQL's C collation does not. */
    @Test
    void supplementaryCharactersSortByCodePointNotUtf16() {
        String astral = "\uD83D\uDE00";
        assertThat(astral.compareTo("\uFFFF")).isNegative();
        assertThat(Arrays.compareUnsigned(SqlValues.encode(astral, ASCENDING), SqlValues.encode("\uFFFF", ASCENDING)))
                .isPositive();
        assertThat(Arrays.compareUnsigned(SqlValues.encode(astral, ASCENDING), SqlValues.encode("\uE000", ASCENDING)))
                .isPositive();
    }

    @Test
    void decimalsWithExtremeExponentsRoundTripAndSort() {
        BigDecimal tiny = new BigDecimal(BigInteger.ONE, Integer.MAX_VALUE);
        BigDecimal huge = new BigDecimal(BigInteger.ONE, Integer.MIN_VALUE);
        for (BigDecimal value : new BigDecimal[] {tiny, huge, new BigDecimal("1E-100"), new BigDecimal("-1E+100")}) {
            assertThat(new KeyDecoder(SqlValues.encode(value, ASCENDING)).readDecimal(ASCENDING)).isEqualTo(value);
        }
        assertThat(Arrays.compareUnsigned(SqlValues.encode(tiny, ASCENDING), SqlValues.encode(huge, ASCENDING)))
                .isNegative();
    }

    @Test
    void decimalWhoseNormalisedScaleOverflowsIsRejected() {
        BigDecimal tooBig = new BigDecimal(BigInteger.TEN, Integer.MIN_VALUE);
        assertThatThrownBy(() -> new KeyEncoder().writeDecimal(tooBig))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("exponent");
    }

    @Test
    void unencodableValuesAreRejectedAndLeaveTheKeyAsItWas() {
        KeyEncoder encoder = new KeyEncoder().writeLong(1);
        assertThatThrownBy(() -> encoder.writeString("a\uD800b"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("surrogate");
        assertThatThrownBy(() -> encoder.writeValue(new Object()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(HexFormat.of().formatHex(encoder.writeLong(2).toByteArray())).isEqualTo("2a012a02");
    }

    @Test
    void encoderIsReusableAfterReset() {
        KeyEncoder encoder = new KeyEncoder(1);
        encoder.writeString("a long string that forces the buffer to grow");
        encoder.reset().writeRawBytes(new byte[] {0x2a, 0x01}).writeNull();
        assertThat(encoder.length()).isEqualTo(3);
        assertThat(HexFormat.of().formatHex(encoder.toByteArray())).isEqualTo("2a0105");
    }

    private static String hex(Object value, SortOrder order) {
        return HexFormat.of().formatHex(SqlValues.encode(value, order));
    }
}

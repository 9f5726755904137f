package io.basalt.kv.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/** Pins the row value format (it is stored on disk) and the encoder's argument checks. */
class ValueLayoutTest {

    @Test
    void denseColumnsCostOneHeaderByteAndAbsentColumnsNothing() {
        byte[] record = new ValueEncoder()
                .writeColumn(0, 7).writeColumn(1, "a").writeColumn(5, null).writeColumn(6, true)
                .toByteArray();
        assertThat(hex(record)).isEqualTo("01" + "000e" + "060161" + "42");
    }

    @Test
    void eachTypeHasItsPinnedPayload() {
        assertThat(hexOf(-1L)).isEqualTo("010001");
        assertThat(hexOf(64)).isEqualTo("01008001");
        assertThat(hexOf(false)).isEqualTo("0101");
        assertThat(hexOf(new BigDecimal("-1.50"))).isEqualTo("010304" + "02" + "ff6a");
        assertThat(hexOf(1.0)).isEqualTo("0104" + "3ff0000000000000");
        assertThat(hexOf(1.0f)).isEqualTo("0105" + "3f800000");
        assertThat(hexOf(new byte[] {0, 1})).isEqualTo("0107" + "02" + "0001");
        assertThat(hexOf(LocalDate.of(1969, 12, 31))).isEqualTo("010801");
        assertThat(hexOf(LocalTime.MIDNIGHT.plusNanos(1))).isEqualTo("010901");
        assertThat(hexOf(LocalDateTime.of(1969, 12, 31, 23, 59, 59, 5))).isEqualTo("010a" + "01" + "05");
    }

    @Test
    void rowWithOnlyNullsIsTheVersionByte() {
        byte[] record = new ValueEncoder().writeColumn(0, null).writeColumn(9, null).toByteArray();
        assertThat(hex(record)).isEqualTo("01");
        assertThat(new ValueDecoder(record).next()).isFalse();
    }

    @Test
    void farColumnIdsCostALongerHeader() {
        byte[] record = new ValueEncoder().writeColumn(1000, 0).toByteArray();
        // header = 1000 << 4 | 0 = 16000 = varint 80 7d
        assertThat(hex(record)).isEqualTo("01" + "807d" + "00");
        ValueDecoder decoder = new ValueDecoder(record);
        assertThat(decoder.next()).isTrue();
        assertThat(decoder.columnId()).isEqualTo(1000);
    }

    @Test
    void valuesComeBackWithTheirStoredType() {
        ValueDecoder decoder = new ValueDecoder(new ValueEncoder()
                .writeColumn(0, (short) 3).writeColumn(1, 2.5f).writeColumn(2, -0.0).toByteArray());
        assertThat(decoder.next()).isTrue();
        assertThat(decoder.value()).isEqualTo(3L);
        assertThat(decoder.next()).isTrue();
        assertThat(decoder.value()).isEqualTo(2.5f);
        assertThat(decoder.next()).isTrue();
        assertThat(decoder.value()).isEqualTo(-0.0);
        assertThat(decoder.next()).isFalse();
    }

    @Test
    void columnIdsMustIncrease() {
        ValueEncoder encoder = new ValueEncoder().writeColumn(4, null);
        assertThatThrownBy(() -> encoder.writeColumn(4, 1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("increase");
        assertThatThrownBy(() -> new ValueEncoder().writeColumn(-1, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThat(hex(encoder.reset().writeColumn(0, 1).toByteArray())).isEqualTo("010002");
    }

    @Test
    void unsupportedValuesAreRejectedAndLeaveTheRecordAsItWas() {
        ValueEncoder encoder = new ValueEncoder().writeColumn(0, 1);
        assertThatThrownBy(() -> encoder.writeColumn(1, new Object()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> encoder.writeColumn(1, "\uDC00"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("surrogate");
        // Column 1 can still be written, and its header still counts from column 0.
        assertThat(hex(encoder.writeColumn(1, 2).toByteArray())).isEqualTo("010002" + "0004");
    }

    @Test
    void unknownVersionOrTypeIsRejected() {
        assertThatThrownBy(() -> new ValueDecoder(new byte[] {0x02})).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("version");
        assertThatThrownBy(() -> new ValueDecoder(new byte[0])).isInstanceOf(IllegalArgumentException.class);
        ValueDecoder decoder = new ValueDecoder(new byte[] {0x01, 0x0C});
        assertThatThrownBy(decoder::next).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("type 12");
    }

    @Test
    void anExplicitNullIsOneHeaderAndDecodesAsPresentAndNull() {
        byte[] record = new ValueEncoder().writeColumn(0, 7).writeNull(2).writeColumn(3, 1).toByteArray();
        assertThat(hex(record)).isEqualTo("01" + "000e" + "1b" + "0002");

        Object[] row = new Object[5];
        Object[] absent = {"m0", "m1", "m2", "m3", "m4"};
        // Slots 0..4 for ids 0..4: id 1 and 4 are absent and take the given values, id 2 is NULL.
        new ValueDecoder(record).decodeInto(new int[] {0, 1, 2, 3, 4}, row, absent);
        assertThat(row).containsExactly(7L, "m1", null, 1L, "m4");
        new ValueDecoder(record).decodeInto(new int[] {0, 1, 2, 3, 4}, row);
        assertThat(row).containsExactly(7L, null, null, 1L, null);
    }

    @Test
    void valueBeforeNextIsAnError() {
        ValueDecoder decoder = new ValueDecoder(new byte[] {0x01});
        assertThatThrownBy(decoder::value).isInstanceOf(IllegalStateException.class);
    }

    private static String hexOf(Object value) {
        return hex(new ValueEncoder().writeColumn(0, value).toByteArray());
    }

    private static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }
}

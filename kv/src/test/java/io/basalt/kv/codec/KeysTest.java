package io.basalt.kv.codec;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Arrays;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.Tuple.Tuple2;
import org.junit.jupiter.api.Test;

class KeysTest {

    /**
     * prefixEnd is the exclusive end of a prefix scan: every key with the prefix sorts below
     * it, and every key above the prefix without it sorts at or above it.
     */
    @Property
    void prefixEndBoundsExactlyTheKeysWithThePrefix(@ForAll("prefixAndKey") Tuple2<byte[], byte[]> pair) {
        byte[] prefix = pair.get1();
        byte[] key = pair.get2();
        byte[] end = Keys.prefixEnd(prefix);
        boolean allFF = true;
        for (byte b : prefix) {
            allFF &= b == (byte) 0xFF;
        }
        assertThat(end == null).as("no upper bound only for an empty or all-FF prefix").isEqualTo(allFF);
        if (startsWith(key, prefix)) {
            assertThat(end == null || Arrays.compareUnsigned(key, end) < 0).as("key with prefix below end").isTrue();
        } else if (Arrays.compareUnsigned(key, prefix) > 0) {
            assertThat(end).isNotNull();
            assertThat(Arrays.compareUnsigned(end, key)).as("end not above the next key").isLessThanOrEqualTo(0);
        }
    }

    @Test
    void prefixEndIncrementsTheLastByteBelowFF() {
        assertThat(Keys.prefixEnd(new byte[] {0x61})).containsExactly(0x62);
        assertThat(Keys.prefixEnd(new byte[] {0x61, (byte) 0xFF, (byte) 0xFF})).containsExactly(0x62);
        assertThat(Keys.prefixEnd(new byte[] {0x61, (byte) 0xFE})).containsExactly(0x61, (byte) 0xFF);
        assertThat(Keys.prefixEnd(new byte[0])).isNull();
        assertThat(Keys.prefixEnd(new byte[] {(byte) 0xFF, (byte) 0xFF})).isNull();
    }

    @Test
    void prefixEndOfATableIdCoversItsRows() {
        byte[] table = new KeyEncoder().writeLong(7).toByteArray();
        byte[] lastRow = new KeyEncoder().writeLong(7).writeLong(Long.MAX_VALUE).writeString("\uDBFF\uDFFF")
                .toByteArray();
        byte[] nextTable = new KeyEncoder().writeLong(8).toByteArray();
        byte[] end = Keys.prefixEnd(table);
        assertThat(Arrays.compareUnsigned(lastRow, end)).isNegative();
        assertThat(Arrays.compareUnsigned(end, nextTable)).isLessThanOrEqualTo(0);
    }

    @Test
    void debugStringShowsEachField() {
        byte[] key = new KeyEncoder().writeLong(3).writeString("abc").writeLong(12).writeNull()
                .writeDecimal(new BigDecimal("1.50")).writeBytes(new byte[] {0, (byte) 0xFF})
                .writeDate(LocalDate.of(2024, 2, 29)).writeTimestamp(LocalDateTime.of(1969, 7, 20, 20, 17, 40, 5))
                .writeBoolean(true).toByteArray();
        assertThat(Keys.toDebugString(key))
                .isEqualTo("/3/\"abc\"/12/NULL/1.5/x'00ff'/2024-02-29/1969-07-20T20:17:40.000000005/true");
    }

    @Test
    void debugStringMarksDescendingFieldsAndEscapesStrings() {
        byte[] key = new KeyEncoder().writeLong(3).writeString("a\"b\0", SortOrder.DESCENDING).toByteArray();
        assertThat(Keys.toDebugString(key)).isEqualTo("/3/\"a\\\"b\\u0000\"(desc)");
    }

    @Test
    void debugStringFallsBackToHexForWhatDoesNotDecode() {
        byte[] key = new KeyEncoder().writeLong(3).writeRawBytes(new byte[] {0x00, 0x01, 0x02}).toByteArray();
        assertThat(Keys.toDebugString(key)).isEqualTo("/3/?000102");
        assertThat(Keys.toDebugString(new byte[0])).isEqualTo("/");
    }

    @Property
    void debugStringNeverThrows(@ForAll byte[] bytes) {
        assertThat(Keys.toDebugString(bytes)).startsWith("/");
    }

    private static boolean startsWith(byte[] key, byte[] prefix) {
        return key.length >= prefix.length && Arrays.equals(key, 0, prefix.length, prefix, 0, prefix.length);
    }

    @Provide
    Arbitrary<Tuple2<byte[], byte[]>> prefixAndKey() {
        Arbitrary<Byte> edgy = Arbitraries.frequencyOf(
                Tuple.of(3, Arbitraries.of((byte) 0x00, (byte) 0x01, (byte) 0x7F, (byte) 0xFE, (byte) 0xFF)),
                Tuple.of(1, Arbitraries.bytes()));
        Arbitrary<byte[]> prefixes = edgy.array(byte[].class).ofMaxSize(4);
        Arbitrary<byte[]> suffixes = edgy.array(byte[].class).ofMaxSize(4);
        return Combinators.combine(prefixes, suffixes, Arbitraries.integers().between(0, 2)).as((p, s, mode) -> {
            byte[] base = mode == 1 && p.length > 0 ? Arrays.copyOf(p, p.length - 1) : p;
            byte[] key = mode == 2 ? s : concat(base, s);
            return Tuple.of(p, key);
        });
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}

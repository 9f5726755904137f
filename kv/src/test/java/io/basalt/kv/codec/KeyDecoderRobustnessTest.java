package io.basalt.kv.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.util.Arrays;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/**
 * Keys come back from disk and from other nodes, so a decoder fed the wrong type, truncated or
 * garbage bytes must fail with IllegalArgumentException and nothing else: no
 * ArrayIndexOutOfBounds, no DateTimeException, no endless loop.
 */
class KeyDecoderRobustnessTest {

    @Property
    void garbageIsDecodedOrRejectedWithIllegalArgument(@ForAll("garbage") byte[] bytes, @ForAll SortOrder order) {
        assertOnlyIllegalArgument(() -> readAll(bytes, order));
        assertOnlyIllegalArgument(() -> skipAll(bytes, order));
    }

    /** Valid keys with one byte changed: near misses exercise the checks deeper inside each field. */
    @Property
    void mutatedKeysAreDecodedOrRejectedWithIllegalArgument(@ForAll("anyValue") Object value, @ForAll SortOrder order,
            @ForAll @IntRange(min = 0, max = 63) int where, @ForAll byte replacement) {
        byte[] key = new KeyEncoder().writeValue(value, order).writeString("tail", order).toByteArray();
        key[where % key.length] = replacement;
        assertOnlyIllegalArgument(() -> readAll(key, order));
    }

    /** Follows from prefix-freeness: a proper prefix of a field's encoding is never a whole field. */
    @Property
    void truncatedFieldIsRejected(@ForAll("anyValue") Object value, @ForAll SortOrder order,
            @ForAll @IntRange(min = 0, max = 1000) int cut) {
        byte[] key = SqlValues.encode(value, order);
        byte[] truncated = Arrays.copyOf(key, cut % key.length);
        assertThatThrownBy(() -> new KeyDecoder(truncated).readValue(order))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new KeyDecoder(truncated).skip(order))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Property
    void readingTheWrongFamilyIsRejectedWithoutConsuming(@ForAll("anyValue") Object value, @ForAll SortOrder order) {
        byte[] key = SqlValues.encode(value, order);
        KeyDecoder decoder = new KeyDecoder(key);
        KeyType actual = decoder.peekType(order);
        KeyType wrong = actual == KeyType.STRING ? KeyType.DATE : KeyType.STRING;
        assertThatThrownBy(() -> read(decoder, wrong, order))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(wrong.toString())
                .hasMessageContaining(actual.toString());
        assertThat(decoder.position()).isZero();
        assertThat(SqlValues.sameKeyValue(value, decoder.readValue(order))).isTrue();
    }

    @Property(tries = 200)
    void readingInTheWrongDirectionIsRejected(@ForAll("anyValue") Object value, @ForAll SortOrder order) {
        SortOrder other = order == SortOrder.ASCENDING ? SortOrder.DESCENDING : SortOrder.ASCENDING;
        assertThatThrownBy(() -> new KeyDecoder(SqlValues.encode(value, order)).readValue(other))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void emptyKeyHasNoField() {
        KeyDecoder decoder = new KeyDecoder(new byte[0]);
        assertThat(decoder.hasRemaining()).isFalse();
        assertThat(decoder.tryReadNull(SortOrder.ASCENDING)).isFalse();
        assertThatThrownBy(() -> decoder.readLong(SortOrder.ASCENDING))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("ends");
    }

    @Test
    void nonMinimalIntegersAreRejected() {
        // 1 written with two bytes, and -1 written with one byte, are not what the encoder writes.
        assertThatThrownBy(() -> new KeyDecoder(new byte[] {0x2B, 0x00, 0x01}).readLong(SortOrder.ASCENDING))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new KeyDecoder(new byte[] {0x27, (byte) 0xFF}).readLong(SortOrder.ASCENDING))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void tryReadNullLeavesOtherFieldsAlone() {
        KeyDecoder decoder = new KeyDecoder(new KeyEncoder().writeLong(7).writeNull().toByteArray());
        assertThat(decoder.tryReadNull(SortOrder.ASCENDING)).isFalse();
        assertThat(decoder.readLong(SortOrder.ASCENDING)).isEqualTo(7);
        assertThat(decoder.tryReadNull(SortOrder.ASCENDING)).isTrue();
        assertThat(decoder.hasRemaining()).isFalse();
    }

    private static void readAll(byte[] bytes, SortOrder order) {
        KeyDecoder decoder = new KeyDecoder(bytes);
        while (decoder.hasRemaining()) {
            decoder.readValue(order);
        }
    }

    private static void skipAll(byte[] bytes, SortOrder order) {
        KeyDecoder decoder = new KeyDecoder(bytes);
        while (decoder.hasRemaining()) {
            decoder.skip(order);
        }
    }

    private static Object read(KeyDecoder decoder, KeyType type, SortOrder order) {
        return type == KeyType.STRING ? decoder.readString(order) : decoder.readDate(order);
    }

    private static void assertOnlyIllegalArgument(Runnable decode) {
        Throwable thrown = catchThrowable(decode::run);
        if (thrown != null) {
            assertThat(thrown).isInstanceOf(IllegalArgumentException.class);
        }
    }

    /** Random bytes, biased towards valid tags of both directions so decoding gets past the first byte. */
    @Provide
    Arbitrary<byte[]> garbage() {
        List<Byte> tags = List.of((byte) 0x05, (byte) 0x10, (byte) 0x20, (byte) 0x28, (byte) 0x29, (byte) 0x31,
                (byte) 0x40, (byte) 0x42, (byte) 0x50, (byte) 0x60, (byte) 0x61, (byte) 0x70, (byte) 0x71,
                (byte) 0x72, (byte) 0x00, (byte) 0x01, (byte) 0xFF, (byte) 0xD6, (byte) 0x9F, (byte) 0xBD);
        Arbitrary<Byte> b = Arbitraries.frequencyOf(
                Tuple.of(1, Arbitraries.of(tags)), Tuple.of(1, Arbitraries.bytes()));
        return b.array(byte[].class).ofMaxSize(24);
    }

    @Provide
    Arbitrary<Object> anyValue() {
        return SqlValues.anyNonNull().injectNull(0.05);
    }
}

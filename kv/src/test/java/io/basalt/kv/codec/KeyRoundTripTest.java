package io.basalt.kv.codec;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** decode(encode(x)) == x for every family and both directions, through typed and generic readers. */
class KeyRoundTripTest {

    @Property
    void integersRoundTrip(@ForAll("integers") Object value, @ForAll SortOrder order) {
        assertRoundTrip(value, order);
    }

    @Property
    void decimalsRoundTripNormalised(@ForAll("decimals") Object value, @ForAll SortOrder order) {
        assertRoundTrip(value, order);
    }

    @Property
    void doublesRoundTripWithNegativeZeroAsZero(@ForAll("doubles") Object value, @ForAll SortOrder order) {
        assertRoundTrip(value, order);
    }

    @Property
    void stringsRoundTrip(@ForAll("strings") Object value, @ForAll SortOrder order) {
        assertRoundTrip(value, order);
    }

    @Property
    void bytesRoundTrip(@ForAll("byteArrays") Object value, @ForAll SortOrder order) {
        assertRoundTrip(value, order);
    }

    @Property
    void temporalValuesRoundTrip(@ForAll("temporals") Object value, @ForAll SortOrder order) {
        assertRoundTrip(value, order);
    }

    @Property(tries = 200)
    void booleansAndNullRoundTrip(@ForAll("booleansOrNull") Object value, @ForAll SortOrder order) {
        assertRoundTrip(value, order);
    }

    @Property
    void bytesOfEveryWidthRoundTripThroughReadLong(@ForAll byte value, @ForAll SortOrder order) {
        assertThat(new KeyDecoder(SqlValues.encode(value, order)).readLong(order)).isEqualTo(value);
    }

    @Property
    void shortsRoundTripThroughReadLong(@ForAll short value, @ForAll SortOrder order) {
        assertThat(new KeyDecoder(SqlValues.encode(value, order)).readLong(order)).isEqualTo(value);
    }

    @Property
    void intsRoundTripThroughReadLong(@ForAll int value, @ForAll SortOrder order) {
        assertThat(new KeyDecoder(SqlValues.encode(value, order)).readLong(order)).isEqualTo(value);
    }

    @Property
    void longsRoundTripThroughReadLong(@ForAll long value, @ForAll SortOrder order) {
        assertThat(new KeyDecoder(SqlValues.encode(value, order)).readLong(order)).isEqualTo(value);
    }

    @Property
    void floatsRoundTripAsWidenedDoubles(@ForAll float value, @ForAll SortOrder order) {
        double decoded = new KeyDecoder(SqlValues.encode(value, order)).readDouble(order);
        assertThat(Double.compare(decoded, value == 0.0f ? 0.0 : (double) value)).isZero();
    }

    /** skip() must consume exactly one field, or every later field of the key would be misread. */
    @Property
    void skipConsumesExactlyOneField(@ForAll("anyValue") Object value, @ForAll SortOrder order, @ForAll long next) {
        byte[] key = new KeyEncoder().writeValue(value, order).writeLong(next).toByteArray();
        KeyDecoder decoder = new KeyDecoder(key);
        decoder.skip(order);
        assertThat(decoder.readLong(SortOrder.ASCENDING)).isEqualTo(next);
        assertThat(decoder.hasRemaining()).isFalse();
    }

    /** A key embedded in a larger array decodes the same; position() reports indexes into that array. */
    @Property
    void decodesFromAnOffsetWithinALargerArray(@ForAll("anyValue") Object value, @ForAll SortOrder order) {
        byte[] field = SqlValues.encode(value, order);
        byte[] padded = new byte[field.length + 6];
        System.arraycopy(field, 0, padded, 3, field.length);
        KeyDecoder decoder = new KeyDecoder(padded, 3, field.length);
        assertThat(SqlValues.sameKeyValue(value, decoder.readValue(order))).isTrue();
        assertThat(decoder.position()).isEqualTo(3 + field.length);
        assertThat(decoder.hasRemaining()).isFalse();
    }

    private static void assertRoundTrip(Object value, SortOrder order) {
        byte[] key = SqlValues.encode(value, order);

        KeyDecoder generic = new KeyDecoder(key);
        Object decoded = generic.readValue(order);
        assertThat(SqlValues.sameKeyValue(value, decoded))
                .as("%s %s decoded as %s", order, SqlValues.render(value), SqlValues.render(decoded))
                .isTrue();
        assertThat(generic.hasRemaining()).isFalse();

        KeyDecoder typed = new KeyDecoder(key);
        KeyType type = typed.peekType(order);
        assertThat(SqlValues.sameKeyValue(value, readTyped(typed, type, order))).isTrue();
        assertThat(typed.position()).isEqualTo(key.length);
    }

    private static Object readTyped(KeyDecoder decoder, KeyType type, SortOrder order) {
        return switch (type) {
            case NULL -> decoder.tryReadNull(order) ? null : "tryReadNull refused a NULL";
            case BOOLEAN -> decoder.readBoolean(order);
            case INTEGER -> decoder.readLong(order);
            case DECIMAL -> decoder.readDecimal(order);
            case DOUBLE -> decoder.readDouble(order);
            case STRING -> decoder.readString(order);
            case BYTES -> decoder.readBytes(order);
            case DATE -> decoder.readDate(order);
            case TIME -> decoder.readTime(order);
            case TIMESTAMP -> decoder.readTimestamp(order);
        };
    }

    @Provide
    Arbitrary<Object> integers() {
        return SqlValues.integers();
    }

    @Provide
    Arbitrary<Object> decimals() {
        return SqlValues.decimals();
    }

    @Provide
    Arbitrary<Object> doubles() {
        return SqlValues.doubles();
    }

    @Provide
    Arbitrary<Object> strings() {
        return SqlValues.strings();
    }

    @Provide
    Arbitrary<Object> byteArrays() {
        return SqlValues.byteArrays();
    }

    @Provide
    Arbitrary<Object> temporals() {
        return Arbitraries.oneOf(SqlValues.dates(), SqlValues.times(), SqlValues.timestamps());
    }

    @Provide
    Arbitrary<Object> booleansOrNull() {
        return Arbitraries.of(true, false).asGeneric().injectNull(0.3);
    }

    @Provide
    Arbitrary<Object> anyValue() {
        return SqlValues.anyNonNull().injectNull(0.1);
    }
}

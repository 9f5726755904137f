package io.basalt.kv.codec;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;
import net.jqwik.api.Tuple.Tuple2;

/**
 * Generators of SQL values for the codec properties, and the SQL order they must keep.
 *
 * <p>Generators mix edge values with small domains on purpose: order bugs hide in equal
 * values, shared prefixes ("a" vs "a\0") and boundaries between encoding widths, which
 * uniformly random values almost never hit.
 */
final class SqlValues {
    private static final long NANOS_PER_DAY = 86_400_000_000_000L;

    private SqlValues() {
    }

    static Arbitrary<Object> of(KeyType type) {
        return switch (type) {
            case NULL -> Arbitraries.just(null);
            case BOOLEAN -> Arbitraries.of(true, false).asGeneric();
            case INTEGER -> integers();
            case DECIMAL -> decimals();
            case DOUBLE -> doubles();
            case STRING -> strings();
            case BYTES -> byteArrays();
            case DATE -> dates();
            case TIME -> times();
            case TIMESTAMP -> timestamps();
        };
    }

    /** A non-null value of any family. */
    static Arbitrary<Object> anyNonNull() {
        return Arbitraries.of(KeyType.class).filter(t -> t != KeyType.NULL).flatMap(SqlValues::of);
    }

    /** Two values of one family, equal one time in ten, sometimes null. */
    static Arbitrary<Tuple2<Object, Object>> pairs(Arbitrary<Object> values) {
        return pairs(values, 10);
    }

    static Arbitrary<Tuple2<Object, Object>> pairs(Arbitrary<Object> values, int equalPercent) {
        Arbitrary<Object> nullable = values.injectNull(0.05);
        return Combinators.combine(nullable, nullable, Arbitraries.integers().between(0, 99))
                .as((a, b, dice) -> dice < equalPercent ? Tuple.of(a, a) : Tuple.of(a, b));
    }

    static Arbitrary<Object> integers() {
        return Arbitraries.frequencyOf(
                Tuple.of(3, Arbitraries.longs().between(-300, 300)),
                Tuple.of(3, Arbitraries.longs()),
                Tuple.of(1, Arbitraries.of(Long.MIN_VALUE, Long.MAX_VALUE, 0L, -1L, 255L, 256L, -256L, -257L,
                        (long) Integer.MIN_VALUE, (long) Integer.MAX_VALUE, 1L << 56, -(1L << 56) - 1)))
                .asGeneric();
    }

    static Arbitrary<Object> decimals() {
        Arbitrary<BigInteger> unscaled = Arbitraries.frequencyOf(
                Tuple.of(3, Arbitraries.bigIntegers().between(BigInteger.valueOf(-1000), BigInteger.valueOf(1000))),
                Tuple.of(2, Arbitraries.bigIntegers().between(BigInteger.TEN.pow(38).negate(), BigInteger.TEN.pow(38))),
                Tuple.of(1, Arbitraries.longs().map(BigInteger::valueOf)));
        Arbitrary<Integer> scale = Arbitraries.frequencyOf(
                Tuple.of(4, Arbitraries.integers().between(-2, 6)),
                Tuple.of(2, Arbitraries.integers().between(-60, 60)),
                Tuple.of(1, Arbitraries.of(-100, 100, -1_000_000, 1_000_000)));
        return Combinators.combine(unscaled, scale).as((u, s) -> (Object) new BigDecimal(u, s));
    }

    static Arbitrary<Object> doubles() {
        return Arbitraries.frequencyOf(
                Tuple.of(3, Arbitraries.doubles()),
                Tuple.of(2, Arbitraries.longs().between(-5, 5).map(l -> (double) l / 2)),
                Tuple.of(1, Arbitraries.of(Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY,
                        0.0, -0.0, Double.MIN_VALUE, -Double.MIN_VALUE, Double.MAX_VALUE, -Double.MAX_VALUE,
                        Double.MIN_NORMAL, Double.longBitsToDouble(0xFFF8_0000_0000_0001L))),
                Tuple.of(1, Arbitraries.longs().map(Double::longBitsToDouble)))
                .asGeneric();
    }

    /** Strings built from code points, heavy on U+0000, encoding-width boundaries and astral planes. */
    static Arbitrary<Object> strings() {
        Arbitrary<Integer> codePoint = Arbitraries.frequencyOf(
                Tuple.of(4, Arbitraries.integers().between('a', 'c')),
                Tuple.of(3, Arbitraries.of(0, 1, 0x7F, 0x80, 0x7FF, 0x800, 0xD7FF, 0xE000, 0xFFFD, 0xFFFF,
                        0x10000, 0x1F600, 0x10FFFF)),
                Tuple.of(2, Arbitraries.integers().between(0, Character.MAX_CODE_POINT)
                        .filter(cp -> cp < Character.MIN_SURROGATE || cp > Character.MAX_SURROGATE)));
        return codePoint.list().ofMaxSize(6).map(SqlValues::fromCodePoints);
    }

    static Arbitrary<Object> byteArrays() {
        Arbitrary<Byte> b = Arbitraries.frequencyOf(
                Tuple.of(2, Arbitraries.of((byte) 0, (byte) 1, (byte) 0xFF)),
                Tuple.of(1, Arbitraries.bytes()));
        return b.list().ofMaxSize(6).map(SqlValues::toArray);
    }

    static Arbitrary<Object> dates() {
        return Arbitraries.frequencyOf(
                Tuple.of(3, Arbitraries.longs().between(-40_000, 40_000)),
                Tuple.of(1, Arbitraries.longs().between(LocalDate.MIN.toEpochDay(), LocalDate.MAX.toEpochDay())))
                .map(LocalDate::ofEpochDay).asGeneric();
    }

    static Arbitrary<Object> times() {
        return Arbitraries.frequencyOf(
                Tuple.of(3, Arbitraries.longs().between(0, NANOS_PER_DAY - 1)),
                Tuple.of(1, Arbitraries.of(0L, 1L, NANOS_PER_DAY - 1, 43_200_000_000_000L)))
                .map(LocalTime::ofNanoOfDay).asGeneric();
    }

    /** Mostly around 1970 (negative epoch seconds with nanos), sometimes anywhere in years -999999999..999999999. */
    static Arbitrary<Object> timestamps() {
        Arbitrary<Long> seconds = Arbitraries.frequencyOf(
                Tuple.of(3, Arbitraries.longs().between(-5_000_000_000L, 5_000_000_000L)),
                Tuple.of(1, Arbitraries.of(-1L, 0L, 1L)),
                Tuple.of(1, Arbitraries.longs().between(LocalDateTime.MIN.toEpochSecond(ZoneOffset.UTC),
                        LocalDateTime.MAX.toEpochSecond(ZoneOffset.UTC))));
        Arbitrary<Integer> nanos = Arbitraries.frequencyOf(
                Tuple.of(1, Arbitraries.of(0, 1, 999_999_999)),
                Tuple.of(2, Arbitraries.integers().between(0, 999_999_999)));
        return Combinators.combine(seconds, nanos)
                .as((s, n) -> (Object) LocalDateTime.ofEpochSecond(s, n, ZoneOffset.UTC));
    }

    /** SQL order within one family: NULL first, code points for strings, NaN last and -0.0 = 0.0. */
    static int compare(Object a, Object b) {
        if (a == null || b == null) {
            return a == null ? (b == null ? 0 : -1) : 1;
        }
        if (a instanceof Long) {
            return Long.compare((Long) a, (Long) b);
        } else if (a instanceof BigDecimal) {
            return ((BigDecimal) a).compareTo((BigDecimal) b);
        } else if (a instanceof Double) {
            return Double.compare(zeroed((Double) a), zeroed((Double) b));
        } else if (a instanceof String) {
            return Arrays.compare(((String) a).codePoints().toArray(), ((String) b).codePoints().toArray());
        } else if (a instanceof byte[]) {
            return Arrays.compareUnsigned((byte[]) a, (byte[]) b);
        } else if (a instanceof Boolean) {
            return Boolean.compare((Boolean) a, (Boolean) b);
        } else if (a instanceof LocalDate) {
            return ((LocalDate) a).compareTo((LocalDate) b);
        } else if (a instanceof LocalTime) {
            return ((LocalTime) a).compareTo((LocalTime) b);
        } else if (a instanceof LocalDateTime) {
            return ((LocalDateTime) a).compareTo((LocalDateTime) b);
        }
        throw new IllegalArgumentException("no SQL order for " + a.getClass());
    }

    /** True if a key decoder returning {@code actual} gave back {@code written}, as the key codec promises. */
    static boolean sameKeyValue(Object written, Object actual) {
        if (written instanceof Integer || written instanceof Short || written instanceof Byte) {
            written = ((Number) written).longValue();
        } else if (written instanceof Float) {
            written = ((Float) written).doubleValue();
        }
        if (written == null || actual == null) {
            return written == actual;
        }
        if (written.getClass() != actual.getClass()) {
            return false;
        }
        if (written instanceof BigDecimal) {
            // Normalised: equal by compareTo and stripped of trailing zeros.
            return ((BigDecimal) written).compareTo((BigDecimal) actual) == 0
                    && ((BigDecimal) actual).scale() == ((BigDecimal) actual).stripTrailingZeros().scale();
        }
        return compare(written, actual) == 0;
    }

    /** Exact equality, scale of decimals and bits of doubles included: what a row value keeps. */
    static boolean sameExactValue(Object written, Object actual) {
        if (written instanceof Integer || written instanceof Short || written instanceof Byte) {
            written = ((Number) written).longValue();
        }
        if (written instanceof byte[] && actual instanceof byte[]) {
            return Arrays.equals((byte[]) written, (byte[]) actual);
        }
        return Objects.equals(written, actual);
    }

    static String render(Object value) {
        if (value instanceof byte[]) {
            return "x'" + HexFormat.of().formatHex((byte[]) value) + "'";
        } else if (value instanceof String) {
            return '"' + ((String) value).codePoints().mapToObj(cp -> cp < 0x20 || cp > 0x7E
                    ? String.format("\\u{%x}", cp) : Character.toString(cp)).reduce("", String::concat) + '"';
        }
        return String.valueOf(value);
    }

    static byte[] encode(Object value, SortOrder order) {
        return new KeyEncoder().writeValue(value, order).toByteArray();
    }

    private static double zeroed(double d) {
        return d == 0.0 ? 0.0 : d;
    }

    private static Object fromCodePoints(List<Integer> codePoints) {
        StringBuilder s = new StringBuilder();
        codePoints.forEach(s::appendCodePoint);
        return s.toString();
    }

    private static Object toArray(List<Byte> bytes) {
        byte[] out = new byte[bytes.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = bytes.get(i);
        }
        return out;
    }
}

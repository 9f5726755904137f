package io.basalt.kv.codec;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.Tuple.Tuple2;

/**
 * Unsigned byte order of encodings equals SQL order of values: per family, per direction,
 * and for whole tuples. Also the property the tuple order rests on, prefix-freeness.
 */
class KeyOrderTest {

    @Property
    void integerByteOrderMatchesValueOrder(@ForAll("integerPairs") Tuple2<Object, Object> pair,
            @ForAll SortOrder order) {
        assertOrderPreserved(pair, order);
    }

    @Property
    void decimalByteOrderMatchesValueOrder(@ForAll("decimalPairs") Tuple2<Object, Object> pair,
            @ForAll SortOrder order) {
        assertOrderPreserved(pair, order);
    }

    @Property
    void doubleByteOrderMatchesValueOrderWithNaNLast(@ForAll("doublePairs") Tuple2<Object, Object> pair,
            @ForAll SortOrder order) {
        assertOrderPreserved(pair, order);
    }

    @Property
    void stringByteOrderMatchesCodePointOrder(@ForAll("stringPairs") Tuple2<Object, Object> pair,
            @ForAll SortOrder order) {
        assertOrderPreserved(pair, order);
    }

    @Property
    void bytesByteOrderMatchesUnsignedOrder(@ForAll("bytePairs") Tuple2<Object, Object> pair, @ForAll SortOrder order) {
        assertOrderPreserved(pair, order);
    }

    @Property
    void temporalByteOrderMatchesValueOrder(@ForAll("temporalPairs") Tuple2<Object, Object> pair,
            @ForAll SortOrder order) {
        assertOrderPreserved(pair, order);
    }

    @Property(tries = 200)
    void booleanByteOrderMatchesValueOrder(@ForAll("booleanPairs") Tuple2<Object, Object> pair,
            @ForAll SortOrder order) {
        assertOrderPreserved(pair, order);
    }

    /** What makes keys tuples: (a1, a2, ...) vs (b1, b2, ...) compares field by field, each in its direction. */
    @Property
    void tuplesCompareFieldByField(@ForAll("tuplePairs") Tuple2<List<Field>, List<Field>> pair) {
        List<Field> a = pair.get1();
        List<Field> b = pair.get2();
        int expected = 0;
        for (int i = 0; i < a.size() && expected == 0; i++) {
            int c = SqlValues.compare(a.get(i).value, b.get(i).value);
            expected = a.get(i).order == SortOrder.DESCENDING ? -c : c;
        }
        int actual = Arrays.compareUnsigned(encode(a), encode(b));
        assertThat(Integer.signum(actual)).as("%s vs %s", a, b).isEqualTo(Integer.signum(expected));
    }

    /**
     * No field encoding is a proper prefix of another, across families and directions, and
     * two encodings are equal only for equal values.
     */
    @Property
    void encodingsArePrefixFree(@ForAll("prefixCandidates") Tuple2<Object, Object> pair,
            @ForAll SortOrder orderA, @ForAll SortOrder orderB) {
        Object a = pair.get1();
        Object b = pair.get2();
        byte[] x = SqlValues.encode(a, orderA);
        byte[] y = SqlValues.encode(b, orderB);
        int common = Math.min(x.length, y.length);
        boolean samePrefix = Arrays.equals(x, 0, common, y, 0, common);
        if (samePrefix) {
            assertThat(x).as("%s and %s", SqlValues.render(a), SqlValues.render(b)).isEqualTo(y);
            assertThat(SqlValues.sameKeyValue(a, new KeyDecoder(y).readValue(orderA))).isTrue();
        } else {
            assertThat(x).isNotEqualTo(y);
        }
    }

    private static void assertOrderPreserved(Tuple2<Object, Object> pair, SortOrder order) {
        Object a = pair.get1();
        Object b = pair.get2();
        int expected = SqlValues.compare(a, b);
        if (order == SortOrder.DESCENDING) {
            expected = -expected;
        }
        int actual = Arrays.compareUnsigned(SqlValues.encode(a, order), SqlValues.encode(b, order));
        assertThat(Integer.signum(actual))
                .as("%s %s vs %s", order, SqlValues.render(a), SqlValues.render(b))
                .isEqualTo(Integer.signum(expected));
    }

    private static byte[] encode(List<Field> tuple) {
        KeyEncoder encoder = new KeyEncoder();
        tuple.forEach(f -> encoder.writeValue(f.value, f.order));
        return encoder.toByteArray();
    }

    /** One field of a generated tuple. */
    record Field(Object value, SortOrder order) {
        @Override
        public String toString() {
            return SqlValues.render(value) + (order == SortOrder.DESCENDING ? "(desc)" : "");
        }
    }

    @Provide
    Arbitrary<Tuple2<List<Field>, List<Field>>> tuplePairs() {
        Arbitrary<KeyType> family = Arbitraries.of(KeyType.class).filter(t -> t != KeyType.NULL);
        Arbitrary<Tuple2<KeyType, SortOrder>> column = Combinators.combine(family, Arbitraries.of(SortOrder.class))
                .as(Tuple::of);
        return column.list().ofMinSize(2).ofMaxSize(4).flatMap(schema -> {
            List<Arbitrary<Tuple2<Object, Object>>> columnPairs = new ArrayList<>();
            // Equal half the time per column, so that later fields often decide the comparison.
            schema.forEach(c -> columnPairs.add(SqlValues.pairs(SqlValues.of(c.get1()), 50)));
            return Combinators.combine(columnPairs).as(values -> {
                List<Field> a = new ArrayList<>();
                List<Field> b = new ArrayList<>();
                for (int i = 0; i < schema.size(); i++) {
                    a.add(new Field(values.get(i).get1(), schema.get(i).get2()));
                    b.add(new Field(values.get(i).get2(), schema.get(i).get2()));
                }
                return Tuple.of(a, b);
            });
        });
    }

    @Provide
    Arbitrary<Tuple2<Object, Object>> integerPairs() {
        return SqlValues.pairs(SqlValues.integers());
    }

    @Provide
    Arbitrary<Tuple2<Object, Object>> decimalPairs() {
        return SqlValues.pairs(SqlValues.decimals());
    }

    @Provide
    Arbitrary<Tuple2<Object, Object>> doublePairs() {
        return SqlValues.pairs(SqlValues.doubles());
    }

    @Provide
    Arbitrary<Tuple2<Object, Object>> stringPairs() {
        return SqlValues.pairs(SqlValues.strings());
    }

    @Provide
    Arbitrary<Tuple2<Object, Object>> bytePairs() {
        return SqlValues.pairs(SqlValues.byteArrays());
    }

    @Provide
    Arbitrary<Tuple2<Object, Object>> temporalPairs() {
        return Arbitraries.oneOf(SqlValues.pairs(SqlValues.dates()), SqlValues.pairs(SqlValues.times()),
                SqlValues.pairs(SqlValues.timestamps()));
    }

    @Provide
    Arbitrary<Tuple2<Object, Object>> booleanPairs() {
        return SqlValues.pairs(SqlValues.of(KeyType.BOOLEAN));
    }

    /** Mostly two values of one family, where shared prefixes are likely; sometimes of any two. */
    @Provide
    Arbitrary<Tuple2<Object, Object>> prefixCandidates() {
        Arbitrary<Object> any = SqlValues.anyNonNull().injectNull(0.05);
        return Arbitraries.frequencyOf(
                Tuple.of(3, Arbitraries.of(KeyType.class).flatMap(t -> SqlValues.pairs(SqlValues.of(t)))),
                Tuple.of(1, Combinators.combine(any, any).as(Tuple::of)));
    }
}

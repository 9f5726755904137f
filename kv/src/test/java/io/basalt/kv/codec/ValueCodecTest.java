package io.basalt.kv.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.math.BigDecimal;
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
import net.jqwik.api.constraints.IntRange;

/** Row values round-trip exactly, decode into a scan's row array, and reject corruption cleanly. */
class ValueCodecTest {

    @Property
    void recordsRoundTripExactly(@ForAll("records") List<Column> columns) {
        List<Column> decoded = decodeAll(encode(columns));
        List<Column> present = columns.stream().filter(c -> c.value != null).toList();
        assertThat(decoded).hasSameSizeAs(present);
        for (int i = 0; i < present.size(); i++) {
            assertThat(decoded.get(i).id).isEqualTo(present.get(i).id);
            assertThat(SqlValues.sameExactValue(present.get(i).value, decoded.get(i).value))
                    .as("column %d: %s decoded as %s", present.get(i).id,
                            SqlValues.render(present.get(i).value), SqlValues.render(decoded.get(i).value))
                    .isTrue();
        }
    }

    /** Unlike keys, a stored DECIMAL keeps its scale: 1.50 must read back as 1.50, not 1.5. */
    @Property
    void decimalScaleIsPreserved(@ForAll("decimals") Object value) {
        BigDecimal written = (BigDecimal) value;
        ValueDecoder decoder = new ValueDecoder(new ValueEncoder().writeColumn(3, written).toByteArray());
        assertThat(decoder.next()).isTrue();
        BigDecimal read = (BigDecimal) decoder.value();
        assertThat(read.scale()).isEqualTo(written.scale());
        assertThat(read).isEqualTo(written);
    }

    @Property
    void decodeIntoFillsMappedSlotsAndClearsAbsentOnes(@ForAll("records") List<Column> columns,
            @ForAll("slotMaps") int[] slotByColumnId) {
        Object[] row = new Object[slotByColumnId.length + 1];
        Arrays.fill(row, "stale");
        new ValueDecoder(encode(columns)).decodeInto(slotByColumnId, row);
        for (int id = 0; id < slotByColumnId.length; id++) {
            int slot = slotByColumnId[id];
            if (slot >= 0) {
                Object expected = valueOf(columns, id);
                assertThat(SqlValues.sameExactValue(expected, row[slot])).as("column %d", id).isTrue();
            }
        }
        assertThat(row[slotByColumnId.length]).as("an unmapped slot is left alone").isEqualTo("stale");
    }

    @Property
    void garbageIsDecodedOrRejectedWithIllegalArgument(@ForAll("garbage") byte[] bytes) {
        assertOnlyIllegalArgument(bytes);
    }

    @Property
    void mutatedRecordsAreDecodedOrRejectedWithIllegalArgument(@ForAll("records") List<Column> columns,
            @ForAll @IntRange(min = 0, max = 500) int where, @ForAll byte replacement) {
        byte[] record = encode(columns);
        record[where % record.length] = replacement;
        assertOnlyIllegalArgument(record);
    }

    /** A cut inside a column is detected; a cut between columns cannot be, and yields the first columns. */
    @Property
    void truncatedRecordsAreRejectedOrYieldLeadingColumns(@ForAll("records") List<Column> columns,
            @ForAll @IntRange(min = 0, max = 500) int cut) {
        byte[] record = encode(columns);
        byte[] truncated = Arrays.copyOf(record, cut % record.length);
        List<Column> all = decodeAll(record);
        Throwable thrown = catchThrowable(() -> {
            List<Column> leading = decodeAll(truncated);
            assertThat(leading.size()).isLessThan(all.size());
            for (int i = 0; i < leading.size(); i++) {
                assertThat(leading.get(i).id).isEqualTo(all.get(i).id);
                assertThat(SqlValues.sameExactValue(all.get(i).value, leading.get(i).value)).isTrue();
            }
        });
        if (thrown != null) {
            assertThat(thrown).isInstanceOf(IllegalArgumentException.class);
        }
    }

    /** One (column id, value) pair of a generated row; null values are absent columns. */
    record Column(int id, Object value) {
    }

    static byte[] encode(List<Column> columns) {
        ValueEncoder encoder = new ValueEncoder();
        columns.forEach(c -> encoder.writeColumn(c.id, c.value));
        return encoder.toByteArray();
    }

    static List<Column> decodeAll(byte[] record) {
        ValueDecoder decoder = new ValueDecoder(record);
        List<Column> out = new ArrayList<>();
        while (decoder.next()) {
            out.add(new Column(decoder.columnId(), decoder.value()));
        }
        return out;
    }

    private static Object valueOf(List<Column> columns, int id) {
        for (Column c : columns) {
            if (c.id == id) {
                return c.value;
            }
        }
        return null;
    }

    private static void assertOnlyIllegalArgument(byte[] record) {
        Throwable thrown = catchThrowable(() -> decodeAll(record));
        if (thrown != null) {
            assertThat(thrown).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Provide
    Arbitrary<List<Column>> records() {
        Arbitrary<Integer> gaps = Arbitraries.frequencyOf(
                Tuple.of(6, Arbitraries.just(1)),
                Tuple.of(2, Arbitraries.integers().between(2, 20)),
                Tuple.of(1, Arbitraries.integers().between(21, 100_000)));
        Arbitrary<Object> values = Arbitraries.frequencyOf(
                Tuple.of(6, SqlValues.anyNonNull()),
                Tuple.of(1, Arbitraries.floats().asGeneric()),
                Tuple.of(1, Arbitraries.oneOf(Arbitraries.integers(), Arbitraries.shorts(), Arbitraries.bytes())
                        .asGeneric()))
                .injectNull(0.2);
        return Combinators.combine(gaps, values).as(Tuple::of).list().ofMaxSize(12).map(pairs -> {
            List<Column> columns = new ArrayList<>();
            int id = -1;
            for (var pair : pairs) {
                id += pair.get1();
                columns.add(new Column(id, pair.get2()));
            }
            return columns;
        });
    }

    /** Column id to slot; -1 marks a dropped or unprojected column. Slots are distinct. */
    @Provide
    Arbitrary<int[]> slotMaps() {
        return Arbitraries.integers().between(0, 30).flatMap(size ->
                Arbitraries.of(true, false).list().ofSize(size).map(mapped -> {
                    int[] slots = new int[size];
                    for (int i = 0; i < size; i++) {
                        slots[i] = mapped.get(i) ? size - 1 - i : -1;
                    }
                    return slots;
                }));
    }

    @Provide
    Arbitrary<Object> decimals() {
        return SqlValues.decimals();
    }

    @Provide
    Arbitrary<byte[]> garbage() {
        Arbitrary<Byte> b = Arbitraries.frequencyOf(
                Tuple.of(1, Arbitraries.of((byte) 0x01, (byte) 0x00, (byte) 0x03, (byte) 0x06, (byte) 0x0A,
                        (byte) 0x0F, (byte) 0x80, (byte) 0xFF)),
                Tuple.of(1, Arbitraries.bytes()));
        return b.array(byte[].class).ofMaxSize(24).map(bytes -> {
            if (bytes.length > 0 && bytes[0] != 0x01 && bytes.length % 2 == 0) {
                bytes[0] = 0x01; // usually a valid version, so decoding gets past the first byte
            }
            return bytes;
        });
    }
}

package io.basalt.jdbc.wire;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;

/**
 * The SPI's values on the wire: a tag byte, then the value (docs/design/0006-wire-protocol.md,
 * "Values"). Tags, never to be renumbered:
 *
 * <pre>
 *   0 NULL        -
 *   1 BOOLEAN     u8 0/1
 *   2 SMALLINT    int16
 *   3 INTEGER     int32
 *   4 BIGINT      int64
 *   5 DECIMAL     int32 scale, int32 n, n bytes unscaled (two's complement, big-endian)
 *   6 REAL        binary32
 *   7 DOUBLE      binary64
 *   8 VARCHAR     int32 n, n bytes UTF-8
 *   9 DATE        int64 epoch day
 *  10 TIME        int64 nano of day
 *  11 TIMESTAMP   int64 epoch day, int64 nano of day
 *  12 VARBINARY   int32 n, n bytes
 * </pre>
 */
final class Values {
    private static final int NULL = 0;
    private static final int BOOLEAN = 1;
    private static final int SMALLINT = 2;
    private static final int INTEGER = 3;
    private static final int BIGINT = 4;
    private static final int DECIMAL = 5;
    private static final int REAL = 6;
    private static final int DOUBLE = 7;
    private static final int VARCHAR = 8;
    private static final int DATE = 9;
    private static final int TIME = 10;
    private static final int TIMESTAMP = 11;
    private static final int VARBINARY = 12;
    /** A DECIMAL's scale beyond this is refused: BigDecimal arithmetic on it could take unbounded time. */
    private static final int MAX_SCALE = 100_000;

    private Values() {
    }

    /** @throws IllegalArgumentException for a class the SPI does not define (a bug of the caller) */
    static void write(WireWriter out, Object value) {
        if (value == null) {
            out.u8(NULL);
        } else if (value instanceof Boolean b) {
            out.u8(BOOLEAN);
            out.bool(b);
        } else if (value instanceof Short s) {
            out.u8(SMALLINT);
            out.u16(s);
        } else if (value instanceof Integer i) {
            out.u8(INTEGER);
            out.i32(i);
        } else if (value instanceof Long l) {
            out.u8(BIGINT);
            out.i64(l);
        } else if (value instanceof BigDecimal d) {
            out.u8(DECIMAL);
            out.i32(d.scale());
            out.bytes(d.unscaledValue().toByteArray());
        } else if (value instanceof Float f) {
            out.u8(REAL);
            out.f32(f);
        } else if (value instanceof Double d) {
            out.u8(DOUBLE);
            out.f64(d);
        } else if (value instanceof String s) {
            out.u8(VARCHAR);
            out.string(s);
        } else if (value instanceof LocalDate d) {
            out.u8(DATE);
            out.i64(d.toEpochDay());
        } else if (value instanceof LocalTime t) {
            out.u8(TIME);
            out.i64(t.toNanoOfDay());
        } else if (value instanceof LocalDateTime t) {
            out.u8(TIMESTAMP);
            out.i64(t.toLocalDate().toEpochDay());
            out.i64(t.toLocalTime().toNanoOfDay());
        } else if (value instanceof byte[] b) {
            out.u8(VARBINARY);
            out.bytes(b);
        } else {
            throw new IllegalArgumentException("no wire encoding for " + value.getClass().getName());
        }
    }

    static Object read(WireReader in) {
        int tag = in.u8();
        switch (tag) {
            case NULL:
                return null;
            case BOOLEAN:
                return in.bool();
            case SMALLINT:
                return in.i16();
            case INTEGER:
                return in.i32();
            case BIGINT:
                return in.i64();
            case DECIMAL: {
                int scale = in.i32();
                byte[] unscaled = in.bytes();
                if (unscaled.length == 0 || Math.abs((long) scale) > MAX_SCALE) {
                    throw new ProtocolViolation("malformed decimal");
                }
                return new BigDecimal(new BigInteger(unscaled), scale);
            }
            case REAL:
                return in.f32();
            case DOUBLE:
                return in.f64();
            case VARCHAR:
                return in.string();
            case DATE:
                return temporal(() -> LocalDate.ofEpochDay(in.i64()));
            case TIME:
                return temporal(() -> LocalTime.ofNanoOfDay(in.i64()));
            case TIMESTAMP:
                return temporal(() -> LocalDateTime.of(LocalDate.ofEpochDay(in.i64()), LocalTime.ofNanoOfDay(in.i64())));
            case VARBINARY:
                return in.bytes();
            default:
                throw new ProtocolViolation("unknown value tag " + tag);
        }
    }

    private static Object temporal(java.util.function.Supplier<Object> read) {
        try {
            return read.get();
        } catch (java.time.DateTimeException e) {
            throw new ProtocolViolation("date/time out of range");
        }
    }

    static void writeList(WireWriter out, List<Object> values) {
        out.i32(values.size());
        for (Object value : values) {
            write(out, value);
        }
    }

    static List<Object> readList(WireReader in) {
        int count = in.count(1);
        List<Object> values = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            values.add(read(in));
        }
        return values;
    }

    /** Rows of {@code columns} values each; the row count was written by the caller. */
    static void writeRows(WireWriter out, List<Object[]> rows) {
        for (Object[] row : rows) {
            for (Object value : row) {
                write(out, value);
            }
        }
    }

    static List<Object[]> readRows(WireReader in, int rowCount, int columns) {
        if (columns == 0 && rowCount > 0) {
            throw new ProtocolViolation("rows without columns");
        }
        if ((long) rowCount * columns > in.remaining()) {
            throw new ProtocolViolation(rowCount + " rows of " + columns + " columns do not fit in the frame");
        }
        List<Object[]> rows = new ArrayList<>(rowCount);
        for (int r = 0; r < rowCount; r++) {
            Object[] row = new Object[columns];
            for (int c = 0; c < columns; c++) {
                row[c] = read(in);
            }
            rows.add(row);
        }
        return rows;
    }
}

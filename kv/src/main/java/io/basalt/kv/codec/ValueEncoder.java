package io.basalt.kv.codec;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneOffset;

/**
 * Builds the stored value of a row: its non-key columns as (column id, value) pairs. Unlike
 * keys these bytes are not order-preserving; they are only compact and self-describing.
 *
 * <pre>
 * record = version column*
 *   version  1 byte    01 (VERSION); a decoder rejects any other
 *   column   header payload
 *   header   varint    (columnId - previousColumnId - 1) &lt;&lt; 4 | type   previousColumnId starts at -1
 *
 * varint = unsigned LEB128 (7 bits per byte, least significant first, high bit set = more),
 * zigzag = (v &lt;&lt; 1) ^ (v &gt;&gt; 63), fixed-width numbers are big-endian:
 *   type  name       payload
 *    0    LONG       zigzag varint                         Byte, Short, Integer, Long
 *    1    FALSE      (none)
 *    2    TRUE       (none)
 *    3    DECIMAL    zigzag varint scale, varint n, n bytes of the unscaled value
 *                    (two's complement, big-endian, minimal: BigInteger.toByteArray)
 *    4    DOUBLE     8 bytes: Double.doubleToRawLongBits
 *    5    FLOAT      4 bytes: Float.floatToRawIntBits
 *    6    STRING     varint n, n bytes of UTF-8
 *    7    BYTES      varint n, n bytes
 *    8    DATE       zigzag varint epoch day
 *    9    TIME       varint nano of day
 *   10    TIMESTAMP  zigzag varint epoch second (as if UTC), varint nano of second
 *   11    NULL       (none): an explicit NULL, see below
 *   12-14            unassigned
 *   15               reserved: a later version may put the real type in the next byte
 *
 *   e.g. columns {0: 7, 1: "a", 5: NULL, 6: true} -&gt; 01 | 00 0E | 06 01 61 | 42
 *        (column 5 is absent; column 6's header is (6-1-1) &lt;&lt; 4 | 2 = 0x42)
 * </pre>
 *
 * <p>Why this shape: an absent column is NULL, so a column added by ALTER TABLE needs no
 * rewrite of old rows, and a dropped column's pairs are simply skipped by id. Packing the id
 * gap and the type into one varint makes the header of a densely numbered column one byte
 * (gaps up to 7): a TPC-C stock row has 17 columns, so one byte per column is a tenth of the
 * row. Column ids must increase, which keeps gaps non-negative and lets a reader stop early.
 * Values are stored exactly as given (decimal scale, -0.0, NaN payloads), since this is the
 * row itself, not something compared. FLOAT keeps its own type so REAL reads back as Float.
 *
 * <p>An explicit NULL ({@link #writeNull}) exists for columns added with a non-null DEFAULT
 * (PostgreSQL 11's "fast default"): in rows written before such a column existed it is absent and
 * reads as the value the DEFAULT had when the column was added, so a row written later that holds
 * NULL in it must say so. Every other NULL stays absent and costs nothing.
 *
 * <p>Reusable and not thread-safe: {@link #reset()} it between rows.
 */
public final class ValueEncoder {
    static final int VERSION = 0x01;

    static final int LONG = 0;
    static final int FALSE = 1;
    static final int TRUE = 2;
    static final int DECIMAL = 3;
    static final int DOUBLE = 4;
    static final int FLOAT = 5;
    static final int STRING = 6;
    static final int BYTES = 7;
    static final int DATE = 8;
    static final int TIME = 9;
    static final int TIMESTAMP = 10;
    static final int NULL = 11;

    private final ByteSink out = new ByteSink(64);
    /** The last id passed in, null or not: ids must increase across all calls. */
    private int lastColumnId;
    /** The last id actually written: the base of the next header's gap. */
    private int lastWrittenId;

    public ValueEncoder() {
        reset();
    }

    /**
     * Appends one column; a null value writes nothing, since an absent column reads as NULL.
     *
     * @param columnId non-negative and greater than every id written since {@link #reset()}
     * @param value null, Boolean, Byte, Short, Integer, Long, BigDecimal, Float, Double,
     *     String, byte[], LocalDate, LocalTime or LocalDateTime
     * @throws IllegalArgumentException for an id out of order or an unsupported value, in
     *     which case the record is left as it was
     */
    public ValueEncoder writeColumn(int columnId, Object value) {
        if (columnId <= lastColumnId) {
            throw new IllegalArgumentException("Column ids must increase: " + columnId + " after " + lastColumnId);
        }
        if (value == null) {
            lastColumnId = columnId;
            return this;
        }
        int type = typeOf(value);
        int start = out.length();
        out.putVarint(((long) columnId - lastWrittenId - 1) << 4 | type);
        try {
            putPayload(type, value);
        } catch (IllegalArgumentException e) {
            out.truncate(start); // a rejected value must not leave half a column behind
            throw e;
        }
        lastColumnId = columnId;
        lastWrittenId = columnId;
        return this;
    }

    /**
     * Appends an explicit NULL for {@code columnId}: one header byte (for a gap up to 7), which a
     * decoder reports as present with a null value rather than absent.
     *
     * @param columnId as for {@link #writeColumn}
     */
    public ValueEncoder writeNull(int columnId) {
        if (columnId <= lastColumnId) {
            throw new IllegalArgumentException("Column ids must increase: " + columnId + " after " + lastColumnId);
        }
        out.putVarint(((long) columnId - lastWrittenId - 1) << 4 | NULL);
        lastColumnId = columnId;
        lastWrittenId = columnId;
        return this;
    }

    public byte[] toByteArray() {
        return out.toByteArray();
    }

    public ValueEncoder reset() {
        out.clear();
        out.put(VERSION);
        lastColumnId = -1;
        lastWrittenId = -1;
        return this;
    }

    private static int typeOf(Object value) {
        if (value instanceof Long || value instanceof Integer || value instanceof Short || value instanceof Byte) {
            return LONG;
        } else if (value instanceof String) {
            return STRING;
        } else if (value instanceof BigDecimal) {
            return DECIMAL;
        } else if (value instanceof Double) {
            return DOUBLE;
        } else if (value instanceof Float) {
            return FLOAT;
        } else if (value instanceof Boolean) {
            return (Boolean) value ? TRUE : FALSE;
        } else if (value instanceof byte[]) {
            return BYTES;
        } else if (value instanceof LocalDate) {
            return DATE;
        } else if (value instanceof LocalTime) {
            return TIME;
        } else if (value instanceof LocalDateTime) {
            return TIMESTAMP;
        }
        throw new IllegalArgumentException("Cannot encode a column value of type " + value.getClass().getName());
    }

    private void putPayload(int type, Object value) {
        switch (type) {
            case LONG -> putZigzag(((Number) value).longValue());
            case FALSE, TRUE -> { }
            case DECIMAL -> {
                BigDecimal decimal = (BigDecimal) value;
                putZigzag(decimal.scale());
                putLengthPrefixed(decimal.unscaledValue().toByteArray());
            }
            case DOUBLE -> out.putBigEndian(Double.doubleToRawLongBits((Double) value), 8);
            case FLOAT -> out.putBigEndian(Float.floatToRawIntBits((Float) value), 4);
            case STRING -> putLengthPrefixed(utf8((String) value));
            case BYTES -> putLengthPrefixed((byte[]) value);
            case DATE -> putZigzag(((LocalDate) value).toEpochDay());
            case TIME -> out.putVarint(((LocalTime) value).toNanoOfDay());
            case TIMESTAMP -> {
                LocalDateTime timestamp = (LocalDateTime) value;
                putZigzag(timestamp.toEpochSecond(ZoneOffset.UTC));
                out.putVarint(timestamp.getNano());
            }
            default -> throw new AssertionError("unhandled value type " + type);
        }
    }

    /** Like the key codec, refuses unpaired surrogates rather than storing them as '?'. */
    private static byte[] utf8(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isSurrogate(c)) {
                if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                    i++;
                } else {
                    throw new IllegalArgumentException("String has an unpaired surrogate at index " + i);
                }
            }
        }
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private void putZigzag(long v) {
        out.putVarint((v << 1) ^ (v >> 63));
    }

    private void putLengthPrefixed(byte[] bytes) {
        out.putVarint(bytes.length);
        out.put(bytes, 0, bytes.length);
    }
}

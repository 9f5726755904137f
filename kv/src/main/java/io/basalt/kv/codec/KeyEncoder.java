package io.basalt.kv.codec;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.Objects;

/**
 * Builds order-preserving keys: tuples of SQL values whose unsigned lexicographic byte order
 * ({@code Arrays.compareUnsigned}) equals the SQL order of the tuples, field by field.
 *
 * <p>Reusable and not thread-safe: {@link #reset()} it between keys. Overloads without a
 * {@link SortOrder} write ASCENDING fields. A method that throws leaves the key as it was.
 * {@link KeyDecoder} reads the fields back.
 *
 * <pre>
 * key   = field*        fields are concatenated with no separator or length
 * field = tag payload   tag: 1 byte; multi-byte numbers are big-endian; bytes compare unsigned
 *
 * ASCENDING field layouts (hex):
 *   NULL       05                                  sorts before every non-NULL field
 *   BOOLEAN    10 | 11                             false | true
 *   INTEGER    (29+n) [n bytes: v]                 v &gt;= 0, n = significant bytes of v, 0..8
 *              (28-m) [m bytes: low m bytes of v]  v &lt; 0,  m = significant bytes of ~v, 0..8
 *                0 = 29          1 = 2A 01       255 = 2A FF      256 = 2B 01 00
 *               -1 = 28         -2 = 27 FE      -256 = 27 00     -257 = 26 FE FF
 *              MAX = 31 7F FF FF FF FF FF FF FF  MIN = 20 80 00 00 00 00 00 00 00
 *   DECIMAL    40 [payload of |x|, complemented]   x &lt; 0
 *              41                                  x = 0 (any scale)
 *              42 [exponent: INTEGER] [digit pairs, 1 byte each] 00
 *                                                  x &gt; 0; see KeyDecimals
 *   DOUBLE     50 [8 bytes: IEEE-754 bits, sign bit flipped if the sign is +, all bits flipped if -]
 *   STRING     60 [UTF-8, each 00 written as 00 FF] 00 01
 *   BYTES      61 [bytes, each 00 written as 00 FF] 00 01
 *   DATE       70 [epoch day: INTEGER]
 *   TIME       71 [nano of day: INTEGER]
 *   TIMESTAMP  72 [epoch second: INTEGER] [nano of second: INTEGER]
 *
 * DESCENDING field = the ASCENDING field with every byte complemented (x ^ FF), tag included.
 * </pre>
 *
 * <p>What must stay true: every ascending field encoding is prefix-free (no encoding is a
 * proper prefix of another one, of any family). That is what lets fields concatenate without
 * separators, lets MVCC append a timestamp suffix to a key, and makes complementing reverse
 * the order (see {@link SortOrder}). Each layout above ends in a way its decoder can find
 * without looking further: a fixed width, a width named by the tag, or a terminator.
 *
 * <p>Choices and their reasons:
 * <ul>
 * <li>INTEGER is variable-length because every index entry repeats the primary key and TPC-C
 *     keys are small: warehouse and district ids take 2 bytes, not the 9 of a fixed sign-flipped
 *     long. Order holds because a longer positive value has a larger tag and a longer negative
 *     one a smaller tag, and within one tag the payloads are same-width big-endian numbers.
 * <li>Equal SQL values must encode identically, or a unique index would accept duplicates:
 *     so -0.0 is written as 0.0, every NaN as the one canonical NaN (it sorts after +Infinity,
 *     PostgreSQL's order), and decimals are normalised (1.0 and 1.00 give the same bytes;
 *     decoding returns the value without trailing zeros).
 * <li>Strings compare by Unicode code point (PostgreSQL's C collation), which UTF-8 byte
 *     order gives for free. That differs from Java's {@code String.compareTo} (UTF-16 units)
 *     for supplementary characters versus U+E000..U+FFFF. Strings with unpaired surrogates
 *     are rejected: they have no UTF-8 form and PostgreSQL refuses them too. 00 FF for a
 *     zero byte and 00 01 as terminator make a shorter string sort first ("a" &lt; "a\0").
 * <li>Families compare by tag, not by value: integer 5 sorts below decimal 3. A column must
 *     therefore always be written through one family (all of TINYINT..BIGINT through
 *     {@link #writeLong}, REAL and FLOAT through {@link #writeDouble}); the schema decides.
 * <li>Timestamps carry no zone: the {@code LocalDateTime} is numbered as if it were UTC, which
 *     is monotonic for any year {@code LocalDateTime} supports, and keeps full nanoseconds.
 * </ul>
 */
public final class KeyEncoder {
    private final ByteSink out;

    public KeyEncoder() {
        this(32);
    }

    public KeyEncoder(int initialCapacity) {
        out = new ByteSink(initialCapacity);
    }

    public KeyEncoder writeNull(SortOrder order) {
        int start = out.length();
        out.put(KeyTags.NULL);
        return finish(start, order);
    }

    public KeyEncoder writeBoolean(boolean value, SortOrder order) {
        int start = out.length();
        out.put(value ? KeyTags.TRUE : KeyTags.FALSE);
        return finish(start, order);
    }

    /** Every SQL integer width (TINYINT .. BIGINT) is written through this one method. */
    public KeyEncoder writeLong(long value, SortOrder order) {
        int start = out.length();
        putOrderedLong(value);
        return finish(start, order);
    }

    /**
     * @throws IllegalArgumentException if the value, once trailing zeros are stripped, would
     *     need a scale outside the int range (no SQL DECIMAL comes close)
     */
    public KeyEncoder writeDecimal(BigDecimal value, SortOrder order) {
        Objects.requireNonNull(value, "value");
        int start = out.length();
        KeyDecimals.encode(value, this);
        return finish(start, order);
    }

    /** REAL and FLOAT values are widened to double by the caller; -0.0 is written as 0.0. */
    public KeyEncoder writeDouble(double value, SortOrder order) {
        int start = out.length();
        out.put(KeyTags.DOUBLE);
        out.putBigEndian(orderedBits(value), 8);
        return finish(start, order);
    }

    /** @throws IllegalArgumentException if the string holds an unpaired surrogate */
    public KeyEncoder writeString(String value, SortOrder order) {
        Objects.requireNonNull(value, "value");
        int start = out.length();
        out.put(KeyTags.STRING);
        try {
            KeyStrings.putEscapedUtf8(value, out);
        } catch (IllegalArgumentException e) {
            out.truncate(start); // a rejected value must not leave half a field behind
            throw e;
        }
        return finish(start, order);
    }

    public KeyEncoder writeBytes(byte[] value, SortOrder order) {
        Objects.requireNonNull(value, "value");
        int start = out.length();
        out.put(KeyTags.BYTES);
        KeyStrings.putEscaped(value, out);
        return finish(start, order);
    }

    public KeyEncoder writeDate(LocalDate value, SortOrder order) {
        Objects.requireNonNull(value, "value");
        int start = out.length();
        out.put(KeyTags.DATE);
        putOrderedLong(value.toEpochDay());
        return finish(start, order);
    }

    public KeyEncoder writeTime(LocalTime value, SortOrder order) {
        Objects.requireNonNull(value, "value");
        int start = out.length();
        out.put(KeyTags.TIME);
        putOrderedLong(value.toNanoOfDay());
        return finish(start, order);
    }

    public KeyEncoder writeTimestamp(LocalDateTime value, SortOrder order) {
        Objects.requireNonNull(value, "value");
        int start = out.length();
        out.put(KeyTags.TIMESTAMP);
        putOrderedLong(value.toEpochSecond(ZoneOffset.UTC));
        putOrderedLong(value.getNano());
        return finish(start, order);
    }

    /**
     * Writes a value of any supported Java type: null, Boolean, Byte, Short, Integer, Long,
     * BigDecimal, Float (widened to double), Double, String, byte[], LocalDate, LocalTime,
     * LocalDateTime.
     *
     * @throws IllegalArgumentException for any other type
     */
    public KeyEncoder writeValue(Object value, SortOrder order) {
        if (value == null) {
            return writeNull(order);
        } else if (value instanceof Long || value instanceof Integer
                || value instanceof Short || value instanceof Byte) {
            return writeLong(((Number) value).longValue(), order);
        } else if (value instanceof String) {
            return writeString((String) value, order);
        } else if (value instanceof BigDecimal) {
            return writeDecimal((BigDecimal) value, order);
        } else if (value instanceof Double || value instanceof Float) {
            return writeDouble(((Number) value).doubleValue(), order);
        } else if (value instanceof Boolean) {
            return writeBoolean((Boolean) value, order);
        } else if (value instanceof byte[]) {
            return writeBytes((byte[]) value, order);
        } else if (value instanceof LocalDate) {
            return writeDate((LocalDate) value, order);
        } else if (value instanceof LocalTime) {
            return writeTime((LocalTime) value, order);
        } else if (value instanceof LocalDateTime) {
            return writeTimestamp((LocalDateTime) value, order);
        }
        throw new IllegalArgumentException("Cannot encode a key field of type " + value.getClass().getName());
    }

    public KeyEncoder writeNull() {
        return writeNull(SortOrder.ASCENDING);
    }

    public KeyEncoder writeBoolean(boolean value) {
        return writeBoolean(value, SortOrder.ASCENDING);
    }

    public KeyEncoder writeLong(long value) {
        return writeLong(value, SortOrder.ASCENDING);
    }

    public KeyEncoder writeDecimal(BigDecimal value) {
        return writeDecimal(value, SortOrder.ASCENDING);
    }

    public KeyEncoder writeDouble(double value) {
        return writeDouble(value, SortOrder.ASCENDING);
    }

    public KeyEncoder writeString(String value) {
        return writeString(value, SortOrder.ASCENDING);
    }

    public KeyEncoder writeBytes(byte[] value) {
        return writeBytes(value, SortOrder.ASCENDING);
    }

    public KeyEncoder writeDate(LocalDate value) {
        return writeDate(value, SortOrder.ASCENDING);
    }

    public KeyEncoder writeTime(LocalTime value) {
        return writeTime(value, SortOrder.ASCENDING);
    }

    public KeyEncoder writeTimestamp(LocalDateTime value) {
        return writeTimestamp(value, SortOrder.ASCENDING);
    }

    public KeyEncoder writeValue(Object value) {
        return writeValue(value, SortOrder.ASCENDING);
    }

    /** Appends bytes that are already encoded, such as a table prefix; they are not validated. */
    public KeyEncoder writeRawBytes(byte[] encoded) {
        out.put(encoded, 0, encoded.length);
        return this;
    }

    public int length() {
        return out.length();
    }

    public byte[] toByteArray() {
        return out.toByteArray();
    }

    public KeyEncoder reset() {
        out.clear();
        return this;
    }

    /** The INTEGER layout: a tag that names sign and width, then the significant bytes. */
    void putOrderedLong(long v) {
        if (v >= 0) {
            int n = significantBytes(v);
            out.put(KeyTags.INT_ZERO + n);
            out.putBigEndian(v, n);
        } else {
            int m = significantBytes(~v);
            out.put(KeyTags.INT_ZERO - 1 - m);
            out.putBigEndian(v, m);
        }
    }

    void put(int b) {
        out.put(b);
    }

    void invertFrom(int start) {
        out.invertFrom(start);
    }

    int position() {
        return out.length();
    }

    /** The DOUBLE layout's 64 bits; canonicalises -0.0 and NaN so equal values share bytes. */
    static long orderedBits(double value) {
        long bits = Double.doubleToLongBits(value == 0.0 ? 0.0 : value);
        return bits ^ ((bits >> 63) | Long.MIN_VALUE);
    }

    private static int significantBytes(long nonNegative) {
        return (64 - Long.numberOfLeadingZeros(nonNegative) + 7) >>> 3;
    }

    private KeyEncoder finish(int start, SortOrder order) {
        if (order == SortOrder.DESCENDING) {
            out.invertFrom(start);
        }
        return this;
    }
}

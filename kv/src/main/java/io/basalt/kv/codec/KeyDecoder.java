package io.basalt.kv.codec;

import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneOffset;

/**
 * Reads the fields of a key written by {@link KeyEncoder} (the layout is drawn there), one at
 * a time and in order. The caller names each field's {@link SortOrder}; the schema knows it.
 *
 * <p>Input is untrusted: reading the wrong family, or truncated or garbage bytes, throws
 * {@link IllegalArgumentException} and never reads out of bounds or loops (every loop
 * consumes at least one byte). A family mismatch is detected from the tag before anything is
 * consumed, so the decoder stays usable; after any other error its position is unspecified.
 * Decoding is strict where it is cheap (non-minimal integers, unnormalised decimals and
 * invalid UTF-8 are rejected) so that a key that decodes cleanly is one the encoder wrote.
 */
public final class KeyDecoder {
    private static final long NANOS_PER_DAY = 86_400_000_000_000L;

    private final ByteSource in = new ByteSource("key");

    public KeyDecoder(byte[] bytes) {
        this(bytes, 0, bytes.length);
    }

    public KeyDecoder(byte[] bytes, int offset, int length) {
        in.reset(bytes, offset, length);
    }

    /** Points the decoder at another key, so one decoder can serve a whole scan. */
    public KeyDecoder reset(byte[] bytes, int offset, int length) {
        in.reset(bytes, offset, length);
        return this;
    }

    public boolean hasRemaining() {
        return in.hasRemaining();
    }

    /** The index in the byte array of the next field's tag (the offset passed in, at first). */
    public int position() {
        return in.position();
    }

    /** The family of the next field, without consuming it. */
    public KeyType peekType(SortOrder order) {
        if (!in.hasRemaining()) {
            throw in.malformed("expected a field at offset " + in.position() + " but the key ends");
        }
        KeyType type = KeyTags.typeOf(in.peek() ^ order.mask());
        if (type == null) {
            throw in.malformed("no " + order + " field starts with byte " + in.peek() + " at offset " + in.position());
        }
        return type;
    }

    /** Consumes the next field and returns true if it is NULL; otherwise consumes nothing. */
    public boolean tryReadNull(SortOrder order) {
        if (in.hasRemaining() && (in.peek() ^ order.mask()) == KeyTags.NULL) {
            in.skip(1);
            return true;
        }
        return false;
    }

    public boolean readBoolean(SortOrder order) {
        return readTag(KeyType.BOOLEAN, order) == KeyTags.TRUE;
    }

    public long readLong(SortOrder order) {
        expect(KeyType.INTEGER, order);
        return readOrderedLong(order.mask());
    }

    /** The value stripped of trailing zeros: compare it with {@code compareTo}, not equals. */
    public BigDecimal readDecimal(SortOrder order) {
        int tag = readTag(KeyType.DECIMAL, order);
        return KeyDecimals.decode(tag, this, order.mask());
    }

    public double readDouble(SortOrder order) {
        readTag(KeyType.DOUBLE, order);
        long ordered = in.readBigEndian(8) ^ (order.mask() == 0 ? 0L : -1L);
        return Double.longBitsToDouble(ordered ^ ((~ordered >> 63) | Long.MIN_VALUE));
    }

    public String readString(SortOrder order) {
        int fieldOffset = in.position();
        readTag(KeyType.STRING, order);
        return in.decodeUtf8(KeyStrings.readEscaped(this, order.mask()), "string field at offset " + fieldOffset);
    }

    public byte[] readBytes(SortOrder order) {
        readTag(KeyType.BYTES, order);
        return KeyStrings.readEscaped(this, order.mask());
    }

    public LocalDate readDate(SortOrder order) {
        int fieldOffset = in.position();
        readTag(KeyType.DATE, order);
        long epochDay = readOrderedLong(order.mask());
        try {
            return LocalDate.ofEpochDay(epochDay);
        } catch (DateTimeException e) {
            throw in.malformed("date out of range at offset " + fieldOffset);
        }
    }

    public LocalTime readTime(SortOrder order) {
        int fieldOffset = in.position();
        readTag(KeyType.TIME, order);
        long nanoOfDay = readOrderedLong(order.mask());
        if (nanoOfDay < 0 || nanoOfDay >= NANOS_PER_DAY) {
            throw in.malformed("time out of range at offset " + fieldOffset);
        }
        return LocalTime.ofNanoOfDay(nanoOfDay);
    }

    public LocalDateTime readTimestamp(SortOrder order) {
        int fieldOffset = in.position();
        readTag(KeyType.TIMESTAMP, order);
        long epochSecond = readOrderedLong(order.mask());
        long nano = readOrderedLong(order.mask());
        if (nano < 0 || nano > 999_999_999) {
            throw in.malformed("timestamp nanoseconds out of range at offset " + fieldOffset);
        }
        try {
            return LocalDateTime.ofEpochSecond(epochSecond, (int) nano, ZoneOffset.UTC);
        } catch (DateTimeException e) {
            throw in.malformed("timestamp out of range at offset " + fieldOffset);
        }
    }

    /**
     * Reads the next field whatever its family: null, Boolean, Long (every integer), BigDecimal,
     * Double, String, byte[], LocalDate, LocalTime or LocalDateTime.
     */
    public Object readValue(SortOrder order) {
        return switch (peekType(order)) {
            case NULL -> {
                in.skip(1);
                yield null;
            }
            case BOOLEAN -> readBoolean(order);
            case INTEGER -> readLong(order);
            case DECIMAL -> readDecimal(order);
            case DOUBLE -> readDouble(order);
            case STRING -> readString(order);
            case BYTES -> readBytes(order);
            case DATE -> readDate(order);
            case TIME -> readTime(order);
            case TIMESTAMP -> readTimestamp(order);
        };
    }

    /** Moves past the next field; strings and bytes are skipped without being decoded. */
    public void skip(SortOrder order) {
        KeyType type = peekType(order);
        if (type == KeyType.STRING || type == KeyType.BYTES) {
            in.skip(1);
            KeyStrings.skipEscaped(this, order.mask());
        } else {
            readValue(order);
        }
    }

    /** The INTEGER layout, inverse of {@link KeyEncoder#putOrderedLong}; rejects non-minimal forms. */
    long readOrderedLong(int mask) {
        int tagOffset = in.position();
        int tag = readByte(mask);
        if (tag >= KeyTags.INT_ZERO && tag <= KeyTags.INT_MAX) {
            int n = tag - KeyTags.INT_ZERO;
            long v = readBigEndian(n, mask);
            if (n > 0 && (v >>> (8 * (n - 1))) == 0 || n == 8 && v < 0) {
                throw in.malformed("non-minimal or overflowing integer at offset " + tagOffset);
            }
            return v;
        }
        if (tag >= KeyTags.INT_MIN && tag < KeyTags.INT_ZERO) {
            int m = KeyTags.INT_ZERO - 1 - tag;
            long low = readBigEndian(m, mask);
            // Sign-extend the low m bytes; a shift by 64 would be a shift by 0 in Java.
            long v = m == 8 ? low : (-1L << (8 * m)) | low;
            if (m > 0 && (~v >>> (8 * (m - 1))) == 0 || m == 8 && v >= 0) {
                throw in.malformed("non-minimal or overflowing integer at offset " + tagOffset);
            }
            return v;
        }
        throw in.malformed("expected an integer at offset " + tagOffset + " but found byte " + tag);
    }

    int readByte(int mask) {
        return in.readUnsignedByte() ^ mask;
    }

    IllegalArgumentException malformed(String detail) {
        return in.malformed(detail);
    }

    private long readBigEndian(int count, int mask) {
        long v = in.readBigEndian(count);
        return mask == 0 || count == 0 ? v : v ^ (-1L >>> (64 - 8 * count));
    }

    /** Consumes the tag of the next field, which must belong to {@code expected}; returns it unmasked. */
    private int readTag(KeyType expected, SortOrder order) {
        expect(expected, order);
        return in.readUnsignedByte() ^ order.mask();
    }

    private void expect(KeyType expected, SortOrder order) {
        KeyType actual = peekType(order);
        if (actual != expected) {
            throw new IllegalArgumentException("Expected a " + expected + " key field at offset "
                    + in.position() + " but found " + actual);
        }
    }
}

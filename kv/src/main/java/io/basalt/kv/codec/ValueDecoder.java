package io.basalt.kv.codec;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneOffset;

/**
 * Iterates the present columns of a row value written by {@link ValueEncoder} (the layout is
 * drawn there).
 *
 * <p>{@link #next()} reads a column's header and steps over its payload without decoding it;
 * {@link #value()} decodes on demand. A scan that projects a few columns therefore pays
 * nothing for the others beyond walking their lengths. Input is untrusted: any inconsistency
 * found (bad version, unknown type, a length past the end, an overflowing varint, invalid
 * UTF-8, an out-of-range date) throws {@link IllegalArgumentException}, and every step
 * consumes at least one byte, so corrupt input cannot loop. Reusable, not thread-safe.
 */
public final class ValueDecoder {
    private static final long NANOS_PER_DAY = 86_400_000_000_000L;

    private final ByteSource in = new ByteSource("row value");
    private int columnId;
    private int type;
    private int payloadStart = -1;
    private Object value;
    private boolean decoded;

    public ValueDecoder() {
    }

    public ValueDecoder(byte[] record) {
        reset(record);
    }

    public ValueDecoder reset(byte[] record) {
        return reset(record, 0, record.length);
    }

    /** Starts reading a record; checks its version byte. */
    public ValueDecoder reset(byte[] record, int offset, int length) {
        in.reset(record, offset, length);
        int version = in.readUnsignedByte();
        if (version != ValueEncoder.VERSION) {
            throw in.malformed("unknown format version " + version);
        }
        columnId = -1;
        payloadStart = -1;
        return this;
    }

    /** Advances to the next present column; false at the end of the record. */
    public boolean next() {
        if (!in.hasRemaining()) {
            payloadStart = -1;
            return false;
        }
        int headerOffset = in.position();
        long header = in.readVarint();
        long id = columnId + 1L + (header >>> 4);
        if (id > Integer.MAX_VALUE) {
            throw in.malformed("column id overflows at offset " + headerOffset);
        }
        columnId = (int) id;
        type = (int) (header & 0xF);
        payloadStart = in.position();
        skipPayload(headerOffset);
        decoded = false;
        return true;
    }

    /** The id of the column {@link #next()} moved to. */
    public int columnId() {
        requireColumn();
        return columnId;
    }

    /**
     * The current column's value: Long (every integer width), Boolean, BigDecimal (scale as
     * written), Double, Float, String, byte[], LocalDate, LocalTime or LocalDateTime. Never null.
     */
    public Object value() {
        requireColumn();
        if (!decoded) {
            int resume = in.position();
            in.seek(payloadStart);
            value = decodePayload();
            in.seek(resume);
            decoded = true;
        }
        return value;
    }

    /**
     * Decodes the rest of the record into {@code row} for a table scan, without maps:
     * column {@code id} lands in {@code row[slotByColumnId[id]]}. Ids beyond the array or mapped
     * to a negative slot (dropped or not projected) are skipped undecoded. Every mapped slot is
     * overwritten, with null when its column is absent, so a reused row holds nothing stale.
     */
    public void decodeInto(int[] slotByColumnId, Object[] row) {
        decodeInto(slotByColumnId, row, null);
    }

    /**
     * As {@link #decodeInto(int[], Object[])}, but an absent column's slot gets
     * {@code absentBySlot[slot]} instead of null (a column's missing value, for rows written before
     * it existed); an explicit NULL still gives null.
     *
     * @param absentBySlot indexed like {@code row}, or null for "absent is NULL" everywhere
     */
    public void decodeInto(int[] slotByColumnId, Object[] row, Object[] absentBySlot) {
        for (int slot : slotByColumnId) {
            if (slot >= 0) {
                row[slot] = absentBySlot == null ? null : absentBySlot[slot];
            }
        }
        while (next()) {
            if (columnId < slotByColumnId.length && slotByColumnId[columnId] >= 0) {
                row[slotByColumnId[columnId]] = value();
            }
        }
    }

    private void requireColumn() {
        if (payloadStart < 0) {
            throw new IllegalStateException("Not positioned on a column: call next() first");
        }
    }

    private void skipPayload(int headerOffset) {
        switch (type) {
            case ValueEncoder.LONG, ValueEncoder.DATE, ValueEncoder.TIME -> in.readVarint();
            case ValueEncoder.FALSE, ValueEncoder.TRUE, ValueEncoder.NULL -> { }
            case ValueEncoder.DECIMAL -> {
                in.readVarint();
                in.skip(in.readLength());
            }
            case ValueEncoder.DOUBLE -> in.skip(8);
            case ValueEncoder.FLOAT -> in.skip(4);
            case ValueEncoder.STRING, ValueEncoder.BYTES -> in.skip(in.readLength());
            case ValueEncoder.TIMESTAMP -> {
                in.readVarint();
                in.readVarint();
            }
            default -> throw in.malformed("unknown column type " + type + " at offset " + headerOffset);
        }
    }

    private Object decodePayload() {
        return switch (type) {
            case ValueEncoder.LONG -> readZigzag();
            case ValueEncoder.FALSE -> Boolean.FALSE;
            case ValueEncoder.TRUE -> Boolean.TRUE;
            case ValueEncoder.DECIMAL -> readDecimal();
            case ValueEncoder.DOUBLE -> Double.longBitsToDouble(in.readBigEndian(8));
            case ValueEncoder.FLOAT -> Float.intBitsToFloat((int) in.readBigEndian(4));
            case ValueEncoder.STRING -> readUtf8();
            case ValueEncoder.BYTES -> in.readBytes(in.readLength());
            case ValueEncoder.DATE -> readDate();
            case ValueEncoder.TIME -> readTime();
            case ValueEncoder.TIMESTAMP -> readTimestamp();
            case ValueEncoder.NULL -> null;
            default -> throw new AssertionError("type was checked by next()");
        };
    }

    private long readZigzag() {
        long z = in.readVarint();
        return (z >>> 1) ^ -(z & 1);
    }

    private BigDecimal readDecimal() {
        long scale = readZigzag();
        int length = in.readLength();
        if (scale != (int) scale || length == 0) {
            throw in.malformed("bad decimal in column " + columnId);
        }
        return new BigDecimal(new BigInteger(in.readBytes(length)), (int) scale);
    }

    private String readUtf8() {
        return in.decodeUtf8(in.readBytes(in.readLength()), "column " + columnId);
    }

    private LocalDate readDate() {
        long epochDay = readZigzag();
        try {
            return LocalDate.ofEpochDay(epochDay);
        } catch (DateTimeException e) {
            throw in.malformed("date out of range in column " + columnId);
        }
    }

    private LocalTime readTime() {
        long nanoOfDay = in.readVarint();
        if (nanoOfDay < 0 || nanoOfDay >= NANOS_PER_DAY) {
            throw in.malformed("time out of range in column " + columnId);
        }
        return LocalTime.ofNanoOfDay(nanoOfDay);
    }

    private LocalDateTime readTimestamp() {
        long epochSecond = readZigzag();
        long nano = in.readVarint();
        if (nano < 0 || nano > 999_999_999) {
            throw in.malformed("timestamp nanoseconds out of range in column " + columnId);
        }
        try {
            return LocalDateTime.ofEpochSecond(epochSecond, (int) nano, ZoneOffset.UTC);
        } catch (DateTimeException e) {
            throw in.malformed("timestamp out of range in column " + columnId);
        }
    }
}

package io.basalt.kv.codec;

import java.util.Arrays;

/**
 * A growable byte array shared by {@link KeyEncoder} and {@link ValueEncoder}.
 *
 * <p>It exists so that both encoders can be reused across rows without allocating per field:
 * the buffer only grows, and {@link #clear()} just rewinds. Multi-byte primitives are written
 * big-endian (most significant byte first) because the key codec relies on that for ordering;
 * the value codec uses the same order only for consistency.
 */
final class ByteSink {
    private byte[] buf;
    private int len;

    ByteSink(int initialCapacity) {
        buf = new byte[Math.max(initialCapacity, 8)];
    }

    void put(int b) {
        if (len == buf.length) {
            grow(1);
        }
        buf[len++] = (byte) b;
    }

    void put(byte[] src, int offset, int length) {
        ensureSpare(length);
        System.arraycopy(src, offset, buf, len, length);
        len += length;
    }

    /** Writes the low {@code count} bytes of {@code v}, most significant first. */
    void putBigEndian(long v, int count) {
        ensureSpare(count);
        for (int shift = 8 * (count - 1); shift >= 0; shift -= 8) {
            buf[len++] = (byte) (v >>> shift);
        }
    }

    /** Unsigned LEB128: 7 bits per byte, least significant group first, high bit = "more". */
    void putVarint(long v) {
        ensureSpare(10);
        while ((v & ~0x7FL) != 0) {
            buf[len++] = (byte) ((v & 0x7F) | 0x80);
            v >>>= 7;
        }
        buf[len++] = (byte) v;
    }

    /** Complements every byte written since {@code start}: how DESCENDING fields are made. */
    void invertFrom(int start) {
        for (int i = start; i < len; i++) {
            buf[i] = (byte) ~buf[i];
        }
    }

    int length() {
        return len;
    }

    byte[] toByteArray() {
        return Arrays.copyOf(buf, len);
    }

    void clear() {
        len = 0;
    }

    /** Drops what was written after {@code length}: undoes a partly written, rejected field. */
    void truncate(int length) {
        len = length;
    }

    private void ensureSpare(int needed) {
        if (buf.length - len < needed) {
            grow(needed);
        }
    }

    private void grow(int needed) {
        int capacity = Math.max(buf.length * 2, len + needed);
        if (capacity < 0) {
            throw new IllegalStateException("Encoded value exceeds 2 GiB");
        }
        buf = Arrays.copyOf(buf, capacity);
    }
}

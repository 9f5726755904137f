package io.basalt.kv.codec;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * A bounds-checked cursor over a slice of a byte array, shared by both decoders.
 *
 * <p>Every read checks the remaining length first and reports a shortfall as
 * {@link IllegalArgumentException}, so a corrupt or truncated key or row can never surface as
 * {@code ArrayIndexOutOfBoundsException} deep inside the engine. Messages name the offset but
 * never the bytes themselves: keys and row values must not reach logs in clear (STYLE 7).
 */
final class ByteSource {
    private final String what;
    private byte[] bytes = new byte[0];
    private int pos;
    private int end;

    /** @param what names the kind of input in error messages ("key", "row value") */
    ByteSource(String what) {
        this.what = what;
    }

    void reset(byte[] bytes, int offset, int length) {
        Objects.checkFromIndexSize(offset, length, bytes.length);
        this.bytes = bytes;
        this.pos = offset;
        this.end = offset + length;
    }

    boolean hasRemaining() {
        return pos < end;
    }

    int remaining() {
        return end - pos;
    }

    int position() {
        return pos;
    }

    void seek(int position) {
        pos = position;
    }

    byte[] array() {
        return bytes;
    }

    /** The next byte as 0..255 without consuming it; the caller must check {@link #hasRemaining}. */
    int peek() {
        return bytes[pos] & 0xFF;
    }

    int readUnsignedByte() {
        if (pos >= end) {
            throw malformed("truncated at offset " + pos);
        }
        return bytes[pos++] & 0xFF;
    }

    /** Reads {@code count} bytes (at most 8) as a big-endian unsigned number. */
    long readBigEndian(int count) {
        require(count);
        long v = 0;
        for (int i = 0; i < count; i++) {
            v = (v << 8) | (bytes[pos++] & 0xFF);
        }
        return v;
    }

    /** Unsigned LEB128, the inverse of {@link ByteSink#putVarint}. */
    long readVarint() {
        int start = pos;
        long v = 0;
        for (int shift = 0; shift < 64; shift += 7) {
            int b = readUnsignedByte();
            if (shift == 63 && b > 1) {
                throw malformed("varint overflows 64 bits at offset " + start);
            }
            v |= (long) (b & 0x7F) << shift;
            if ((b & 0x80) == 0) {
                return v;
            }
        }
        throw malformed("varint longer than 10 bytes at offset " + start);
    }

    /** A length read from the input, checked against what is actually left. */
    int readLength() {
        int at = pos;
        long length = readVarint();
        if (length < 0 || length > remaining()) {
            throw malformed("length " + Long.toUnsignedString(length) + " at offset " + at
                    + " exceeds the " + remaining() + " bytes left");
        }
        return (int) length;
    }

    byte[] readBytes(int count) {
        require(count);
        byte[] out = new byte[count];
        System.arraycopy(bytes, pos, out, 0, count);
        pos += count;
        return out;
    }

    void skip(int count) {
        require(count);
        pos += count;
    }

    /** Strict UTF-8: malformed sequences, overlong forms and encoded surrogates are errors. */
    String decodeUtf8(byte[] utf8, String where) {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(utf8))
                    .toString();
        } catch (CharacterCodingException e) {
            throw malformed("invalid UTF-8 in " + where);
        }
    }

    IllegalArgumentException malformed(String detail) {
        return new IllegalArgumentException("Malformed " + what + ": " + detail);
    }

    private void require(int count) {
        if (count < 0 || count > end - pos) {
            throw malformed("needs " + count + " bytes at offset " + pos + " but only "
                    + (end - pos) + " are left");
        }
    }
}

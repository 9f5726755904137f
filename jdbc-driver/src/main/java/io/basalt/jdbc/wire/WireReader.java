package io.basalt.jdbc.wire;

import io.netty.buffer.ByteBuf;
import java.nio.charset.StandardCharsets;

/**
 * Reads a frame body strictly: every read checks that the frame still holds the bytes, every length
 * and count is checked against what is left before anything is allocated, and {@link #finish()}
 * refuses trailing bytes. Any failure is a {@link ProtocolViolation}, never an
 * IndexOutOfBoundsException or an OutOfMemoryError.
 */
final class WireReader {
    private final ByteBuf in;

    WireReader(ByteBuf in) {
        this.in = in;
    }

    private void need(int bytes, String what) {
        if (in.readableBytes() < bytes) {
            throw new ProtocolViolation("frame ends inside " + what);
        }
    }

    int remaining() {
        return in.readableBytes();
    }

    int u8() {
        need(1, "a byte");
        return in.readUnsignedByte();
    }

    int u16() {
        need(2, "a short");
        return in.readUnsignedShort();
    }

    short i16() {
        need(2, "a short");
        return in.readShort();
    }

    boolean bool() {
        int value = u8();
        if (value > 1) {
            throw new ProtocolViolation("boolean byte " + value);
        }
        return value == 1;
    }

    int i32() {
        need(4, "an int");
        return in.readInt();
    }

    long i64() {
        need(8, "a long");
        return in.readLong();
    }

    float f32() {
        need(4, "a float");
        return in.readFloat();
    }

    double f64() {
        need(8, "a double");
        return in.readDouble();
    }

    /** A count of items that take at least {@code minBytesEach} bytes each: bounded by what the frame holds. */
    int count(int minBytesEach) {
        int count = i32();
        if (count < 0 || (long) count * minBytesEach > in.readableBytes()) {
            throw new ProtocolViolation("count " + count + " does not fit in the frame");
        }
        return count;
    }

    String string() {
        String value = nullableString();
        if (value == null) {
            throw new ProtocolViolation("null where a string is required");
        }
        return value;
    }

    String nullableString() {
        int length = i32();
        if (length == -1) {
            return null;
        }
        if (length < 0) {
            throw new ProtocolViolation("string length " + length);
        }
        need(length, "a string");
        String value = in.toString(in.readerIndex(), length, StandardCharsets.UTF_8);
        in.skipBytes(length);
        return value;
    }

    byte[] bytes() {
        int length = i32();
        if (length < 0) {
            throw new ProtocolViolation("byte string length " + length);
        }
        need(length, "a byte string");
        byte[] value = new byte[length];
        in.readBytes(value);
        return value;
    }

    /** The body must have been read completely. */
    void finish(String message) {
        if (in.isReadable()) {
            throw new ProtocolViolation(in.readableBytes() + " trailing bytes after " + message);
        }
    }
}

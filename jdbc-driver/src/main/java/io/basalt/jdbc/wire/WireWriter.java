package io.basalt.jdbc.wire;

import io.netty.buffer.ByteBuf;
import java.nio.charset.StandardCharsets;

/** Writes the protocol's primitive fields (big-endian) into a frame body. */
final class WireWriter {
    private final ByteBuf out;

    WireWriter(ByteBuf out) {
        this.out = out;
    }

    int writtenBytes() {
        return out.writerIndex();
    }

    void u8(int value) {
        out.writeByte(value);
    }

    void u16(int value) {
        out.writeShort(value);
    }

    void bool(boolean value) {
        out.writeByte(value ? 1 : 0);
    }

    void i32(int value) {
        out.writeInt(value);
    }

    void i64(long value) {
        out.writeLong(value);
    }

    void f32(float value) {
        out.writeFloat(value);
    }

    void f64(double value) {
        out.writeDouble(value);
    }

    /** int32 byte length, then UTF-8; null as length -1. */
    void string(String value) {
        if (value == null) {
            out.writeInt(-1);
            return;
        }
        int lengthAt = out.writerIndex();
        out.writeInt(0);
        int written = out.writeCharSequence(value, StandardCharsets.UTF_8);
        out.setInt(lengthAt, written);
    }

    void bytes(byte[] value) {
        out.writeInt(value.length);
        out.writeBytes(value);
    }
}

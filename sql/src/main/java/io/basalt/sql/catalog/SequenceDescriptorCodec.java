package io.basalt.sql.catalog;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Serialises sequence descriptors for the catalog's KV rows; versioned like table descriptors.
 *
 * <pre>
 *   u8 format(=1) | i32 id | utf name | i64 start | i64 increment | i64 min | i64 max | i32 cache
 *   | bool cycle | bool owned [utf ownedBy]
 * </pre>
 */
final class SequenceDescriptorCodec {
    private static final int FORMAT = 1;

    private SequenceDescriptorCodec() {
    }

    static byte[] encode(SequenceDescriptor sequence) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeByte(FORMAT);
            out.writeInt(sequence.id());
            out.writeUTF(sequence.name());
            out.writeLong(sequence.start());
            out.writeLong(sequence.increment());
            out.writeLong(sequence.minValue());
            out.writeLong(sequence.maxValue());
            out.writeInt(sequence.cache());
            out.writeBoolean(sequence.cycle());
            out.writeBoolean(sequence.ownedBy() != null);
            if (sequence.ownedBy() != null) {
                out.writeUTF(sequence.ownedBy());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    static SequenceDescriptor decode(byte[] bytes) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
            int format = in.readUnsignedByte();
            if (format != FORMAT) {
                throw new IllegalStateException("Unknown sequence descriptor format " + format);
            }
            return new SequenceDescriptor(in.readInt(), in.readUTF(), in.readLong(), in.readLong(), in.readLong(),
                    in.readLong(), in.readInt(), in.readBoolean(), in.readBoolean() ? in.readUTF() : null);
        } catch (IOException e) {
            throw new UncheckedIOException("Corrupt sequence descriptor", e);
        }
    }
}

package io.basalt.sql.catalog;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Serialises table descriptors for the catalog's KV rows. The format is versioned because
 * descriptors outlive the code that wrote them; a reader refuses a version it does not know.
 *
 * <pre>
 *   u8 format(=1) | i32 id | utf name | i32 partitionKeyLength
 *   | i32 n | n x (i32 id | utf name | utf type | i32 precision | i32 scale | bool nullable | bool hasDefault [utf default])
 *   | i32 k | k x i32 primary-key position
 * </pre>
 */
public final class TableDescriptorCodec {
    private static final int FORMAT = 1;

    private TableDescriptorCodec() {
    }

    public static byte[] encode(TableDescriptor table) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeByte(FORMAT);
            out.writeInt(table.id());
            out.writeUTF(table.name());
            out.writeInt(table.partitionKeyLength());
            out.writeInt(table.columns().size());
            for (ColumnDescriptor column : table.columns()) {
                out.writeInt(column.id());
                out.writeUTF(column.name());
                out.writeUTF(column.type().name().name());
                out.writeInt(column.type().precision());
                out.writeInt(column.type().scale());
                out.writeBoolean(column.nullable());
                out.writeBoolean(column.defaultSql() != null);
                if (column.defaultSql() != null) {
                    out.writeUTF(column.defaultSql());
                }
            }
            int[] primaryKey = table.primaryKey();
            out.writeInt(primaryKey.length);
            for (int position : primaryKey) {
                out.writeInt(position);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    public static TableDescriptor decode(byte[] bytes) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
            int format = in.readUnsignedByte();
            if (format != FORMAT) {
                throw new IllegalStateException("Unknown table descriptor format " + format);
            }
            int id = in.readInt();
            String name = in.readUTF();
            int partitionKeyLength = in.readInt();
            int columnCount = in.readInt();
            List<ColumnDescriptor> columns = new ArrayList<>(columnCount);
            for (int i = 0; i < columnCount; i++) {
                int columnId = in.readInt();
                String columnName = in.readUTF();
                ColumnType type = new ColumnType(ColumnType.Name.valueOf(in.readUTF()), in.readInt(), in.readInt());
                boolean nullable = in.readBoolean();
                String defaultSql = in.readBoolean() ? in.readUTF() : null;
                columns.add(new ColumnDescriptor(columnId, columnName, type, nullable, defaultSql));
            }
            int[] primaryKey = new int[in.readInt()];
            for (int i = 0; i < primaryKey.length; i++) {
                primaryKey[i] = in.readInt();
            }
            return new TableDescriptor(id, name, columns, primaryKey, partitionKeyLength);
        } catch (IOException e) {
            throw new UncheckedIOException("Corrupt table descriptor", e);
        }
    }
}

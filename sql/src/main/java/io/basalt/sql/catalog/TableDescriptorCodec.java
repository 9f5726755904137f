package io.basalt.sql.catalog;

import io.basalt.kv.codec.ValueDecoder;
import io.basalt.kv.codec.ValueEncoder;
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
 *   u8 format(=6) | i32 id | utf name | i32 partitionKeyLength
 *   | i32 n | n x (i32 id | utf name | utf type | i32 precision | i32 scale | bool nullable | bool hasDefault [utf default]
 *                 | utf identity (format 4) | i32 m [m bytes missing value] (format 6))
 *   | i32 k | k x i32 primary-key position
 *   | i32 x | x x (i32 id | utf name | i32 c | c x i32 position | bool unique | utf placement
 *                 | bool constraint | utf state | i64 readableFrom)          (format 2 and later)
 *   | i32 f | f x (utf name | i32 c | c x i32 position | i32 parentTableId | c x i32 parent position
 *                 | utf onDelete)
 *   | i32 k | k x (utf name | utf condition)                                 (format 3 and later)
 *   | i32 r | r x (i32 length | bytes)  range split points                  (format 5)
 * </pre>
 * Formats 1 (no indexes), 2 (no foreign keys or checks), 3 (no identity columns), 4 (no range
 * partitioning) and 5 (no missing values) are still read. A missing value is a one-column row
 * value record (column id 0, {@code ValueEncoder}'s layout), so it decodes to exactly what a row's
 * values decode to; m = -1 for none (NULL).
 */
public final class TableDescriptorCodec {
    private static final int FORMAT = 6;
    private static final int FORMAT_WITHOUT_MISSING_VALUES = 5;
    private static final int FORMAT_WITHOUT_RANGES = 4;
    private static final int FORMAT_WITHOUT_IDENTITY = 3;
    private static final int FORMAT_WITHOUT_INDEXES = 1;
    private static final int FORMAT_WITHOUT_CONSTRAINTS = 2;

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
                out.writeUTF(column.identity().name());
                writeMissingValue(out, column.missingValue());
            }
            int[] primaryKey = table.primaryKey();
            out.writeInt(primaryKey.length);
            for (int position : primaryKey) {
                out.writeInt(position);
            }
            out.writeInt(table.indexes().size());
            for (IndexDescriptor index : table.indexes()) {
                out.writeInt(index.id());
                out.writeUTF(index.name());
                out.writeInt(index.columnCount());
                for (int position : index.columns()) {
                    out.writeInt(position);
                }
                out.writeBoolean(index.unique());
                out.writeUTF(index.placement().name());
                out.writeBoolean(index.constraint());
                out.writeUTF(index.state().name());
                out.writeLong(index.readableFrom());
            }
            out.writeInt(table.foreignKeys().size());
            for (ForeignKeyDescriptor fk : table.foreignKeys()) {
                out.writeUTF(fk.name());
                int[] columns = fk.columns();
                out.writeInt(columns.length);
                for (int position : columns) {
                    out.writeInt(position);
                }
                out.writeInt(fk.parentTableId());
                for (int position : fk.parentColumns()) {
                    out.writeInt(position);
                }
                out.writeUTF(fk.onDelete().name());
            }
            out.writeInt(table.checks().size());
            for (CheckDescriptor check : table.checks()) {
                out.writeUTF(check.name());
                out.writeUTF(check.conditionSql());
            }
            out.writeInt(table.rangeSplits().size());
            for (byte[] split : table.rangeSplits()) {
                out.writeInt(split.length);
                out.write(split);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    public static TableDescriptor decode(byte[] bytes) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
            int format = in.readUnsignedByte();
            if (format < FORMAT_WITHOUT_INDEXES || format > FORMAT) {
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
                ColumnDescriptor.Identity identity = format > FORMAT_WITHOUT_IDENTITY
                        ? ColumnDescriptor.Identity.valueOf(in.readUTF()) : ColumnDescriptor.Identity.NONE;
                Object missingValue = format > FORMAT_WITHOUT_MISSING_VALUES ? readMissingValue(in) : null;
                columns.add(new ColumnDescriptor(columnId, columnName, type, nullable, defaultSql, identity,
                        missingValue));
            }
            int[] primaryKey = new int[in.readInt()];
            for (int i = 0; i < primaryKey.length; i++) {
                primaryKey[i] = in.readInt();
            }
            List<IndexDescriptor> indexes = new ArrayList<>();
            int indexCount = format == FORMAT_WITHOUT_INDEXES ? 0 : in.readInt();
            for (int i = 0; i < indexCount; i++) {
                int indexId = in.readInt();
                String indexName = in.readUTF();
                int[] positions = new int[in.readInt()];
                for (int c = 0; c < positions.length; c++) {
                    positions[c] = in.readInt();
                }
                boolean unique = in.readBoolean();
                IndexDescriptor.Placement placement = IndexDescriptor.Placement.valueOf(in.readUTF());
                boolean constraint = in.readBoolean();
                IndexDescriptor.State state = IndexDescriptor.State.valueOf(in.readUTF());
                indexes.add(new IndexDescriptor(indexId, indexName, positions, unique, placement, constraint, state,
                        in.readLong()));
            }
            List<ForeignKeyDescriptor> foreignKeys = new ArrayList<>();
            List<CheckDescriptor> checks = new ArrayList<>();
            if (format > FORMAT_WITHOUT_CONSTRAINTS) {
                int fkCount = in.readInt();
                for (int i = 0; i < fkCount; i++) {
                    String fkName = in.readUTF();
                    int[] positions = new int[in.readInt()];
                    for (int c = 0; c < positions.length; c++) {
                        positions[c] = in.readInt();
                    }
                    int parentTableId = in.readInt();
                    int[] parentPositions = new int[positions.length];
                    for (int c = 0; c < parentPositions.length; c++) {
                        parentPositions[c] = in.readInt();
                    }
                    foreignKeys.add(new ForeignKeyDescriptor(fkName, positions, parentTableId, parentPositions,
                            ForeignKeyDescriptor.OnDelete.valueOf(in.readUTF())));
                }
                int checkCount = in.readInt();
                for (int i = 0; i < checkCount; i++) {
                    checks.add(new CheckDescriptor(in.readUTF(), in.readUTF()));
                }
            }
            List<byte[]> splits = new ArrayList<>();
            if (format > FORMAT_WITHOUT_RANGES) {
                int splitCount = in.readInt();
                for (int i = 0; i < splitCount; i++) {
                    byte[] split = new byte[in.readInt()];
                    in.readFully(split);
                    splits.add(split);
                }
            }
            return new TableDescriptor(id, name, columns, primaryKey, partitionKeyLength, indexes, foreignKeys, checks,
                    splits);
        } catch (IOException e) {
            throw new UncheckedIOException("Corrupt table descriptor", e);
        }
    }

    /** A missing value as its stored bytes, and back: what rows decode to, whatever the caller gave. */
    public static Object normalizeMissingValue(Object value) {
        return value == null ? null : decodeValue(encodeValue(value));
    }

    private static void writeMissingValue(DataOutputStream out, Object value) throws IOException {
        if (value == null) {
            out.writeInt(-1);
            return;
        }
        byte[] bytes = encodeValue(value);
        out.writeInt(bytes.length);
        out.write(bytes);
    }

    private static Object readMissingValue(DataInputStream in) throws IOException {
        int length = in.readInt();
        if (length < 0) {
            return null;
        }
        byte[] bytes = new byte[length];
        in.readFully(bytes);
        return decodeValue(bytes);
    }

    private static byte[] encodeValue(Object value) {
        return new ValueEncoder().writeColumn(0, value).toByteArray();
    }

    private static Object decodeValue(byte[] bytes) {
        ValueDecoder decoder = new ValueDecoder(bytes);
        if (!decoder.next()) {
            throw new IllegalStateException("Corrupt table descriptor: empty missing value");
        }
        return decoder.value();
    }
}

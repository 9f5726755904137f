package io.basalt.sql.exec;

import io.basalt.kv.codec.KeyDecoder;
import io.basalt.kv.codec.KeyEncoder;
import io.basalt.kv.codec.Keys;
import io.basalt.kv.codec.SortOrder;
import io.basalt.kv.codec.ValueDecoder;
import io.basalt.kv.codec.ValueEncoder;
import io.basalt.kv.partition.PartitionKeys;
import io.basalt.sql.catalog.ColumnDescriptor;
import io.basalt.sql.catalog.ColumnType;
import io.basalt.sql.catalog.TableDescriptor;
import io.basalt.sql.type.UnconstrainedNumeric;
import java.math.RoundingMode;
import java.util.Arrays;
import java.util.List;

/**
 * Lays a table's rows out as KV pairs (values in the storage representation of {@code InternalValues}).
 *
 * <pre>
 *   key:   / partition / tableId / pk1 / pk2 ... /      (key codec tuple, ascending)
 *   value: non-key columns by column id               (value codec record; NULL = absent)
 *          + unconstrained NUMERIC key columns again
 * </pre>
 * The key codec normalises decimals (1.50 and 1.5 give the same bytes, as they must for the
 * equal numbers to be one key); a DECIMAL(p, s) key gets its scale back from its type, an
 * unconstrained NUMERIC key, whose values each have their own scale, from its copy in the value.
 *
 * <p>A column added by ALTER TABLE with a non-null DEFAULT has a missing value
 * ({@link ColumnDescriptor#missingValue()}): rows written before it existed do not hold it and
 * decode it as that value, so NULL in such a column is written explicitly (PostgreSQL 11's fast
 * default, where the tuple's attribute count tells old rows apart; here the column's absence does).
 * <p>The partition is the CRC32C of the encoded partition-key columns (a prefix of the primary key)
 * modulo the partition count, so every row with the same partition-key values, in any table,
 * lands in the same partition. Not thread-safe: one per executing operator.
 */
public final class RowCodec {
    /** Shared and immutable, from the descriptor (see {@link RowLayout}); the encoders below are this codec's own. */
    private final RowLayout layout;
    private final TableDescriptor table;
    private final int partitionCount;
    private final KeyEncoder keys = new KeyEncoder(64);
    private final ValueEncoder values = new ValueEncoder();
    private final ValueDecoder valueDecoder = new ValueDecoder();

    public RowCodec(TableDescriptor table, int partitionCount) {
        this.layout = RowLayout.of(table);
        this.table = table;
        this.partitionCount = partitionCount;
    }

    public TableDescriptor table() {
        return table;
    }

    public int partitionCount() {
        return partitionCount;
    }

    /**
     * The partition of a row whose first primary-key values are {@code keyValues} (at least the
     * partition key): the hash of the encoded partition key, or, for a range-partitioned table, the
     * number of the range it falls in (split points compared as encoded bytes, which order like
     * the values) modulo the partition count.
     */
    public int partitionOf(Object[] keyValues) {
        keys.reset();
        for (int i = 0; i < table.partitionKeyLength(); i++) {
            keys.writeValue(keyValues[i], SortOrder.ASCENDING);
        }
        byte[] partitionKey = keys.toByteArray();
        List<byte[]> splits = layout.splits();
        if (splits.isEmpty()) {
            return PartitionKeys.bucketOf(partitionKey, partitionCount);
        }
        int range = 0;
        while (range < splits.size() && Arrays.compareUnsigned(partitionKey, splits.get(range)) >= 0) {
            range++;
        }
        return range % partitionCount;
    }

    /** {@code / partition / tableId / keyValues[0..count) /}: a whole key, or the prefix of a key range. */
    public byte[] keyPrefix(int partition, Object[] keyValues, int count) {
        keys.reset().writeLong(partition).writeLong(table.id());
        for (int i = 0; i < count; i++) {
            keys.writeValue(keyValues[i], SortOrder.ASCENDING);
        }
        return keys.toByteArray();
    }

    /** {@code prefix ++ encoded value}, for a range bound on the key column after the prefix. */
    public static byte[] append(byte[] prefix, Object value) {
        return new KeyEncoder(prefix.length + 16).writeRawBytes(prefix).writeValue(value, SortOrder.ASCENDING).toByteArray();
    }

    /**
     * The key range {start, end} of the keys that start with {@code prefix} and whose next field
     * lies within the given bounds (a null bound: unbounded on that side).
     */
    public static byte[][] range(byte[] prefix, Object lower, boolean lowerInclusive, Object upper,
                                 boolean upperInclusive) {
        byte[] start = prefix;
        byte[] end = prefixEnd(prefix);
        if (lower != null) {
            byte[] withLower = append(prefix, lower);
            start = lowerInclusive ? withLower : prefixEnd(withLower);
        }
        if (upper != null) {
            byte[] withUpper = append(prefix, upper);
            end = upperInclusive ? prefixEnd(withUpper) : withUpper;
        }
        return new byte[][] {start, end};
    }

    /** The first key after every key starting with {@code prefix}. */
    public static byte[] prefixEnd(byte[] prefix) {
        return Keys.prefixEnd(prefix);
    }

    /** The key of a row given in storage values, in column order. */
    public byte[] key(Object[] row) {
        int[] primaryKey = layout.primaryKey();
        Object[] keyValues = new Object[primaryKey.length];
        for (int i = 0; i < primaryKey.length; i++) {
            keyValues[i] = row[primaryKey[i]];
        }
        return keyPrefix(partitionOf(keyValues), keyValues, keyValues.length);
    }

    public byte[] value(Object[] row) {
        values.reset();
        int[] valueColumns = layout.valueColumns();
        int[] valueColumnIds = layout.valueColumnIds();
        Object[] missingBySlot = layout.missingBySlot();
        for (int i = 0; i < valueColumns.length; i++) {
            int position = valueColumns[i];
            int id = valueColumnIds[i];
            if (row[position] == null && missingBySlot != null && missingBySlot[position] != null) {
                values.writeNull(id);
            } else {
                values.writeColumn(id, row[position]);
            }
        }
        return values.toByteArray();
    }

    /** A stored row back into storage values, in column order. */
    public Object[] decode(byte[] key, byte[] value) {
        Object[] row = new Object[layout.columnCount()];
        KeyDecoder decoder = new KeyDecoder(key);
        decoder.skip(SortOrder.ASCENDING); // partition
        decoder.skip(SortOrder.ASCENDING); // table id
        int[] primaryKey = layout.primaryKey();
        ColumnType[] keyTypes = layout.primaryKeyTypes();
        for (int i = 0; i < primaryKey.length; i++) {
            row[primaryKey[i]] = readKeyValue(decoder, keyTypes[i]);
        }
        // Key columns have no slot, so decodeInto leaves them as they are, except unconstrained
        // NUMERIC ones, whose exact value (scale included) is in the value too.
        valueDecoder.reset(value);
        valueDecoder.decodeInto(layout.slotByColumnId(), row, layout.missingBySlot());
        return row;
    }

    static Object readKeyValue(KeyDecoder decoder, ColumnType type) {
        return switch (type.name()) {
            case BOOLEAN -> decoder.readBoolean(SortOrder.ASCENDING);
            case SMALLINT, INTEGER, BIGINT -> decoder.readLong(SortOrder.ASCENDING);
            // The key codec normalises decimals (1.50 -> 1.5); the column's scale restores them.
            case DECIMAL -> type.isUnconstrainedDecimal()
                    ? UnconstrainedNumeric.checked(decoder.readDecimal(SortOrder.ASCENDING))
                    : decoder.readDecimal(SortOrder.ASCENDING).setScale(type.scale(), RoundingMode.UNNECESSARY);
            case REAL -> (float) decoder.readDouble(SortOrder.ASCENDING);
            case DOUBLE -> decoder.readDouble(SortOrder.ASCENDING);
            case CHAR, VARCHAR -> decoder.readString(SortOrder.ASCENDING);
            case DATE -> decoder.readDate(SortOrder.ASCENDING);
            case TIME -> decoder.readTime(SortOrder.ASCENDING);
            case TIMESTAMP -> decoder.readTimestamp(SortOrder.ASCENDING);
        };
    }

    /** The table id in a row key, or -1 if the key is not a row key. */
    public static int tableIdOf(byte[] key) {
        try {
            KeyDecoder decoder = new KeyDecoder(key);
            decoder.skip(SortOrder.ASCENDING);
            return (int) decoder.readLong(SortOrder.ASCENDING);
        } catch (IllegalArgumentException e) {
            return -1;
        }
    }
}

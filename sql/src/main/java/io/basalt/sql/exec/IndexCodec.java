package io.basalt.sql.exec;

import io.basalt.kv.codec.KeyDecoder;
import io.basalt.kv.codec.KeyEncoder;
import io.basalt.kv.codec.SortOrder;
import io.basalt.kv.partition.PartitionKeys;
import io.basalt.sql.catalog.IndexDescriptor;
import io.basalt.sql.catalog.TableDescriptor;

/**
 * Lays out the entries of one secondary index (values in storage representation).
 *
 * <pre>
 *   key:   / partition / indexId / indexed values ... [/ primary-key values ...]
 *   value: primary-key values (key codec tuple)
 * </pre>
 * The primary key is appended to the key of a non-unique index (entries of equal values differ by
 * it) and of a unique index entry holding a NULL (NULLs are never equal, so such rows never
 * collide). A unique entry without NULLs is the indexed values alone: two rows with equal values
 * write the same key, so the key-value layer's insert reports the duplicate, across partitions
 * and against concurrent transactions alike. The value always holds the primary key, so readers
 * need not know which shape they met.
 *
 * <p>The partition: for a global index the hash of all indexed values (term partitioning: an
 * equality on the whole term reads one partition); for a local index the row's own partition.
 * Not thread-safe: one per executing operator.
 */
public final class IndexCodec {
    private final TableDescriptor table;
    private final IndexDescriptor index;
    private final RowCodec rows;
    private final int[] indexColumns;
    private final int[] primaryKey;
    private final KeyEncoder keys = new KeyEncoder(64);

    public IndexCodec(TableDescriptor table, IndexDescriptor index, int partitionCount) {
        this.table = table;
        this.index = index;
        this.rows = new RowCodec(table, partitionCount);
        this.indexColumns = index.columns();
        this.primaryKey = table.primaryKey();
    }

    public IndexDescriptor index() {
        return index;
    }

    /** The entry key of a row given in storage values, in column order. */
    public byte[] entryKey(Object[] row) {
        boolean withPrimaryKey = !index.unique() || hasNull(row);
        int partition = partitionOfRow(row); // uses the encoder too: before it is reset for the key
        keys.reset().writeLong(partition).writeLong(index.id());
        for (int position : indexColumns) {
            keys.writeValue(row[position], SortOrder.ASCENDING);
        }
        if (withPrimaryKey) {
            for (int position : primaryKey) {
                keys.writeValue(row[position], SortOrder.ASCENDING);
            }
        }
        return keys.toByteArray();
    }

    /** The entry value of a row: its primary key. */
    public byte[] entryValue(Object[] row) {
        keys.reset();
        for (int position : primaryKey) {
            keys.writeValue(row[position], SortOrder.ASCENDING);
        }
        return keys.toByteArray();
    }

    /** The key of the row an entry points to. */
    public byte[] rowKey(byte[] entryValue) {
        KeyDecoder decoder = new KeyDecoder(entryValue);
        Object[] keyValues = new Object[primaryKey.length];
        for (int i = 0; i < primaryKey.length; i++) {
            keyValues[i] = RowCodec.readKeyValue(decoder, table.columns().get(primaryKey[i]).type());
        }
        return rows.keyPrefix(rows.partitionOf(keyValues), keyValues, keyValues.length);
    }

    /**
     * {@code / partition / indexId / values[0..count) /}: the prefix of the entries whose first
     * {@code count} indexed values are these.
     */
    public byte[] prefix(int partition, Object[] indexValues, int count) {
        keys.reset().writeLong(partition).writeLong(index.id());
        for (int i = 0; i < count; i++) {
            keys.writeValue(indexValues[i], SortOrder.ASCENDING);
        }
        return keys.toByteArray();
    }

    /**
     * The one partition holding every entry whose leading indexed values are {@code indexValues}:
     * for a global index all of them must be given (its term); for a local one, those that include
     * the table's partition key (the entries live with their rows).
     */
    public int partitionOf(Object[] indexValues) {
        if (index.placement() == IndexDescriptor.Placement.GLOBAL) {
            return termPartition(indexValues);
        }
        Object[] keyValues = new Object[primaryKey.length];
        for (int i = 0; i < table.partitionKeyLength(); i++) {
            for (int c = 0; c < indexColumns.length; c++) {
                if (indexColumns[c] == primaryKey[i]) {
                    keyValues[i] = indexValues[c];
                }
            }
        }
        return rows.partitionOf(keyValues);
    }

    /** The one partition holding every entry with these values for all indexed columns (global indexes only). */
    public int termPartition(Object[] indexValues) {
        if (index.placement() != IndexDescriptor.Placement.GLOBAL) {
            throw new IllegalStateException("a local index has no term partition");
        }
        keys.reset();
        for (int i = 0; i < indexColumns.length; i++) {
            keys.writeValue(indexValues[i], SortOrder.ASCENDING);
        }
        return PartitionKeys.bucketOf(keys.toByteArray(), rows.partitionCount());
    }

    /** Whether two rows have the same entry (same key and value): an update that need not touch the index. */
    public boolean sameEntry(Object[] oldRow, Object[] newRow) {
        for (int position : indexColumns) {
            if (!java.util.Objects.equals(oldRow[position], newRow[position])) {
                return false;
            }
        }
        for (int position : primaryKey) {
            if (!java.util.Objects.equals(oldRow[position], newRow[position])) {
                return false;
            }
        }
        return true;
    }

    private int partitionOfRow(Object[] row) {
        if (index.placement() == IndexDescriptor.Placement.LOCAL) {
            Object[] keyValues = new Object[primaryKey.length];
            for (int i = 0; i < primaryKey.length; i++) {
                keyValues[i] = row[primaryKey[i]];
            }
            return rows.partitionOf(keyValues);
        }
        Object[] indexValues = new Object[indexColumns.length];
        for (int i = 0; i < indexColumns.length; i++) {
            indexValues[i] = row[indexColumns[i]];
        }
        return termPartition(indexValues);
    }

    private boolean hasNull(Object[] row) {
        for (int position : indexColumns) {
            if (row[position] == null) {
                return true;
            }
        }
        return false;
    }
}

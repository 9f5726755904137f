package io.basalt.sql.exec;

import io.basalt.sql.catalog.ForeignKeyDescriptor;
import io.basalt.sql.catalog.IndexDescriptor;
import io.basalt.sql.catalog.KeyColumns;
import io.basalt.sql.catalog.TableDescriptor;
import io.basalt.txn.KeyValue;
import io.basalt.txn.Transaction;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;

/**
 * Finds the rows of a child table that reference given parent values through a foreign key, the
 * cheapest way the child's layout allows: a primary-key range when the foreign-key columns lead
 * its primary key (TPC-C's order lines under their order), else an index they lead, else a scan of
 * the whole table. The reads go through the transaction, so they are protected like any read
 * (range locks under 2PL, read markers under SSI) and see the transaction's own writes.
 */
final class ChildRows {
    private final TableDescriptor child;
    private final ForeignKeyDescriptor fk;
    private final int partitionCount;

    ChildRows(TableDescriptor child, ForeignKeyDescriptor fk, int partitionCount) {
        this.child = child;
        this.fk = fk;
        this.partitionCount = partitionCount;
    }

    /** The child rows (storage values, with their keys) whose foreign-key columns equal {@code parentValues}. */
    List<KeyValue> find(Transaction txn, Object[] parentValues) {
        int[] columns = fk.columns();
        RowCodec rows = new RowCodec(child, partitionCount);
        int[] primaryKey = child.primaryKey();
        if (KeyColumns.leads(primaryKey, columns)) {
            Object[] prefix = inOrder(primaryKey, columns, parentValues);
            List<Integer> partitions = columns.length >= child.partitionKeyLength()
                    ? List.of(rows.partitionOf(prefix)) : allPartitions();
            List<KeyValue> found = new ArrayList<>();
            for (int partition : partitions) {
                byte[] start = rows.keyPrefix(partition, prefix, columns.length);
                for (Iterator<KeyValue> it = txn.scan(start, RowCodec.prefixEnd(start)); it.hasNext(); ) {
                    found.add(it.next());
                }
            }
            return found;
        }
        for (IndexDescriptor index : child.indexes()) {
            if (KeyColumns.leads(index.columns(), columns)) {
                return throughIndex(txn, index, parentValues);
            }
        }
        List<KeyValue> found = new ArrayList<>();
        for (int partition : allPartitions()) {
            byte[] start = rows.keyPrefix(partition, new Object[0], 0);
            for (Iterator<KeyValue> it = txn.scan(start, RowCodec.prefixEnd(start)); it.hasNext(); ) {
                KeyValue kv = it.next();
                Object[] row = rows.decode(kv.key(), kv.value());
                boolean matches = true;
                for (int i = 0; i < columns.length; i++) {
                    matches &= Objects.equals(row[columns[i]], parentValues[i]);
                }
                if (matches) {
                    found.add(kv);
                }
            }
        }
        return found;
    }

    private List<KeyValue> throughIndex(Transaction txn, IndexDescriptor index, Object[] parentValues) {
        int[] columns = fk.columns();
        IndexCodec codec = new IndexCodec(child, index, partitionCount);
        Object[] values = inOrder(index.columns(), columns, parentValues);
        boolean onePartition = index.placement() == IndexDescriptor.Placement.GLOBAL
                ? columns.length == index.columnCount()
                : child.partitionKeyWithin(Arrays.copyOf(index.columns(), columns.length));
        List<Integer> partitions = onePartition ? List.of(codec.partitionOf(values)) : allPartitions();
        List<byte[]> rowKeys = new ArrayList<>();
        for (int partition : partitions) {
            byte[] start = codec.prefix(partition, values, columns.length);
            for (Iterator<KeyValue> it = txn.scan(start, RowCodec.prefixEnd(start)); it.hasNext(); ) {
                rowKeys.add(codec.rowKey(it.next().value()));
            }
        }
        List<byte[]> rows = txn.getAll(rowKeys);
        List<KeyValue> found = new ArrayList<>();
        for (int i = 0; i < rowKeys.size(); i++) {
            if (rows.get(i) != null) {
                found.add(new KeyValue(rowKeys.get(i), rows.get(i)));
            }
        }
        return found;
    }

    /** {@code values} (paired with {@code columns}) rearranged in the order of {@code key}'s leading columns. */
    private static Object[] inOrder(int[] key, int[] columns, Object[] values) {
        Object[] ordered = new Object[columns.length];
        for (int i = 0; i < columns.length; i++) {
            for (int j = 0; j < columns.length; j++) {
                if (columns[j] == key[i]) {
                    ordered[i] = values[j];
                }
            }
        }
        return ordered;
    }

    private List<Integer> allPartitions() {
        List<Integer> all = new ArrayList<>(partitionCount);
        for (int p = 0; p < partitionCount; p++) {
            all.add(p);
        }
        return all;
    }
}

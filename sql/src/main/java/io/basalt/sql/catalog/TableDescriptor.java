package io.basalt.sql.catalog;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * A table as the catalog stores it.
 *
 * @param id unique and never reused; it is the second field of every row key
 * @param primaryKey positions (into {@code columns}) of the primary-key columns, in key order
 * @param partitionKeyLength how many leading primary-key columns choose a row's partition (their
 *     hash does); the whole key by default. Rows of different tables with equal partition-key
 *     values share a partition.
 * @param indexes its secondary indexes, public or still being built
 * @param foreignKeys the foreign keys by which it references other tables (or itself)
 * @param checks its CHECK constraints
 */
public record TableDescriptor(int id, String name, List<ColumnDescriptor> columns, int[] primaryKey,
                              int partitionKeyLength, List<IndexDescriptor> indexes,
                              List<ForeignKeyDescriptor> foreignKeys, List<CheckDescriptor> checks) {

    public TableDescriptor(int id, String name, List<ColumnDescriptor> columns, int[] primaryKey, int partitionKeyLength) {
        this(id, name, columns, primaryKey, partitionKeyLength, List.of(), List.of(), List.of());
    }

    public TableDescriptor {
        columns = List.copyOf(columns);
        indexes = List.copyOf(indexes);
        foreignKeys = List.copyOf(foreignKeys);
        checks = List.copyOf(checks);
        primaryKey = primaryKey.clone();
        if (primaryKey.length == 0) {
            throw new IllegalArgumentException("a table needs a primary key");
        }
        if (partitionKeyLength < 1 || partitionKeyLength > primaryKey.length) {
            throw new IllegalArgumentException("the partition key must be a non-empty prefix of the primary key");
        }
    }

    /** The column's position, or -1. Names are compared exactly (the parser already folded case). */
    public int columnIndex(String columnName) {
        for (int i = 0; i < columns.size(); i++) {
            if (columns.get(i).name().equals(columnName)) {
                return i;
            }
        }
        return -1;
    }

    public boolean isPrimaryKeyColumn(int position) {
        for (int pk : primaryKey) {
            if (pk == position) {
                return true;
            }
        }
        return false;
    }

    /** The index named {@code indexName}, or null. */
    public IndexDescriptor index(String indexName) {
        for (IndexDescriptor index : indexes) {
            if (index.name().equals(indexName)) {
                return index;
            }
        }
        return null;
    }

    public TableDescriptor withIndexes(List<IndexDescriptor> newIndexes) {
        return new TableDescriptor(id, name, columns, primaryKey, partitionKeyLength, newIndexes, foreignKeys, checks);
    }

    public TableDescriptor withForeignKeys(List<ForeignKeyDescriptor> newForeignKeys) {
        return new TableDescriptor(id, name, columns, primaryKey, partitionKeyLength, indexes, newForeignKeys, checks);
    }

    /** Whether the leading partition-key columns of the primary key are all among {@code positions}. */
    public boolean partitionKeyWithin(int[] positions) {
        for (int i = 0; i < partitionKeyLength; i++) {
            boolean found = false;
            for (int position : positions) {
                found |= position == primaryKey[i];
            }
            if (!found) {
                return false;
            }
        }
        return true;
    }

    /** The name of the primary-key constraint, PostgreSQL style. */
    public String primaryKeyName() {
        return name.toLowerCase(Locale.ROOT) + "_pkey";
    }

    @Override
    public int[] primaryKey() {
        return primaryKey.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TableDescriptor other && other.id == id && other.name.equals(name)
                && other.columns.equals(columns) && Arrays.equals(other.primaryKey, primaryKey)
                && other.partitionKeyLength == partitionKeyLength && other.indexes.equals(indexes) && other.foreignKeys.equals(foreignKeys)
                && other.checks.equals(checks);
    }

    @Override
    public int hashCode() {
        return id * 31 + name.hashCode();
    }
}

package io.basalt.sql.catalog;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

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
 * @param rangeSplits empty for hash partitioning; for PARTITION BY RANGE the split points, each the
 *     key encoding of partition-key values, increasing: range {@code i} holds the keys below split
 *     {@code i} and at or above split {@code i - 1}, and lives in partition {@code i mod count}
 */
public record TableDescriptor(int id, String name, List<ColumnDescriptor> columns, int[] primaryKey,
                              int partitionKeyLength, List<IndexDescriptor> indexes,
                              List<ForeignKeyDescriptor> foreignKeys, List<CheckDescriptor> checks,
                              List<byte[]> rangeSplits) {

    public TableDescriptor(int id, String name, List<ColumnDescriptor> columns, int[] primaryKey, int partitionKeyLength) {
        this(id, name, columns, primaryKey, partitionKeyLength, List.of(), List.of(), List.of(), List.of());
    }

    public TableDescriptor(int id, String name, List<ColumnDescriptor> columns, int[] primaryKey, int partitionKeyLength,
                           List<IndexDescriptor> indexes, List<ForeignKeyDescriptor> foreignKeys,
                           List<CheckDescriptor> checks) {
        this(id, name, columns, primaryKey, partitionKeyLength, indexes, foreignKeys, checks, List.of());
    }

    public TableDescriptor {
        columns = List.copyOf(columns);
        indexes = List.copyOf(indexes);
        foreignKeys = List.copyOf(foreignKeys);
        checks = List.copyOf(checks);
        rangeSplits = rangeSplits.stream().map(byte[]::clone).toList();
        for (int i = 1; i < rangeSplits.size(); i++) {
            if (Arrays.compareUnsigned(rangeSplits.get(i - 1), rangeSplits.get(i)) >= 0) {
                throw new IllegalArgumentException("range split points must increase");
            }
        }
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
        return new TableDescriptor(id, name, columns, primaryKey, partitionKeyLength, newIndexes, foreignKeys, checks,
                rangeSplits);
    }

    public TableDescriptor withForeignKeys(List<ForeignKeyDescriptor> newForeignKeys) {
        return new TableDescriptor(id, name, columns, primaryKey, partitionKeyLength, indexes, newForeignKeys, checks,
                rangeSplits);
    }

    public TableDescriptor withName(String newName) {
        return new TableDescriptor(id, newName, columns, primaryKey, partitionKeyLength, indexes, foreignKeys, checks,
                rangeSplits);
    }

    public TableDescriptor withColumns(List<ColumnDescriptor> newColumns) {
        return new TableDescriptor(id, name, newColumns, primaryKey, partitionKeyLength, indexes, foreignKeys, checks,
                rangeSplits);
    }

    public TableDescriptor withChecks(List<CheckDescriptor> newChecks) {
        return new TableDescriptor(id, name, columns, primaryKey, partitionKeyLength, indexes, foreignKeys, newChecks,
                rangeSplits);
    }

    /**
     * Whether rows encode and decode alike under both descriptors: the same column ids in the same
     * order, with the same types and missing values. Names, defaults and constraints may differ.
     */
    public boolean sameRowLayout(TableDescriptor other) {
        if (other.columns.size() != columns.size()) {
            return false;
        }
        for (int i = 0; i < columns.size(); i++) {
            ColumnDescriptor a = columns.get(i);
            ColumnDescriptor b = other.columns.get(i);
            if (a.id() != b.id() || !a.type().equals(b.type()) || !Objects.equals(a.missingValue(), b.missingValue())) {
                return false;
            }
        }
        return true;
    }

    /** The same table under new ids, with new indexes and columns (TRUNCATE, ALTER TABLE): partitioning is kept. */
    public TableDescriptor with(int newId, List<ColumnDescriptor> newColumns, int[] newPrimaryKey,
                                List<IndexDescriptor> newIndexes, List<ForeignKeyDescriptor> newForeignKeys) {
        return new TableDescriptor(newId, name, newColumns, newPrimaryKey, partitionKeyLength, newIndexes, newForeignKeys,
                checks, rangeSplits);
    }

    @Override
    public List<byte[]> rangeSplits() {
        return rangeSplits.stream().map(byte[]::clone).toList();
    }

    public boolean rangePartitioned() {
        return !rangeSplits.isEmpty();
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
                && other.checks.equals(checks) && sameSplits(other.rangeSplits, rangeSplits);
    }

    private static boolean sameSplits(List<byte[]> a, List<byte[]> b) {
        if (a.size() != b.size()) {
            return false;
        }
        for (int i = 0; i < a.size(); i++) {
            if (!Arrays.equals(a.get(i), b.get(i))) {
                return false;
            }
        }
        return true;
    }

    @Override
    public int hashCode() {
        return id * 31 + name.hashCode();
    }
}

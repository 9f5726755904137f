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
 */
public record TableDescriptor(int id, String name, List<ColumnDescriptor> columns, int[] primaryKey,
                              int partitionKeyLength) {

    public TableDescriptor {
        columns = List.copyOf(columns);
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
                && other.partitionKeyLength == partitionKeyLength;
    }

    @Override
    public int hashCode() {
        return id * 31 + name.hashCode();
    }
}

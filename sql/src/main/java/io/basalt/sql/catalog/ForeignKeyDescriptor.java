package io.basalt.sql.catalog;

import java.util.Arrays;

/**
 * A foreign key of a (child) table, as the catalog stores it: the child's {@code columns}
 * reference the {@code parentColumns} of the table {@code parentTableId}, which are its primary key
 * or the columns of one of its unique indexes (in the order of that key). MATCH SIMPLE: a child row
 * with a NULL in any of its columns references nothing.
 *
 * @param columns positions of the referencing columns in the child table
 * @param parentColumns positions of the referenced columns in the parent table, pairwise with {@code columns}
 */
public record ForeignKeyDescriptor(String name, int[] columns, int parentTableId, int[] parentColumns,
                                   OnDelete onDelete) {

    /** What deleting a referenced row does to its children. NO ACTION and RESTRICT both refuse it (23503). */
    public enum OnDelete { RESTRICT, CASCADE, SET_NULL }

    public ForeignKeyDescriptor {
        columns = columns.clone();
        parentColumns = parentColumns.clone();
        if (columns.length == 0 || columns.length != parentColumns.length) {
            throw new IllegalArgumentException("a foreign key pairs as many columns as it references");
        }
    }

    @Override
    public int[] columns() {
        return columns.clone();
    }

    @Override
    public int[] parentColumns() {
        return parentColumns.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ForeignKeyDescriptor other && other.name.equals(name)
                && Arrays.equals(other.columns, columns) && other.parentTableId == parentTableId
                && Arrays.equals(other.parentColumns, parentColumns) && other.onDelete == onDelete;
    }

    @Override
    public int hashCode() {
        return name.hashCode();
    }
}

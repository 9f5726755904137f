package io.basalt.sql.catalog;

/** Questions about ordered key columns (positions into a table's columns). */
public final class KeyColumns {
    private KeyColumns() {
    }

    /**
     * Whether {@code key}'s first {@code columns.length} columns are {@code columns} in some order:
     * then a prefix range of the key finds every row with given values for {@code columns}.
     */
    public static boolean leads(int[] key, int[] columns) {
        if (key.length < columns.length) {
            return false;
        }
        for (int column : columns) {
            boolean found = false;
            for (int i = 0; i < columns.length; i++) {
                found |= key[i] == column;
            }
            if (!found) {
                return false;
            }
        }
        return true;
    }
}

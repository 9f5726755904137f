package io.basalt.sql.exec;

import io.basalt.sql.catalog.ColumnType;
import io.basalt.common.error.BasaltException;
import io.basalt.sql.catalog.ColumnDescriptor;
import io.basalt.sql.type.Assignment;
import java.math.BigDecimal;
import java.util.Objects;

/**
 * Turns a value from a query's key predicate into the stored form of the key column, or says that
 * it cannot be used. The filter above every keyed scan re-checks each row, so a key access only
 * has to read a superset of the qualifying rows; these rules keep it from reading a subset.
 */
final class KeyValues {
    /** An equality that no stored row can satisfy (a value the column cannot hold). */
    static final Object NO_MATCH = new Object();

    private KeyValues() {
    }

    /** For {@code column = value}: the stored value to look up, or {@link #NO_MATCH}. */
    static Object forEquality(ColumnDescriptor column, Object value) {
        Object stored = convertExactly(column, value);
        return stored == null ? NO_MATCH : stored;
    }

    /** For a range bound: the stored value, or null when the bound must be dropped (read more rows). */
    static Object forBound(ColumnDescriptor column, Object value) {
        return convertExactly(column, value);
    }

    private static Object convertExactly(ColumnDescriptor column, Object value) {
        if (value == null) {
            return null;
        }
        ColumnDescriptor nullable = new ColumnDescriptor(column.id(), column.name(), column.type(), true, null);
        try {
            Object stored = Assignment.toStorage(nullable, value);
            if (stored instanceof BigDecimal decimal && !isExact(value, decimal)) {
                return null;
            }
            if (stored instanceof String text && column.type().name() == ColumnType.Name.VARCHAR
                    && !Objects.equals(text, value.toString())) {
                return null;
            }
            return stored;
        } catch (BasaltException | ClassCastException e) {
            return null;
        }
    }

    private static boolean isExact(Object original, BigDecimal stored) {
        try {
            return new BigDecimal(original.toString()).compareTo(stored) == 0;
        } catch (NumberFormatException e) {
            return false;
        }
    }
}

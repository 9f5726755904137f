package io.basalt.jdbc.internal;

import java.sql.SQLException;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/** The values bound to a prepared statement's {@code ?}s, already converted to SPI values. */
final class Parameters {
    /** Marks a parameter never set (SQL NULL is a real value, set with setNull). */
    private static final Object UNSET = new Object();

    private final Object[] values;

    Parameters(int count) {
        values = new Object[count];
        clear();
    }

    int count() {
        return values.length;
    }

    void set(int index, Object value) throws SQLException {
        if (index < 1 || index > values.length) {
            throw JdbcErrors.parameterIndexOutOfRange(index, values.length);
        }
        values[index - 1] = value;
    }

    void clear() {
        Arrays.fill(values, UNSET);
    }

    /** The values to execute with; every parameter must have been set. */
    List<Object> snapshot() throws SQLException {
        for (int i = 0; i < values.length; i++) {
            if (values[i] == UNSET) {
                throw JdbcErrors.parameterNotSet(i + 1);
            }
        }
        return Collections.unmodifiableList(Arrays.asList(values.clone()));
    }
}

package io.basalt.sql.type;

import org.apache.calcite.sql.type.SqlTypeName;
import io.basalt.common.error.BasaltException;
import io.basalt.common.error.SqlState;
import io.basalt.sql.catalog.ColumnDescriptor;
import io.basalt.sql.catalog.ColumnType;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.LocalTime;

/**
 * Store assignment: turns a value computed by an INSERT or UPDATE (planned in the assignment view,
 * see {@link RelTypes}) into the stored value of a column of its declared type, or refuses it the
 * way PostgreSQL does. Nothing is ever silently truncated or wrapped.
 *
 * <ul>
 *   <li>NULL into NOT NULL: 23502.</li>
 *   <li>Integers outside the declared width, decimals with more integer digits than
 *       {@code precision - scale} after rounding to {@code scale} (half up): 22003. Unconstrained
 *       NUMERIC keeps the value as it is, within PostgreSQL's limits.</li>
 *   <li>Strings longer than the declared length: 22001; trailing spaces beyond the length are
 *       dropped first (the standard allows that). CHAR(n) values are padded with spaces to n.</li>
 * </ul>
 */
public final class Assignment {
    private Assignment() {
    }

    public static Object toStorage(ColumnDescriptor column, Object value) {
        if (value == null) {
            if (!column.nullable()) {
                throw new BasaltException(SqlState.NOT_NULL_VIOLATION,
                        "null value in column \"" + column.name() + "\" violates not-null constraint");
            }
            return null;
        }
        ColumnType type = column.type();
        return switch (type.name()) {
            case BOOLEAN -> value instanceof Boolean ? value : InternalValues.fromClient(SqlTypeName.BOOLEAN, value);
            case SMALLINT -> InternalValues.checkedLong(value, Short.MIN_VALUE, Short.MAX_VALUE, "smallint");
            case INTEGER -> InternalValues.checkedLong(value, Integer.MIN_VALUE, Integer.MAX_VALUE, "integer");
            case BIGINT -> InternalValues.checkedLong(value, Long.MIN_VALUE, Long.MAX_VALUE, "bigint");
            case DECIMAL -> decimal(type, value);
            case REAL -> real(value);
            case DOUBLE -> ((Number) value).doubleValue();
            case CHAR, VARCHAR -> string(column, value.toString());
            case DATE -> LocalDate.ofEpochDay(((Number) value).longValue());
            case TIME -> LocalTime.ofNanoOfDay(((Number) value).longValue() * 1_000_000);
            case TIMESTAMP -> InternalValues.epochMillisToLocal(((Number) value).longValue());
        };
    }

    private static BigDecimal decimal(ColumnType type, Object value) {
        if (type.isUnconstrainedDecimal()) {
            return UnconstrainedNumeric.checked(InternalValues.toBigDecimal(value));
        }
        BigDecimal rounded = InternalValues.toBigDecimal(value).setScale(type.scale(), RoundingMode.HALF_UP);
        if (rounded.precision() - rounded.scale() > type.precision() - type.scale() && rounded.signum() != 0) {
            throw new BasaltException(SqlState.NUMERIC_VALUE_OUT_OF_RANGE,
                    "numeric field overflow: a field with precision " + type.precision() + ", scale "
                            + type.scale() + " must round to an absolute value less than 10^"
                            + (type.precision() - type.scale()));
        }
        return rounded;
    }

    private static Float real(Object value) {
        double d = ((Number) value).doubleValue();
        float f = (float) d;
        if (Float.isInfinite(f) && !Double.isInfinite(d)) {
            throw InternalValues.outOfRange("real");
        }
        return f;
    }

    private static String string(ColumnDescriptor column, String text) {
        ColumnType type = column.type();
        int limit = type.precision();
        if (limit != ColumnType.UNBOUNDED) {
            int length = text.codePointCount(0, text.length());
            if (length > limit) {
                String trimmed = stripTrailingSpaces(text);
                if (trimmed.codePointCount(0, trimmed.length()) > limit) {
                    throw new BasaltException(SqlState.STRING_DATA_RIGHT_TRUNCATION,
                            "value too long for type " + (type.name() == ColumnType.Name.CHAR ? "character(" : "character varying(")
                                    + limit + ") in column \"" + column.name() + "\"");
                }
                text = text.substring(0, text.offsetByCodePoints(0, limit));
                length = limit;
            }
            if (type.name() == ColumnType.Name.CHAR && length < limit) {
                text = text + " ".repeat(limit - length);
            }
        }
        return text;
    }

    private static String stripTrailingSpaces(String text) {
        int end = text.length();
        while (end > 0 && text.charAt(end - 1) == ' ') {
            end--;
        }
        return text.substring(0, end);
    }
}

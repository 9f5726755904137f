package io.basalt.sql.type;

import java.util.Locale;
import io.basalt.common.error.BasaltException;
import io.basalt.common.error.SqlState;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneOffset;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * Conversions between the three representations a value has in Basalt:
 * <pre>
 *   type        storage (codecs)   Calcite internal (generated code)   client (Session SPI)
 *   BOOLEAN     Boolean            Boolean                             Boolean
 *   SMALLINT    Long               Short                               Short
 *   INTEGER     Long               Integer                             Integer
 *   BIGINT      Long               Long                                Long
 *   DECIMAL     BigDecimal         BigDecimal                          BigDecimal
 *   REAL        Float              Float                               Float
 *   DOUBLE      Double             Double                              Double
 *   CHAR/VARCHAR String            String                              String
 *   DATE        LocalDate          Integer (days since 1970-01-01)     LocalDate
 *   TIME        LocalTime          Integer (milliseconds of the day)   LocalTime
 *   TIMESTAMP   LocalDateTime      Long (milliseconds since 1970, UTC) LocalDateTime
 * </pre>
 * Calcite's TIMESTAMP is a zone-less local date-time encoded as if it were UTC.
 */
public final class InternalValues {
    private static final long MILLIS_PER_DAY = 86_400_000L;

    private InternalValues() {
    }

    /** A stored value as Calcite's generated code expects it for a column of type {@code target}. */
    public static Object fromStorage(SqlTypeName target, Object stored) {
        if (stored == null) {
            return null;
        }
        return switch (target) {
            case TINYINT -> ((Number) stored).byteValue();
            case SMALLINT -> ((Number) stored).shortValue();
            case INTEGER -> ((Number) stored).intValue();
            case BIGINT -> ((Number) stored).longValue();
            case REAL -> ((Number) stored).floatValue();
            case FLOAT, DOUBLE -> ((Number) stored).doubleValue();
            case DECIMAL -> stored instanceof BigDecimal d ? d : new BigDecimal(stored.toString());
            case DATE -> (int) ((LocalDate) stored).toEpochDay();
            case TIME -> (int) (((LocalTime) stored).toNanoOfDay() / 1_000_000);
            case TIMESTAMP -> ((LocalDateTime) stored).toInstant(ZoneOffset.UTC).toEpochMilli();
            default -> stored;
        };
    }

    /** A value of Calcite's generated code as the client sees it. */
    public static Object toClient(SqlTypeName type, Object internal) {
        if (internal == null) {
            return null;
        }
        return switch (type) {
            case TINYINT, SMALLINT -> ((Number) internal).shortValue();
            case INTEGER -> ((Number) internal).intValue();
            case BIGINT -> ((Number) internal).longValue();
            case REAL -> ((Number) internal).floatValue();
            case FLOAT, DOUBLE -> ((Number) internal).doubleValue();
            case DECIMAL -> internal instanceof BigDecimal d ? d : new BigDecimal(internal.toString());
            case DATE -> LocalDate.ofEpochDay(((Number) internal).longValue());
            case TIME -> LocalTime.ofNanoOfDay(Math.floorMod(((Number) internal).longValue(), MILLIS_PER_DAY) * 1_000_000);
            case TIMESTAMP -> epochMillisToLocal(((Number) internal).longValue());
            case CHAR, VARCHAR -> internal.toString();
            default -> internal;
        };
    }

    /**
     * A client's parameter value as Calcite's generated code expects it for a parameter of type
     * {@code target}. Numbers convert between widths with range checks (22003); strings parse
     * into numbers, booleans and dates (22P02 / 22007 when they do not).
     */
    public static Object fromClient(SqlTypeName target, Object value) {
        if (value == null) {
            return null;
        }
        try {
            return switch (target) {
                case BOOLEAN -> toBoolean(value);
                case TINYINT -> (byte) integralLong(value, Byte.MIN_VALUE, Byte.MAX_VALUE, "tinyint");
                case SMALLINT -> (short) integralLong(value, Short.MIN_VALUE, Short.MAX_VALUE, "smallint");
                case INTEGER -> (int) integralLong(value, Integer.MIN_VALUE, Integer.MAX_VALUE, "integer");
                case BIGINT -> integralLong(value, Long.MIN_VALUE, Long.MAX_VALUE, "bigint");
                case DECIMAL -> toBigDecimal(value);
                case REAL -> toBigDecimalOrDouble(value).floatValue();
                case FLOAT, DOUBLE -> toBigDecimalOrDouble(value).doubleValue();
                case CHAR, VARCHAR -> toText(value);
                // Text follows PostgreSQL's input rules, as CAST(text AS DATE) does (22007 / 22008).
                case DATE -> isTemporal(value) ? (int) toLocalDate(value).toEpochDay() : TextInput.toDate(value.toString());
                case TIME -> isTemporal(value) ? (int) (toLocalTime(value).toNanoOfDay() / 1_000_000)
                        : TextInput.toTime(value.toString());
                case TIMESTAMP -> isTemporal(value) ? toLocalDateTime(value).toInstant(ZoneOffset.UTC).toEpochMilli()
                        : TextInput.toTimestamp(value.toString());
                default -> value;
            };
        } catch (NumberFormatException e) {
            throw new BasaltException(SqlState.INVALID_TEXT_REPRESENTATION,
                    "invalid input syntax for type " + target.getName().toLowerCase(Locale.ROOT));
        } catch (java.time.format.DateTimeParseException e) {
            throw new BasaltException(SqlState.INVALID_DATETIME_FORMAT,
                    "invalid input syntax for type " + target.getName().toLowerCase(Locale.ROOT));
        } catch (ClassCastException e) {
            throw new BasaltException(SqlState.DATATYPE_MISMATCH,
                    "a value of type " + value.getClass().getSimpleName() + " cannot be used as "
                            + target.getName().toLowerCase(Locale.ROOT));
        }
    }

    static LocalDateTime epochMillisToLocal(long millis) {
        return LocalDateTime.ofEpochSecond(Math.floorDiv(millis, 1000), (int) Math.floorMod(millis, 1000) * 1_000_000,
                ZoneOffset.UTC);
    }

    private static Boolean toBoolean(Object value) {
        if (value instanceof Boolean b) {
            return b;
        }
        if (value instanceof Number n) {
            return n.doubleValue() != 0;
        }
        return TextInput.toBoolean(value.toString());
    }

    private static boolean isTemporal(Object value) {
        return value instanceof LocalDate || value instanceof LocalTime || value instanceof LocalDateTime;
    }

    /**
     * A parameter for an integer slot must be a whole number: 2.5 is refused (22P02) rather than
     * rounded, so {@code WHERE id = ?} with 2.5 cannot match id 3. Store assignment, by contrast,
     * rounds ({@link #checkedLong}), as the SQL standard says for numeric to integer assignment.
     */
    private static long integralLong(Object value, long min, long max, String typeName) {
        if (value instanceof BigDecimal || value instanceof Double || value instanceof Float || value instanceof String) {
            BigDecimal decimal = toBigDecimal(value);
            if (decimal.stripTrailingZeros().scale() > 0) {
                throw new BasaltException(SqlState.INVALID_TEXT_REPRESENTATION,
                        "invalid input syntax for type " + typeName + ": \"" + value + "\"");
            }
        }
        return checkedLong(value, min, max, typeName);
    }

    static long checkedLong(Object value, long min, long max, String typeName) {
        long result;
        if (value instanceof Long || value instanceof Integer || value instanceof Short || value instanceof Byte) {
            result = ((Number) value).longValue();
        } else {
            BigDecimal decimal = toBigDecimal(value).setScale(0, java.math.RoundingMode.HALF_UP);
            if (decimal.compareTo(BigDecimal.valueOf(min)) < 0 || decimal.compareTo(BigDecimal.valueOf(max)) > 0) {
                throw outOfRange(typeName);
            }
            result = decimal.longValue();
        }
        if (result < min || result > max) {
            throw outOfRange(typeName);
        }
        return result;
    }

    static BasaltException outOfRange(String typeName) {
        return new BasaltException(SqlState.NUMERIC_VALUE_OUT_OF_RANGE, typeName + " out of range");
    }

    static BigDecimal toBigDecimal(Object value) {
        if (value instanceof BigDecimal d) {
            return d;
        }
        if (value instanceof Long || value instanceof Integer || value instanceof Short || value instanceof Byte) {
            return BigDecimal.valueOf(((Number) value).longValue());
        }
        if (value instanceof Double || value instanceof Float) {
            double d = ((Number) value).doubleValue();
            if (Double.isNaN(d) || Double.isInfinite(d)) {
                throw new BasaltException(SqlState.NUMERIC_VALUE_OUT_OF_RANGE, "cannot convert " + d + " to numeric");
            }
            return BigDecimal.valueOf(d);
        }
        if (value instanceof Boolean b) {
            return b ? BigDecimal.ONE : BigDecimal.ZERO;
        }
        return new BigDecimal(value.toString().trim());
    }

    private static Number toBigDecimalOrDouble(Object value) {
        if (value instanceof Number n) {
            return n;
        }
        String text = value.toString().trim();
        return Double.parseDouble(text);
    }

    private static String toText(Object value) {
        if (value instanceof BigDecimal d) {
            return d.toPlainString();
        }
        return value.toString();
    }

    static LocalDate toLocalDate(Object value) {
        if (value instanceof LocalDate d) {
            return d;
        }
        if (value instanceof LocalDateTime t) {
            return t.toLocalDate();
        }
        return LocalDate.parse(value.toString().trim());
    }

    static LocalTime toLocalTime(Object value) {
        if (value instanceof LocalTime t) {
            return t;
        }
        if (value instanceof LocalDateTime t) {
            return t.toLocalTime();
        }
        return LocalTime.parse(value.toString().trim());
    }

    static LocalDateTime toLocalDateTime(Object value) {
        if (value instanceof LocalDateTime t) {
            return t;
        }
        if (value instanceof LocalDate d) {
            return d.atStartOfDay();
        }
        return LocalDateTime.parse(value.toString().trim().replace(' ', 'T'));
    }
}

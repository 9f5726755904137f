package io.basalt.jdbc.internal;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.sql.SQLException;
import java.sql.Time;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Calendar;

/**
 * Every change of Java type a value undergoes in the driver, in both directions: SPI values (the
 * types listed in {@code io.basalt.common.client}'s package documentation) to what a
 * {@code ResultSet} getter returns, and JDBC arguments to SPI values. The JDBC objects only choose
 * which method to call, so that a rule is decided once for getters, {@code getObject(Class)} and
 * {@code setObject(x, targetSqlType)} alike.
 *
 * <p>Choices where JDBC leaves room (the module README repeats them for users):
 * <ul>
 *   <li>A number with a fraction read as an integral type is truncated toward zero (as a Java cast
 *       and pgjdbc do); a value outside the target's range is 22003, never wrapped around.</li>
 *   <li>Text read as a number must be a decimal number ({@code BigDecimal} syntax, surrounding
 *       blanks ignored; {@code NaN}/{@code Infinity} for floating point only), otherwise 22P02.</li>
 *   <li>Booleans: text {@code true/false/t/f/1/0} (any case); numbers 0 and 1 only, anything else
 *       22003. Booleans read as numbers are 1 and 0.</li>
 *   <li>Text of non-text values is PostgreSQL-like: DECIMAL as {@code toPlainString}, DATE
 *       {@code yyyy-MM-dd}, TIME {@code HH:mm:ss[.fraction]}, TIMESTAMP {@code yyyy-MM-dd HH:mm:ss[.fraction]}
 *       with trailing fraction zeros dropped (so no {@code ".0"} as {@code Timestamp.toString} has),
 *       VARBINARY as {@code \x} and lower-case hex, booleans {@code true/false}, REAL and DOUBLE as
 *       Java's {@code toString}.</li>
 *   <li>{@code getObject} returns JDBC's standard classes (JDBC 4.2 table B-3): SMALLINT as
 *       {@code Integer}, DATE/TIME/TIMESTAMP as {@code java.sql} classes.</li>
 *   <li>DATE, TIME and TIMESTAMP carry no time zone; {@code java.sql} values are built in the JVM's
 *       default zone, or the {@code Calendar}'s zone when one is given. TIME keeps milliseconds
 *       (unlike {@code Time.valueOf}/{@code toLocalTime}).</li>
 *   <li>Zoned parameters ({@code OffsetDateTime}, {@code ZonedDateTime}, {@code Instant},
 *       {@code java.util.Date}) become the local date-time in the JVM's default zone, as pgjdbc's
 *       session time zone makes them.</li>
 * </ul>
 */
public final class ValueConverter {

    private ValueConverter() {
    }

    // ---- SPI value -> getter result. A null value gives the getter's JDBC default. -------------

    static String toText(Object v) {
        if (v == null || v instanceof String) {
            return (String) v;
        }
        if (v instanceof BigDecimal d) {
            return d.toPlainString();
        }
        if (v instanceof LocalTime t) {
            return timeText(t);
        }
        if (v instanceof LocalDateTime ts) {
            return ts.toLocalDate() + " " + timeText(ts.toLocalTime());
        }
        if (v instanceof byte[] bytes) {
            return hexText(bytes);
        }
        // Boolean, Short, Integer, Long, Float, Double, LocalDate: their own toString is the text.
        return v.toString();
    }

    static boolean toBoolean(Object v) throws SQLException {
        if (v == null) {
            return false;
        }
        if (v instanceof Boolean b) {
            return b;
        }
        if (v instanceof String s) {
            switch (s.trim().toLowerCase(java.util.Locale.ROOT)) {
                case "true", "t", "1":
                    return true;
                case "false", "f", "0":
                    return false;
                default:
                    throw JdbcErrors.badText("boolean");
            }
        }
        if (v instanceof Number) {
            BigDecimal d = toBigDecimal(v);
            if (d.signum() == 0) {
                return false;
            }
            if (d.compareTo(BigDecimal.ONE) == 0) {
                return true;
            }
            throw JdbcErrors.outOfRange("boolean");
        }
        throw JdbcErrors.cannotConvert(typeName(v), "boolean");
    }

    static byte toByte(Object v) throws SQLException {
        return (byte) toIntegral(v, Byte.MIN_VALUE, Byte.MAX_VALUE, "byte");
    }

    static short toShort(Object v) throws SQLException {
        return (short) toIntegral(v, Short.MIN_VALUE, Short.MAX_VALUE, "short");
    }

    static int toInt(Object v) throws SQLException {
        return (int) toIntegral(v, Integer.MIN_VALUE, Integer.MAX_VALUE, "int");
    }

    static long toLong(Object v) throws SQLException {
        return toIntegral(v, Long.MIN_VALUE, Long.MAX_VALUE, "long");
    }

    private static long toIntegral(Object v, long min, long max, String target) throws SQLException {
        if (v == null) {
            return 0;
        }
        long result;
        if (v instanceof Long || v instanceof Integer || v instanceof Short || v instanceof Byte) {
            result = ((Number) v).longValue();
        } else if (v instanceof Boolean b) {
            result = b ? 1 : 0;
        } else if (v instanceof BigDecimal || v instanceof Float || v instanceof Double || v instanceof String) {
            result = truncateToLong(toBigDecimal(v, target), target);
        } else {
            throw JdbcErrors.cannotConvert(typeName(v), target);
        }
        if (result < min || result > max) {
            throw JdbcErrors.outOfRange(target);
        }
        return result;
    }

    private static long truncateToLong(BigDecimal d, String target) throws SQLException {
        // Checked before toBigInteger(): "1e999999999" would otherwise allocate a billion digits.
        if (d.precision() - d.scale() > 19) {
            throw JdbcErrors.outOfRange(target);
        }
        BigInteger integral = d.toBigInteger();
        if (integral.bitLength() > 63) {
            throw JdbcErrors.outOfRange(target);
        }
        return integral.longValue();
    }

    static float toFloat(Object v) throws SQLException {
        if (v == null) {
            return 0;
        }
        double d = toDouble(v, "float");
        float f = (float) d;
        if (Float.isInfinite(f) && !Double.isInfinite(d)) {
            throw JdbcErrors.outOfRange("float");
        }
        return f;
    }

    static double toDouble(Object v) throws SQLException {
        return toDouble(v, "double");
    }

    private static double toDouble(Object v, String target) throws SQLException {
        if (v == null) {
            return 0;
        }
        if (v instanceof Double || v instanceof Float) {
            return ((Number) v).doubleValue();
        }
        if (v instanceof String s) {
            String text = s.trim();
            switch (text) {
                case "NaN":
                    return Double.NaN;
                case "Infinity", "+Infinity":
                    return Double.POSITIVE_INFINITY;
                case "-Infinity":
                    return Double.NEGATIVE_INFINITY;
                default:
                    break;
            }
        }
        BigDecimal exact = toBigDecimal(v, target);
        double d = exact.doubleValue();
        if (Double.isInfinite(d)) {
            throw JdbcErrors.outOfRange(target);
        }
        return d;
    }

    static BigDecimal toBigDecimal(Object v) throws SQLException {
        return toBigDecimal(v, "BigDecimal");
    }

    /** {@code getBigDecimal(column, scale)}: rounded half up, as pgjdbc does. */
    static BigDecimal toBigDecimal(Object v, int scale) throws SQLException {
        BigDecimal d = toBigDecimal(v);
        return d == null ? null : d.setScale(scale, RoundingMode.HALF_UP);
    }

    private static BigDecimal toBigDecimal(Object v, String target) throws SQLException {
        if (v == null || v instanceof BigDecimal) {
            return (BigDecimal) v;
        }
        if (v instanceof Long || v instanceof Integer || v instanceof Short || v instanceof Byte) {
            return BigDecimal.valueOf(((Number) v).longValue());
        }
        if (v instanceof Double || v instanceof Float) {
            double d = ((Number) v).doubleValue();
            if (Double.isNaN(d) || Double.isInfinite(d)) {
                throw JdbcErrors.outOfRange(target);
            }
            // Through the shortest decimal text, so that 0.1f reads as 0.1 and not 0.100000001490116...
            return new BigDecimal(v instanceof Float f ? Float.toString(f) : Double.toString(d));
        }
        if (v instanceof Boolean b) {
            return b ? BigDecimal.ONE : BigDecimal.ZERO;
        }
        if (v instanceof String s) {
            try {
                return new BigDecimal(s.trim());
            } catch (NumberFormatException e) {
                throw JdbcErrors.badText(target);
            }
        }
        throw JdbcErrors.cannotConvert(typeName(v), target);
    }

    static BigInteger toBigInteger(Object v) throws SQLException {
        BigDecimal d = toBigDecimal(v, "BigInteger");
        if (d == null) {
            return null;
        }
        // The same guard as truncateToLong, with room for any number a DECIMAL column can hold.
        if (d.precision() - d.scale() > 1000) {
            throw JdbcErrors.outOfRange("BigInteger");
        }
        return d.toBigInteger();
    }

    static byte[] toBytes(Object v) throws SQLException {
        if (v == null) {
            return null;
        }
        if (v instanceof byte[] bytes) {
            // A copy: the caller may scribble on it, and getBytes can be called twice on one row.
            return bytes.clone();
        }
        throw JdbcErrors.cannotConvert(typeName(v), "byte[]");
    }

    static LocalDate toLocalDate(Object v) throws SQLException {
        if (v == null || v instanceof LocalDate) {
            return (LocalDate) v;
        }
        if (v instanceof LocalDateTime ts) {
            return ts.toLocalDate();
        }
        if (v instanceof String s) {
            String text = s.trim();
            return text.length() <= 10 ? parseDate(text, "DATE") : parseDateTime(text, "DATE").toLocalDate();
        }
        throw JdbcErrors.cannotConvert(typeName(v), "DATE");
    }

    static LocalTime toLocalTime(Object v) throws SQLException {
        if (v == null || v instanceof LocalTime) {
            return (LocalTime) v;
        }
        if (v instanceof LocalDateTime ts) {
            return ts.toLocalTime();
        }
        if (v instanceof String s) {
            String text = s.trim();
            if (text.length() > 10 && text.charAt(4) == '-') {
                return parseDateTime(text, "TIME").toLocalTime();
            }
            try {
                return LocalTime.parse(text);
            } catch (DateTimeException e) {
                throw JdbcErrors.badDateTimeText("TIME");
            }
        }
        throw JdbcErrors.cannotConvert(typeName(v), "TIME");
    }

    static LocalDateTime toLocalDateTime(Object v) throws SQLException {
        if (v == null || v instanceof LocalDateTime) {
            return (LocalDateTime) v;
        }
        if (v instanceof LocalDate d) {
            return d.atStartOfDay();
        }
        if (v instanceof LocalTime t) {
            // JDBC allows getTimestamp on TIME; the date part is the epoch, as in java.sql.Time.
            return LocalDate.EPOCH.atTime(t);
        }
        if (v instanceof String s) {
            String text = s.trim();
            return text.length() <= 10 ? parseDate(text, "TIMESTAMP").atStartOfDay() : parseDateTime(text, "TIMESTAMP");
        }
        throw JdbcErrors.cannotConvert(typeName(v), "TIMESTAMP");
    }

    static java.sql.Date toSqlDate(Object v, Calendar calendar) throws SQLException {
        LocalDate date = toLocalDate(v);
        if (date == null) {
            return null;
        }
        if (calendar == null) {
            return java.sql.Date.valueOf(date);
        }
        return new java.sql.Date(date.atStartOfDay(zone(calendar)).toInstant().toEpochMilli());
    }

    static Time toSqlTime(Object v, Calendar calendar) throws SQLException {
        LocalTime time = toLocalTime(v);
        if (time == null) {
            return null;
        }
        return new Time(LocalDate.EPOCH.atTime(time).atZone(zone(calendar)).toInstant().toEpochMilli());
    }

    static Timestamp toSqlTimestamp(Object v, Calendar calendar) throws SQLException {
        LocalDateTime ts = toLocalDateTime(v);
        if (ts == null) {
            return null;
        }
        if (calendar == null) {
            return Timestamp.valueOf(ts);
        }
        Timestamp result = new Timestamp(ts.atZone(zone(calendar)).toInstant().toEpochMilli());
        result.setNanos(ts.getNano());
        return result;
    }

    /** {@code getObject(int)}: JDBC's standard class for the value's SQL type (table B-3). */
    static Object toStandardObject(Object v) throws SQLException {
        if (v instanceof Short s) {
            return Integer.valueOf(s);
        }
        if (v instanceof LocalDate) {
            return toSqlDate(v, null);
        }
        if (v instanceof LocalTime) {
            return toSqlTime(v, null);
        }
        if (v instanceof LocalDateTime) {
            return toSqlTimestamp(v, null);
        }
        if (v instanceof byte[] bytes) {
            return bytes.clone();
        }
        return v;
    }

    /** {@code getObject(int, Class)}: the value as {@code type}, null for SQL NULL. */
    static <T> T toClass(Object v, Class<T> type) throws SQLException {
        if (type == null) {
            throw JdbcErrors.invalidArgument("the target class must not be null");
        }
        if (v == null) {
            return null;
        }
        return type.cast(convertTo(v, type));
    }

    private static Object convertTo(Object v, Class<?> type) throws SQLException {
        if (type == String.class) {
            return toText(v);
        } else if (type == Boolean.class) {
            return toBoolean(v);
        } else if (type == Byte.class) {
            return toByte(v);
        } else if (type == Short.class) {
            return toShort(v);
        } else if (type == Integer.class) {
            return toInt(v);
        } else if (type == Long.class) {
            return toLong(v);
        } else if (type == Float.class) {
            return toFloat(v);
        } else if (type == Double.class) {
            return toDouble(v);
        } else if (type == BigDecimal.class) {
            return toBigDecimal(v);
        } else if (type == BigInteger.class) {
            return toBigInteger(v);
        } else if (type == byte[].class) {
            return toBytes(v);
        } else if (type == LocalDate.class) {
            return toLocalDate(v);
        } else if (type == LocalTime.class) {
            return toLocalTime(v);
        } else if (type == LocalDateTime.class) {
            return toLocalDateTime(v);
        } else if (type == java.sql.Date.class) {
            return toSqlDate(v, null);
        } else if (type == Time.class) {
            return toSqlTime(v, null);
        } else if (type == Timestamp.class || type == java.util.Date.class) {
            return toSqlTimestamp(v, null);
        } else if (type == Object.class) {
            return toStandardObject(v);
        } else if (type.isInstance(v)) {
            return v;
        }
        throw JdbcErrors.cannotConvert(typeName(v), type.getName());
    }

    // ---- JDBC argument -> SPI value ------------------------------------------------------------

    /** {@code setObject(index, x)}: the SPI value for {@code x}, its SQL type inferred from its class. */
    static Object toParameter(Object x) throws SQLException {
        if (x == null || isSpiValue(x)) {
            return x instanceof byte[] bytes ? bytes.clone() : x;
        }
        if (x instanceof Byte b) {
            return (short) b;
        }
        if (x instanceof Character c) {
            return c.toString();
        }
        if (x instanceof BigInteger i) {
            return new BigDecimal(i);
        }
        // java.sql.Timestamp, Date and Time extend java.util.Date: test them first.
        if (x instanceof Timestamp ts) {
            return ts.toLocalDateTime();
        }
        if (x instanceof java.sql.Date d) {
            return parameterDate(d, null);
        }
        if (x instanceof Time t) {
            return parameterTime(t, null);
        }
        if (x instanceof java.util.Date d) {
            return LocalDateTime.ofInstant(Instant.ofEpochMilli(d.getTime()), ZoneId.systemDefault());
        }
        if (x instanceof OffsetDateTime odt) {
            return LocalDateTime.ofInstant(odt.toInstant(), ZoneId.systemDefault());
        }
        if (x instanceof ZonedDateTime zdt) {
            return LocalDateTime.ofInstant(zdt.toInstant(), ZoneId.systemDefault());
        }
        if (x instanceof Instant instant) {
            return LocalDateTime.ofInstant(instant, ZoneId.systemDefault());
        }
        throw JdbcErrors.unsupportedParameterClass(x.getClass());
    }

    /** {@code setObject(index, x, targetSqlType)}: {@code x} converted to the SPI type of {@code targetSqlType}. */
    static Object toParameter(Object x, int targetSqlType) throws SQLException {
        return toParameter(x, targetSqlType, null);
    }

    /**
     * {@code setObject(index, x, targetSqlType, scaleOrLength)}: as the two-argument form, and a DECIMAL
     * or NUMERIC is rounded half up to {@code scaleOrLength} digits after the point (JDBC ignores it
     * for other types).
     */
    static Object toParameter(Object x, int targetSqlType, int scaleOrLength) throws SQLException {
        return toParameter(x, targetSqlType, (Integer) scaleOrLength);
    }

    private static Object toParameter(Object x, int targetSqlType, Integer scale) throws SQLException {
        Object v = toParameter(x);
        if (v == null) {
            return null;
        }
        switch (targetSqlType) {
            case Types.BIT, Types.BOOLEAN:
                return toBoolean(v);
            case Types.TINYINT:
                return (short) toByte(v);
            case Types.SMALLINT:
                return toShort(v);
            case Types.INTEGER:
                return toInt(v);
            case Types.BIGINT:
                return toLong(v);
            case Types.DECIMAL, Types.NUMERIC:
                return scale == null ? toBigDecimal(v) : toBigDecimal(v, scale);
            case Types.REAL:
                return toFloat(v);
            case Types.FLOAT, Types.DOUBLE:
                return toDouble(v);
            case Types.CHAR, Types.VARCHAR, Types.LONGVARCHAR, Types.NCHAR, Types.NVARCHAR, Types.LONGNVARCHAR:
                return toText(v);
            case Types.DATE:
                return toLocalDate(v);
            case Types.TIME:
                return toLocalTime(v);
            case Types.TIMESTAMP:
                return toLocalDateTime(v);
            case Types.BINARY, Types.VARBINARY, Types.LONGVARBINARY:
                return toBytes(v);
            case Types.OTHER, Types.JAVA_OBJECT:
                return v;
            default:
                throw JdbcErrors.notSupported("parameters of SQL type " + JdbcTypes.name(targetSqlType));
        }
    }

    /** {@code setDate}: the date the instant falls on in the Calendar's zone (default zone without one). */
    static LocalDate parameterDate(java.sql.Date date, Calendar calendar) {
        if (calendar == null) {
            return date.toLocalDate();
        }
        return Instant.ofEpochMilli(date.getTime()).atZone(zone(calendar)).toLocalDate();
    }

    /** {@code setTime}: the wall-clock time in the Calendar's zone, milliseconds kept. */
    static LocalTime parameterTime(Time time, Calendar calendar) {
        return Instant.ofEpochMilli(time.getTime()).atZone(zone(calendar)).toLocalTime();
    }

    /** {@code setTimestamp}: the wall-clock date-time in the Calendar's zone, nanoseconds kept. */
    static LocalDateTime parameterTimestamp(Timestamp timestamp, Calendar calendar) {
        if (calendar == null) {
            return timestamp.toLocalDateTime();
        }
        return LocalDateTime.ofInstant(timestamp.toInstant(), zone(calendar));
    }

    // ---- Helpers -------------------------------------------------------------------------------

    private static boolean isSpiValue(Object x) {
        return x instanceof Boolean || x instanceof Short || x instanceof Integer || x instanceof Long
                || x instanceof BigDecimal || x instanceof Float || x instanceof Double || x instanceof String
                || x instanceof LocalDate || x instanceof LocalTime || x instanceof LocalDateTime
                || x instanceof byte[];
    }

    /** The SQL type an SPI value stands for, for messages (never the value itself). */
    static String typeName(Object v) {
        if (v instanceof Boolean) {
            return "BOOLEAN";
        } else if (v instanceof Short) {
            return "SMALLINT";
        } else if (v instanceof Integer) {
            return "INTEGER";
        } else if (v instanceof Long) {
            return "BIGINT";
        } else if (v instanceof BigDecimal) {
            return "DECIMAL";
        } else if (v instanceof Float) {
            return "REAL";
        } else if (v instanceof Double) {
            return "DOUBLE";
        } else if (v instanceof String) {
            return "VARCHAR";
        } else if (v instanceof LocalDate) {
            return "DATE";
        } else if (v instanceof LocalTime) {
            return "TIME";
        } else if (v instanceof LocalDateTime) {
            return "TIMESTAMP";
        } else if (v instanceof byte[]) {
            return "VARBINARY";
        }
        return v.getClass().getName();
    }

    private static ZoneId zone(Calendar calendar) {
        return calendar == null ? ZoneId.systemDefault() : calendar.getTimeZone().toZoneId();
    }

    private static LocalDate parseDate(String text, String target) throws SQLException {
        try {
            return LocalDate.parse(text);
        } catch (DateTimeException e) {
            throw JdbcErrors.badDateTimeText(target);
        }
    }

    /** PostgreSQL's {@code yyyy-MM-dd HH:mm:ss[.f]} or ISO's {@code T} between date and time. */
    private static LocalDateTime parseDateTime(String text, String target) throws SQLException {
        try {
            return LocalDateTime.parse(text.length() > 10 && text.charAt(10) == ' '
                    ? text.substring(0, 10) + 'T' + text.substring(11) : text);
        } catch (DateTimeException e) {
            throw JdbcErrors.badDateTimeText(target);
        }
    }

    private static String timeText(LocalTime t) {
        StringBuilder text = new StringBuilder(18);
        appendTwoDigits(text, t.getHour()).append(':');
        appendTwoDigits(text, t.getMinute()).append(':');
        appendTwoDigits(text, t.getSecond());
        int nanos = t.getNano();
        if (nanos != 0) {
            String fraction = Integer.toString(1_000_000_000 + nanos).substring(1);
            int end = fraction.length();
            while (fraction.charAt(end - 1) == '0') {
                end--;
            }
            text.append('.').append(fraction, 0, end);
        }
        return text.toString();
    }

    private static StringBuilder appendTwoDigits(StringBuilder text, int value) {
        if (value < 10) {
            text.append('0');
        }
        return text.append(value);
    }

    private static String hexText(byte[] bytes) {
        StringBuilder text = new StringBuilder(2 + bytes.length * 2).append("\\x");
        for (byte b : bytes) {
            text.append(Character.forDigit((b >> 4) & 0xF, 16)).append(Character.forDigit(b & 0xF, 16));
        }
        return text.toString();
    }
}

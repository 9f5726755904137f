package io.basalt.jdbc.internal;

import java.sql.JDBCType;
import java.sql.Types;

/**
 * Facts about {@link Types} constants that the metadata objects report. The class names must match
 * what {@link ValueConverter#toStandardObject} returns for the same column, since tools use
 * {@code getColumnClassName} to predict {@code getObject}.
 */
final class JdbcTypes {

    private JdbcTypes() {
    }

    static String name(int jdbcType) {
        try {
            return JDBCType.valueOf(jdbcType).getName();
        } catch (IllegalArgumentException e) {
            return "OTHER";
        }
    }

    static String className(int jdbcType) {
        switch (jdbcType) {
            case Types.BIT, Types.BOOLEAN:
                return Boolean.class.getName();
            case Types.TINYINT, Types.SMALLINT, Types.INTEGER:
                return Integer.class.getName();
            case Types.BIGINT:
                return Long.class.getName();
            case Types.DECIMAL, Types.NUMERIC:
                return java.math.BigDecimal.class.getName();
            case Types.REAL:
                return Float.class.getName();
            case Types.FLOAT, Types.DOUBLE:
                return Double.class.getName();
            case Types.CHAR, Types.VARCHAR, Types.LONGVARCHAR, Types.NCHAR, Types.NVARCHAR, Types.LONGNVARCHAR:
                return String.class.getName();
            case Types.DATE:
                return java.sql.Date.class.getName();
            case Types.TIME:
                return java.sql.Time.class.getName();
            case Types.TIMESTAMP:
                return java.sql.Timestamp.class.getName();
            case Types.BINARY, Types.VARBINARY, Types.LONGVARBINARY:
                return byte[].class.getName();
            default:
                return Object.class.getName();
        }
    }

    static boolean isSigned(int jdbcType) {
        switch (jdbcType) {
            case Types.TINYINT, Types.SMALLINT, Types.INTEGER, Types.BIGINT, Types.DECIMAL, Types.NUMERIC,
                    Types.REAL, Types.FLOAT, Types.DOUBLE:
                return true;
            default:
                return false;
        }
    }

    static boolean isText(int jdbcType) {
        switch (jdbcType) {
            case Types.CHAR, Types.VARCHAR, Types.LONGVARCHAR, Types.NCHAR, Types.NVARCHAR, Types.LONGNVARCHAR:
                return true;
            default:
                return false;
        }
    }

    /**
     * The {@link Types} constant of a type named as the engine's catalog names it
     * ({@code BASALT_CATALOG.COLUMNS.TYPE_NAME}); those names are JDBC's. OTHER for a name the
     * driver does not know, so that a newer engine's type still shows up.
     */
    static int fromTypeName(String typeName) {
        try {
            return JDBCType.valueOf(typeName).getVendorTypeNumber();
        } catch (IllegalArgumentException e) {
            return Types.OTHER;
        }
    }

    /**
     * DatabaseMetaData's COLUMN_SIZE (getTypeInfo's PRECISION): the length of strings, the
     * precision of numbers in decimal digits, the length of the text of dates and times. Null
     * where none applies.
     *
     * @param typePrecision the catalog's TYPE_PRECISION: the declared length of CHAR/VARCHAR
     *     (null: unbounded, reported as {@link Integer#MAX_VALUE}), DECIMAL's precision, the
     *     fractional-second digits of TIME/TIMESTAMP
     */
    static Integer columnSize(int jdbcType, Integer typePrecision) {
        int fraction = typePrecision != null && typePrecision > 0 ? typePrecision + 1 : 0;
        switch (jdbcType) {
            case Types.BIT, Types.BOOLEAN:
                return 1;
            case Types.TINYINT:
                return 3;
            case Types.SMALLINT:
                return 5;
            case Types.INTEGER:
                return 10;
            case Types.BIGINT:
                return 19;
            // REAL and DOUBLE: the decimal digits Calcite gives them, as ResultSetMetaData.getPrecision reports.
            case Types.REAL:
                return 7;
            case Types.FLOAT, Types.DOUBLE:
                return 15;
            case Types.DECIMAL, Types.NUMERIC:
                return typePrecision;
            case Types.CHAR, Types.VARCHAR:
                return typePrecision == null ? Integer.MAX_VALUE : typePrecision;
            case Types.DATE:
                return 10; // yyyy-MM-dd
            case Types.TIME:
                return 8 + fraction; // HH:mm:ss[.SSS]
            case Types.TIMESTAMP:
                return 19 + fraction; // yyyy-MM-dd HH:mm:ss[.SSS]
            default:
                return null;
        }
    }

    /** DatabaseMetaData's DECIMAL_DIGITS: the scale of numbers, the fractional-second digits of times; else null. */
    static Integer decimalDigits(int jdbcType, Integer typePrecision, Integer typeScale) {
        switch (jdbcType) {
            case Types.TINYINT, Types.SMALLINT, Types.INTEGER, Types.BIGINT:
                return 0;
            case Types.DECIMAL, Types.NUMERIC:
                return typeScale;
            case Types.TIME, Types.TIMESTAMP:
                return typePrecision;
            default:
                return null;
        }
    }

    /** NUM_PREC_RADIX: every numeric size above is in decimal digits. */
    static Integer radix(int jdbcType) {
        return isSigned(jdbcType) ? 10 : null;
    }

    /** CHAR_OCTET_LENGTH: lengths count characters, and each takes up to four bytes of UTF-8. */
    static Integer octetLength(int jdbcType, Integer columnSize) {
        if (!isText(jdbcType) || columnSize == null) {
            return null;
        }
        return (int) Math.min(Integer.MAX_VALUE, 4L * columnSize);
    }

    /**
     * The width of the column's text as {@link ValueConverter#toText} writes it. An unbounded
     * length (precision 0) is reported as {@link Integer#MAX_VALUE}.
     */
    static int displaySize(int jdbcType, int precision, int scale) {
        int fraction = scale > 0 ? scale + 1 : 0;
        switch (jdbcType) {
            case Types.BIT, Types.BOOLEAN:
                return 5; // "false"
            case Types.TINYINT:
                return 4;
            case Types.SMALLINT:
                return 6;
            case Types.INTEGER:
                return 11;
            case Types.BIGINT:
                return 20;
            case Types.DECIMAL, Types.NUMERIC:
                return precision > 0 ? precision + 2 : Integer.MAX_VALUE; // sign and point
            case Types.REAL:
                return 15; // Float.toString, e.g. -1.17549435E-38
            case Types.FLOAT, Types.DOUBLE:
                return 24; // Double.toString, e.g. -2.2250738585072014E-308
            case Types.DATE:
                return 10;
            case Types.TIME:
                return 8 + fraction;
            case Types.TIMESTAMP:
                return 19 + fraction;
            case Types.BINARY, Types.VARBINARY, Types.LONGVARBINARY:
                return precision > 0 && precision < (Integer.MAX_VALUE - 2) / 2 ? 2 + 2 * precision : Integer.MAX_VALUE;
            default:
                return precision > 0 ? precision : Integer.MAX_VALUE;
        }
    }
}

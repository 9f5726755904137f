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

package io.basalt.sql.catalog;

import java.sql.Types;

/**
 * A column's declared SQL type, as stored in the catalog.
 *
 * @param precision the length of CHAR/VARCHAR (-1: unbounded VARCHAR), the precision of DECIMAL
 *     (-1: unconstrained NUMERIC, which keeps every digit and the scale of each value) or the
 *     fractional-second digits of TIME/TIMESTAMP; 0 where it does not apply
 * @param scale the scale of DECIMAL (0 for unconstrained NUMERIC), else 0
 */
public record ColumnType(Name name, int precision, int scale) {

    /** The types a column can have. FLOAT is stored as DOUBLE (PostgreSQL: float means double precision). */
    public enum Name {
        BOOLEAN(Types.BOOLEAN),
        SMALLINT(Types.SMALLINT),
        INTEGER(Types.INTEGER),
        BIGINT(Types.BIGINT),
        DECIMAL(Types.DECIMAL),
        REAL(Types.REAL),
        DOUBLE(Types.DOUBLE),
        CHAR(Types.CHAR),
        VARCHAR(Types.VARCHAR),
        DATE(Types.DATE),
        TIME(Types.TIME),
        TIMESTAMP(Types.TIMESTAMP);

        private final int jdbcType;

        Name(int jdbcType) {
            this.jdbcType = jdbcType;
        }

        public int jdbcType() {
            return jdbcType;
        }
    }

    public static final int UNBOUNDED = -1;
    /** Milliseconds: the precision of Calcite's internal TIME and TIMESTAMP representation. */
    public static final int MAX_FRACTIONAL_SECONDS = 3;
    public static final int MAX_DECIMAL_PRECISION = 38;

    public static ColumnType of(Name name) {
        return switch (name) {
            case VARCHAR -> new ColumnType(name, UNBOUNDED, 0);
            case CHAR -> new ColumnType(name, 1, 0);
            case DECIMAL -> new ColumnType(name, UNBOUNDED, 0);
            case TIME, TIMESTAMP -> new ColumnType(name, MAX_FRACTIONAL_SECONDS, 0);
            default -> new ColumnType(name, 0, 0);
        };
    }

    public boolean isInteger() {
        return name == Name.SMALLINT || name == Name.INTEGER || name == Name.BIGINT;
    }

    /** NUMERIC without precision: values keep their digits and scale (see {@code UnconstrainedNumeric}). */
    public boolean isUnconstrainedDecimal() {
        return name == Name.DECIMAL && precision == UNBOUNDED;
    }

    public boolean isString() {
        return name == Name.CHAR || name == Name.VARCHAR;
    }

    /** The type as written in DDL, for example {@code DECIMAL(10, 2)} or {@code VARCHAR(20)}. */
    public String sqlText() {
        return switch (name) {
            case VARCHAR -> precision == UNBOUNDED ? "VARCHAR" : "VARCHAR(" + precision + ")";
            case CHAR -> "CHAR(" + precision + ")";
            case DECIMAL -> precision == UNBOUNDED ? "NUMERIC" : "DECIMAL(" + precision + ", " + scale + ")";
            case TIME, TIMESTAMP -> name + "(" + precision + ")";
            default -> name.name();
        };
    }
}

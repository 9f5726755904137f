package io.basalt.sql.ddl;

import io.basalt.common.error.BasaltException;
import io.basalt.common.error.SqlState;
import io.basalt.sql.catalog.ColumnType;
import io.basalt.sql.type.BasaltTypeSystem;
import org.apache.calcite.sql.SqlBasicTypeNameSpec;
import org.apache.calcite.sql.SqlDataTypeSpec;
import org.apache.calcite.sql.type.SqlTypeName;

/** Turns a DDL type ({@code VARCHAR(20)}, {@code DECIMAL(10, 2)}, ...) into a catalog {@link ColumnType}. */
final class ColumnTypes {
    private ColumnTypes() {
    }

    static ColumnType fromSpec(SqlDataTypeSpec spec, String column) {
        if (!(spec.getTypeNameSpec() instanceof SqlBasicTypeNameSpec basic)) {
            throw unsupported(spec.getTypeName().toString(), column);
        }
        SqlTypeName typeName = SqlTypeName.get(basic.getTypeName().getSimple());
        if (typeName == null) {
            throw unsupported(basic.getTypeName().getSimple(), column);
        }
        int precision = basic.getPrecision();
        int scale = basic.getScale();
        return switch (typeName) {
            case BOOLEAN -> ColumnType.of(ColumnType.Name.BOOLEAN);
            case TINYINT, SMALLINT -> ColumnType.of(ColumnType.Name.SMALLINT);
            case INTEGER -> ColumnType.of(ColumnType.Name.INTEGER);
            case BIGINT -> ColumnType.of(ColumnType.Name.BIGINT);
            case REAL -> ColumnType.of(ColumnType.Name.REAL);
            case FLOAT, DOUBLE -> ColumnType.of(ColumnType.Name.DOUBLE);
            case DECIMAL -> decimal(precision, scale, column);
            case CHAR -> new ColumnType(ColumnType.Name.CHAR, length(precision < 0 ? 1 : precision, column), 0);
            case VARCHAR -> new ColumnType(ColumnType.Name.VARCHAR,
                    precision < 0 ? ColumnType.UNBOUNDED : length(precision, column), 0);
            case DATE -> ColumnType.of(ColumnType.Name.DATE);
            case TIME -> temporal(ColumnType.Name.TIME, precision, column);
            case TIMESTAMP -> temporal(ColumnType.Name.TIMESTAMP, precision, column);
            default -> throw unsupported(typeName.getName(), column);
        };
    }

    /**
     * NUMERIC/DECIMAL without precision is PostgreSQL's unconstrained NUMERIC, which keeps every
     * digit it is given. (It was DECIMAL(38, 0), the SQL standard's default scale, which stored
     * 123.456 as 123 without a word.) With a precision and no scale, the scale is 0.
     */
    private static ColumnType decimal(int precision, int scale, String column) {
        if (precision < 0) {
            return ColumnType.of(ColumnType.Name.DECIMAL);
        }
        int p = precision;
        int s = scale < 0 ? 0 : scale;
        if (p < 1 || p > BasaltTypeSystem.MAX_DECIMAL_PRECISION) {
            throw new BasaltException(SqlState.INVALID_COLUMN_DEFINITION, "NUMERIC precision " + p
                    + " must be between 1 and " + BasaltTypeSystem.MAX_DECIMAL_PRECISION + " (column \"" + column + "\")");
        }
        if (s > p) {
            throw new BasaltException(SqlState.INVALID_COLUMN_DEFINITION, "NUMERIC scale " + s
                    + " must be between 0 and precision " + p + " (column \"" + column + "\")");
        }
        return new ColumnType(ColumnType.Name.DECIMAL, p, s);
    }

    private static int length(int length, String column) {
        if (length < 1) {
            throw new BasaltException(SqlState.INVALID_COLUMN_DEFINITION,
                    "length for type must be at least 1 (column \"" + column + "\")");
        }
        return length;
    }

    /** Fractional seconds beyond milliseconds would be cut off silently, so they are refused. */
    private static ColumnType temporal(ColumnType.Name name, int precision, String column) {
        int p = precision < 0 ? ColumnType.MAX_FRACTIONAL_SECONDS : precision;
        if (p > ColumnType.MAX_FRACTIONAL_SECONDS) {
            throw new BasaltException(SqlState.INVALID_COLUMN_DEFINITION, name + "(" + p
                    + ") is not supported: at most " + ColumnType.MAX_FRACTIONAL_SECONDS
                    + " fractional digits (milliseconds) (column \"" + column + "\")");
        }
        return new ColumnType(name, p, 0);
    }

    private static BasaltException unsupported(String type, String column) {
        return new BasaltException(SqlState.UNDEFINED_OBJECT,
                "type \"" + type + "\" is not supported (column \"" + column + "\")");
    }
}

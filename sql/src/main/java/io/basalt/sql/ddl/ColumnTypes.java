package io.basalt.sql.ddl;

import io.basalt.common.error.BasaltException;
import io.basalt.common.error.SqlState;
import io.basalt.sql.catalog.ColumnType;
import io.basalt.sql.type.BasaltTypeSystem;
import java.util.Locale;
import java.util.Map;
import org.apache.calcite.sql.SqlBasicTypeNameSpec;
import org.apache.calcite.sql.SqlDataTypeSpec;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.type.SqlTypeName;

/** Turns a DDL type ({@code VARCHAR(20)}, {@code DECIMAL(10, 2)}, ...) into a catalog {@link ColumnType}. */
final class ColumnTypes {
    private ColumnTypes() {
    }

    /**
     * PostgreSQL's internal names of types, which it accepts in DDL and which schema dumps and ORMs
     * write. The parser reads them as names of user-defined types. (BYTEA is not here: Basalt has no
     * binary column type yet.)
     */
    private static final Map<String, ColumnType.Name> POSTGRES_ALIASES = Map.of(
            "INT2", ColumnType.Name.SMALLINT,
            "INT4", ColumnType.Name.INTEGER,
            "INT8", ColumnType.Name.BIGINT,
            "FLOAT4", ColumnType.Name.REAL,
            "FLOAT8", ColumnType.Name.DOUBLE,
            "BOOL", ColumnType.Name.BOOLEAN);

    static ColumnType fromSpec(SqlDataTypeSpec spec, String column) {
        if (!(spec.getTypeNameSpec() instanceof SqlBasicTypeNameSpec basic)) {
            SqlIdentifier name = spec.getTypeName();
            ColumnType.Name alias = name.isSimple() ? POSTGRES_ALIASES.get(name.getSimple().toUpperCase(Locale.ROOT)) : null;
            if (alias == null) {
                throw unsupported(name.toString(), column);
            }
            return ColumnType.of(alias);
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
            throw new BasaltException(SqlState.INVALID_PARAMETER_VALUE, "NUMERIC precision " + p
                    + " must be between 1 and " + BasaltTypeSystem.MAX_DECIMAL_PRECISION + " (column \"" + column + "\")");
        }
        if (s > p) {
            throw new BasaltException(SqlState.INVALID_PARAMETER_VALUE, "NUMERIC scale " + s
                    + " must be between 0 and precision " + p + " (column \"" + column + "\")");
        }
        return new ColumnType(ColumnType.Name.DECIMAL, p, s);
    }

    /** PostgreSQL reports a length below 1 as an invalid parameter value (22023), not a bad definition. */
    private static int length(int length, String column) {
        if (length < 1) {
            throw new BasaltException(SqlState.INVALID_PARAMETER_VALUE,
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

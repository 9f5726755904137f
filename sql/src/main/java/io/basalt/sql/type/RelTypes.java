package io.basalt.sql.type;

import io.basalt.sql.catalog.ColumnType;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * Maps catalog column types to Calcite types, in two views.
 *
 * <p>The <em>query view</em> is the declared type. The <em>assignment view</em> is what INSERT
 * and UPDATE are planned against: integers widen to BIGINT, strings to unbounded VARCHAR and
 * decimals to 38 digits at the declared scale (unconstrained NUMERIC is itself in both views). Calcite's own casts to the declared type would
 * wrap integers and truncate strings silently (it even truncates string literals while converting
 * VALUES); planning against the wide types leaves every value intact up to the point where
 * {@link Assignment} checks it against the declared type and raises 22001 or 22003, as the SQL
 * standard and PostgreSQL require. Decimals keep their scale so that Calcite rounds them (half up,
 * see {@link BasaltTypeSystem}) exactly as the assignment would.
 */
public final class RelTypes {
    private RelTypes() {
    }

    public static RelDataType queryType(RelDataTypeFactory factory, ColumnType type, boolean nullable) {
        RelDataType base = switch (type.name()) {
            case BOOLEAN -> factory.createSqlType(SqlTypeName.BOOLEAN);
            case SMALLINT -> factory.createSqlType(SqlTypeName.SMALLINT);
            case INTEGER -> factory.createSqlType(SqlTypeName.INTEGER);
            case BIGINT -> factory.createSqlType(SqlTypeName.BIGINT);
            case DECIMAL -> type.isUnconstrainedDecimal()
                    ? UnconstrainedNumeric.type(factory, false)
                    : factory.createSqlType(SqlTypeName.DECIMAL, type.precision(), type.scale());
            case REAL -> factory.createSqlType(SqlTypeName.REAL);
            case DOUBLE -> factory.createSqlType(SqlTypeName.DOUBLE);
            case CHAR -> factory.createSqlType(SqlTypeName.CHAR, type.precision());
            case VARCHAR -> type.precision() == ColumnType.UNBOUNDED
                    ? factory.createSqlType(SqlTypeName.VARCHAR)
                    : factory.createSqlType(SqlTypeName.VARCHAR, type.precision());
            case DATE -> factory.createSqlType(SqlTypeName.DATE);
            case TIME -> factory.createSqlType(SqlTypeName.TIME, type.precision());
            case TIMESTAMP -> factory.createSqlType(SqlTypeName.TIMESTAMP, type.precision());
        };
        return factory.createTypeWithNullability(base, nullable);
    }

    public static RelDataType assignmentType(RelDataTypeFactory factory, ColumnType type, boolean nullable) {
        RelDataType base = switch (type.name()) {
            case SMALLINT, INTEGER, BIGINT -> factory.createSqlType(SqlTypeName.BIGINT);
            case DECIMAL -> type.isUnconstrainedDecimal()
                    ? UnconstrainedNumeric.type(factory, false)
                    : factory.createSqlType(SqlTypeName.DECIMAL, BasaltTypeSystem.MAX_DECIMAL_PRECISION, type.scale());
            case CHAR, VARCHAR -> factory.createSqlType(SqlTypeName.VARCHAR);
            default -> queryType(factory, type, false);
        };
        return factory.createTypeWithNullability(base, nullable);
    }
}

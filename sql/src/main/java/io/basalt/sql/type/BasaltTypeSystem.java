package io.basalt.sql.type;

import java.math.RoundingMode;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.rel.type.RelDataTypeSystemImpl;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * Basalt's numeric and temporal limits for Calcite.
 *
 * <ul>
 *   <li>DECIMAL up to 38 digits (Calcite's default is 19), rounded half away from zero like
 *       PostgreSQL and the SQL standard (Calcite's default truncates).</li>
 *   <li>TIME and TIMESTAMP carry milliseconds: Calcite's generated code represents them as
 *       milliseconds, so more precision would be silently lost.</li>
 *   <li>A CASE, union or VALUES list of strings of different lengths is VARCHAR, not a CHAR
 *       padded with spaces: {@code CASE ... THEN 'yes' ELSE 'no' END} must not return
 *       {@code 'no '}. Comparisons with CHAR(n) columns keep their PAD SPACE semantics through
 *       {@code PadSpaceComparisons} instead.</li>
 * </ul>
 */
public final class BasaltTypeSystem extends RelDataTypeSystemImpl {
    public static final BasaltTypeSystem INSTANCE = new BasaltTypeSystem();
    public static final int MAX_DECIMAL_PRECISION = 38;

    private BasaltTypeSystem() {
    }

    @Override
    public int getMaxPrecision(SqlTypeName typeName) {
        return switch (typeName) {
            case DECIMAL -> MAX_DECIMAL_PRECISION;
            case TIME, TIMESTAMP, TIME_WITH_LOCAL_TIME_ZONE, TIMESTAMP_WITH_LOCAL_TIME_ZONE -> 3;
            default -> super.getMaxPrecision(typeName);
        };
    }

    @Override
    public int getDefaultPrecision(SqlTypeName typeName) {
        return switch (typeName) {
            case TIME, TIMESTAMP, TIME_WITH_LOCAL_TIME_ZONE, TIMESTAMP_WITH_LOCAL_TIME_ZONE -> 3;
            default -> super.getDefaultPrecision(typeName);
        };
    }

    @Override
    public int getMaxScale(SqlTypeName typeName) {
        return typeName == SqlTypeName.DECIMAL ? MAX_DECIMAL_PRECISION : super.getMaxScale(typeName);
    }

    @Override
    public int getMaxNumericPrecision() {
        return MAX_DECIMAL_PRECISION;
    }

    @Override
    public int getMaxNumericScale() {
        return MAX_DECIMAL_PRECISION;
    }

    /**
     * SUM of SMALLINT or INTEGER is BIGINT, as in PostgreSQL, so that summing many values does
     * not overflow the argument's type (Calcite keeps it). SUM of BIGINT stays BIGINT: PostgreSQL
     * widens it to numeric, but Calcite 1.41's enumerable SUM cannot implement that widening.
     */
    @Override
    public RelDataType deriveSumType(RelDataTypeFactory factory, RelDataType argumentType) {
        RelDataType sum = switch (argumentType.getSqlTypeName()) {
            case TINYINT, SMALLINT, INTEGER -> factory.createSqlType(SqlTypeName.BIGINT);
            case DECIMAL -> factory.createSqlType(SqlTypeName.DECIMAL, MAX_DECIMAL_PRECISION, argumentType.getScale());
            default -> super.deriveSumType(factory, argumentType);
        };
        return factory.createTypeWithNullability(sum, argumentType.isNullable());
    }

    /**
     * AVG of an integer is an exact decimal with six fractional digits (PostgreSQL returns
     * numeric); Calcite would truncate it to an integer.
     */
    @Override
    public RelDataType deriveAvgAggType(RelDataTypeFactory factory, RelDataType argumentType) {
        RelDataType average = switch (argumentType.getSqlTypeName()) {
            case TINYINT, SMALLINT, INTEGER, BIGINT -> factory.createSqlType(SqlTypeName.DECIMAL, MAX_DECIMAL_PRECISION, 6);
            default -> super.deriveAvgAggType(factory, argumentType);
        };
        return factory.createTypeWithNullability(average, argumentType.isNullable());
    }

    @Override
    public boolean shouldConvertRaggedUnionTypesToVarying() {
        return true;
    }

    @Override
    public RoundingMode roundingMode() {
        return RoundingMode.HALF_UP;
    }

}

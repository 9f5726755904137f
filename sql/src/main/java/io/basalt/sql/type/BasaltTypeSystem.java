package io.basalt.sql.type;

import java.math.RoundingMode;
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
 *   <li>A union or VALUES list of strings of different lengths is VARCHAR, not a CHAR padded
 *       with spaces: {@code VALUES ('a'), ('abc')} must not turn 'a' into 'a  '.</li>
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

    @Override
    public RoundingMode roundingMode() {
        return RoundingMode.HALF_UP;
    }

    @Override
    public boolean shouldConvertRaggedUnionTypesToVarying() {
        return true;
    }
}

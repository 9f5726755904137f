package io.basalt.sql.type;

import java.math.RoundingMode;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.rel.type.RelDataTypeFactoryImpl;
import org.apache.calcite.rel.type.RelDataTypeSystemImpl;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.sql.type.SqlTypeUtil;

/**
 * Basalt's numeric and temporal limits for Calcite.
 *
 * <ul>
 *   <li>DECIMAL up to 38 digits (Calcite's default is 19), rounded half away from zero like
 *       PostgreSQL and the SQL standard (Calcite's default truncates). The largest precision and
 *       scale Calcite accepts are those of {@link UnconstrainedNumeric}, the marker type of
 *       NUMERIC without precision; types derived from constrained ones stay within 38 digits, and
 *       an operation with an unconstrained operand is unconstrained, as in PostgreSQL.</li>
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
    /** The fewest fractional digits of a DECIMAL quotient or average: PostgreSQL's NUMERIC_MIN_SIG_DIGITS. */
    public static final int MIN_QUOTIENT_SCALE = 16;

    private BasaltTypeSystem() {
    }

    @Override
    public int getMaxPrecision(SqlTypeName typeName) {
        return switch (typeName) {
            case DECIMAL -> UnconstrainedNumeric.PRECISION;
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
        return typeName == SqlTypeName.DECIMAL ? UnconstrainedNumeric.SCALE : super.getMaxScale(typeName);
    }

    /** The limit of the types Calcite derives from constrained DECIMALs (sums, common types of a CASE, ...). */
    @Override
    public int getMaxNumericPrecision() {
        return MAX_DECIMAL_PRECISION;
    }

    @Override
    public int getMaxNumericScale() {
        return MAX_DECIMAL_PRECISION;
    }

    /**
     * SUM follows PostgreSQL: SMALLINT and INTEGER sum to BIGINT, BIGINT to NUMERIC (DECIMAL(38, 0)
     * here), DECIMAL(p, s) to DECIMAL(38, s), unconstrained NUMERIC to itself, so that a sum can
     * never wrap around. Calcite's
     * enumerable SUM cannot add a BIGINT into a DECIMAL accumulator; {@code NumericAggregates}
     * casts a BIGINT argument to DECIMAL before the plan is optimised.
     */
    @Override
    public RelDataType deriveSumType(RelDataTypeFactory factory, RelDataType argumentType) {
        if (UnconstrainedNumeric.is(argumentType)) {
            return argumentType;
        }
        RelDataType sum = switch (argumentType.getSqlTypeName()) {
            case TINYINT, SMALLINT, INTEGER -> factory.createSqlType(SqlTypeName.BIGINT);
            case BIGINT -> factory.createSqlType(SqlTypeName.DECIMAL, MAX_DECIMAL_PRECISION, 0);
            case DECIMAL -> factory.createSqlType(SqlTypeName.DECIMAL, MAX_DECIMAL_PRECISION, argumentType.getScale());
            default -> super.deriveSumType(factory, argumentType);
        };
        return factory.createTypeWithNullability(sum, argumentType.isNullable());
    }

    /**
     * AVG of an exact number is an exact decimal with {@link #MIN_QUOTIENT_SCALE} fractional
     * digits, or the argument's scale if that is more; AVG of REAL is DOUBLE. PostgreSQL returns
     * numeric and double precision; its numeric scale depends on the values (see
     * {@link #deriveDecimalDivideType}), ours cannot, because one column has one type.
     */
    @Override
    public RelDataType deriveAvgAggType(RelDataTypeFactory factory, RelDataType argumentType) {
        if (UnconstrainedNumeric.is(argumentType)) {
            return argumentType; // its quotient scale comes from the values, as in PostgreSQL
        }
        RelDataType average = switch (argumentType.getSqlTypeName()) {
            case TINYINT, SMALLINT, INTEGER, BIGINT -> factory.createSqlType(SqlTypeName.DECIMAL,
                    MAX_DECIMAL_PRECISION, MIN_QUOTIENT_SCALE);
            case DECIMAL -> factory.createSqlType(SqlTypeName.DECIMAL, MAX_DECIMAL_PRECISION,
                    Math.max(MIN_QUOTIENT_SCALE, argumentType.getScale()));
            case REAL, FLOAT -> factory.createSqlType(SqlTypeName.DOUBLE);
            default -> super.deriveAvgAggType(factory, argumentType);
        };
        return factory.createTypeWithNullability(average, argumentType.isNullable());
    }

    /** COVAR_POP, COVAR_SAMP, REGR_SXX, REGR_SYY are DOUBLE PRECISION, as in PostgreSQL; Calcite keeps the first argument's type. */
    @Override
    public RelDataType deriveCovarType(RelDataTypeFactory factory, RelDataType arg0Type, RelDataType arg1Type) {
        return factory.createTypeWithNullability(factory.createSqlType(SqlTypeName.DOUBLE),
                arg0Type.isNullable() || arg1Type.isNullable());
    }

    /**
     * The type of a DECIMAL quotient. PostgreSQL keeps at least 16 significant digits, and never
     * fewer fractional digits than either operand has; how many more it keeps depends on the
     * values, in steps of four digits (10.00 / 4 has 16 fractional digits, 1 / 3.0 has 20). A plan
     * needs one type per expression, and values of one column must share a scale (GROUP BY and
     * DISTINCT compare BigDecimals with {@code equals}), so the scale here is
     * {@code max(16, s1, s2)}: PostgreSQL's for many quotients from 1 to 9999, never fewer than 16
     * fractional digits. The integer digits are what the quotient can need,
     * {@code p1 - s1 + s2}, as far as 38 digits allow; a quotient with more fails with 22003
     * rather than losing digits.
     *
     * <p>Calcite's default (SQL Server's rule) keeps as few as 6 fractional digits.
     */
    @Override
    public RelDataType deriveDecimalDivideType(RelDataTypeFactory factory, RelDataType dividend, RelDataType divisor) {
        if (!SqlTypeUtil.isExactNumeric(dividend) || !SqlTypeUtil.isExactNumeric(divisor)
                || !SqlTypeUtil.isDecimal(dividend) && !SqlTypeUtil.isDecimal(divisor)) {
            return null;
        }
        if (UnconstrainedNumeric.is(dividend) || UnconstrainedNumeric.is(divisor)) {
            return unconstrained(factory, dividend, divisor);
        }
        RelDataType left = RelDataTypeFactoryImpl.isJavaType(dividend) ? factory.decimalOf(dividend) : dividend;
        RelDataType right = RelDataTypeFactoryImpl.isJavaType(divisor) ? factory.decimalOf(divisor) : divisor;
        int scale = Math.max(MIN_QUOTIENT_SCALE, Math.max(decimalScale(left), decimalScale(right)));
        int integerDigits = decimalPrecision(left) - decimalScale(left) + decimalScale(right);
        int precision = Math.min(MAX_DECIMAL_PRECISION, Math.max(1, integerDigits) + scale);
        RelDataType quotient = factory.createSqlType(SqlTypeName.DECIMAL, precision, scale);
        return factory.createTypeWithNullability(quotient, dividend.isNullable() || divisor.isNullable());
    }

    /**
     * A sum or difference. Unconstrained if an operand is, or if the exact result needs more than
     * 38 digits: PostgreSQL's result is an unconstrained NUMERIC in every case, and Calcite's cap
     * at 38 digits failed (22003) where PostgreSQL has an answer.
     */
    @Override
    public RelDataType deriveDecimalPlusType(RelDataTypeFactory factory, RelDataType type1, RelDataType type2) {
        if (!isDecimalOperation(type1, type2)) {
            return super.deriveDecimalPlusType(factory, type1, type2);
        }
        int scale = Math.max(decimalScale(type1), decimalScale(type2));
        int integerDigits = Math.max(decimalPrecision(type1) - decimalScale(type1),
                decimalPrecision(type2) - decimalScale(type2));
        return integerDigits + scale + 1 > MAX_DECIMAL_PRECISION || anyUnconstrained(type1, type2)
                ? unconstrained(factory, type1, type2)
                : super.deriveDecimalPlusType(factory, type1, type2);
    }

    /** A product: unconstrained as a sum is ({@link #deriveDecimalPlusType}). */
    @Override
    public RelDataType deriveDecimalMultiplyType(RelDataTypeFactory factory, RelDataType type1, RelDataType type2) {
        if (!isDecimalOperation(type1, type2)) {
            return super.deriveDecimalMultiplyType(factory, type1, type2);
        }
        return decimalPrecision(type1) + decimalPrecision(type2) > MAX_DECIMAL_PRECISION || anyUnconstrained(type1, type2)
                ? unconstrained(factory, type1, type2)
                : super.deriveDecimalMultiplyType(factory, type1, type2);
    }

    /** A remainder: unconstrained if an operand is. */
    @Override
    public RelDataType deriveDecimalModType(RelDataTypeFactory factory, RelDataType type1, RelDataType type2) {
        return isDecimalOperation(type1, type2) && anyUnconstrained(type1, type2)
                ? unconstrained(factory, type1, type2)
                : super.deriveDecimalModType(factory, type1, type2);
    }

    /** Both exact and at least one DECIMAL: Calcite derives integer operations itself. */
    private static boolean isDecimalOperation(RelDataType type1, RelDataType type2) {
        return SqlTypeUtil.isExactNumeric(type1) && SqlTypeUtil.isExactNumeric(type2)
                && (SqlTypeUtil.isDecimal(type1) || SqlTypeUtil.isDecimal(type2));
    }

    private static boolean anyUnconstrained(RelDataType type1, RelDataType type2) {
        return UnconstrainedNumeric.is(type1) || UnconstrainedNumeric.is(type2);
    }

    private static RelDataType unconstrained(RelDataTypeFactory factory, RelDataType type1, RelDataType type2) {
        return UnconstrainedNumeric.type(factory, type1.isNullable() || type2.isNullable());
    }

    /** The precision of an exact numeric type as a DECIMAL: 19 for BIGINT, 10 for INTEGER. */
    private static int decimalPrecision(RelDataType type) {
        return switch (type.getSqlTypeName()) {
            case TINYINT -> 3;
            case SMALLINT -> 5;
            case INTEGER -> 10;
            case BIGINT -> 19;
            default -> type.getPrecision();
        };
    }

    private static int decimalScale(RelDataType type) {
        return type.getSqlTypeName() == SqlTypeName.DECIMAL ? type.getScale() : 0;
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

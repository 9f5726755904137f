package io.basalt.sql.type;

import io.basalt.common.error.BasaltException;
import io.basalt.common.error.SqlState;
import java.math.BigDecimal;
import java.math.BigInteger;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * PostgreSQL's unconstrained {@code NUMERIC} (and {@code DECIMAL}) without precision: a number
 * that keeps every digit it is given, with the scale it was given ({@code 1.50} stays
 * {@code 1.50}), up to PostgreSQL's limits (131072 digits before the point, 16383 after); beyond
 * them 22003.
 *
 * <p>Calcite gives every DECIMAL one precision and scale, and its CAST to a DECIMAL rounds to
 * that scale. So this type is a <em>marker</em> to Calcite: {@code DECIMAL(1000, 500)}, the
 * largest precision and scale of {@link BasaltTypeSystem}, whose values nonetheless carry their
 * own scale at run time. What makes that sound:
 * <ul>
 *   <li>Nothing rounds to the marker's scale: {@code PostgresSemantics} replaces every CAST to it
 *       by {@link #checked} (exact, only the limits are checked), {@code BasaltRexBuilder} folds a
 *       cast of a literal to it without rescaling, and its quotients get PostgreSQL's scale from the
 *       values ({@link #quotientScale}), not the marker's.</li>
 *   <li>The marker stays the marker: + - * and % with an unconstrained operand, SUM and AVG of it
 *       ({@link BasaltTypeSystem}) and the common type of it and any other number
 *       ({@code BasaltTypeFactory.leastRestrictive}) are unconstrained, as they are in PostgreSQL.
 *       Those results are exact: {@code BigDecimal} adds, subtracts and multiplies exactly.</li>
 *   <li>Comparisons ignore the scale ({@code compareTo}); so does the key codec, which encodes
 *       1.5 and 1.50 identically (a primary key or unique index sees them as duplicates, as
 *       PostgreSQL does).</li>
 * </ul>
 *
 * <p>Alternatives rejected: a large fixed scale (DECIMAL(1000, 500) with the values rescaled)
 * prints 500 zeros and makes {@code 1.25} and {@code 1.250} indistinguishable; keeping DECIMAL(38,
 * 0) rounded 123.456 to 123 silently, the bug this type fixes; a Calcite type of our own would need
 * every operator's type inference and code generation redone. Marker precision and scale are
 * arbitrary beyond being larger than any constrained type Basalt derives (38 digits): an explicit
 * {@code CAST(x AS DECIMAL(1000, 500))} is the marker too, and keeps the value's scale.
 *
 * <p>Known gap: GROUP BY, DISTINCT and hash joins compare values with {@code BigDecimal.equals},
 * which tells 1.5 from 1.50 (see golden-gaps/types.sql). See also docs/design/0003-sql-planning.md (Unconstrained NUMERIC).
 */
public final class UnconstrainedNumeric {
    /** The marker's precision: PostgreSQL's largest declared NUMERIC precision. */
    public static final int PRECISION = 1000;
    /** The marker's scale. */
    public static final int SCALE = 500;
    /** PostgreSQL's NUMERIC limits: digits before the decimal point, and after it. */
    static final int MAX_INTEGER_DIGITS = 131_072;
    static final int MAX_SCALE = 16_383;
    /** PostgreSQL's NUMERIC_MIN_SIG_DIGITS and NUMERIC_MAX_DISPLAY_SCALE, for quotients. */
    private static final int MIN_SIGNIFICANT_DIGITS = 16;
    private static final int MAX_DISPLAY_SCALE = 1000;
    /** PostgreSQL stores NUMERIC in base-10000 digits, and its quotient scale counts in them. */
    private static final BigInteger NBASE = BigInteger.valueOf(10_000);

    private UnconstrainedNumeric() {
    }

    public static RelDataType type(RelDataTypeFactory factory, boolean nullable) {
        return factory.createTypeWithNullability(factory.createSqlType(SqlTypeName.DECIMAL, PRECISION, SCALE), nullable);
    }

    public static boolean is(RelDataType type) {
        return type != null && type.getSqlTypeName() == SqlTypeName.DECIMAL && type.getPrecision() == PRECISION
                && type.getScale() == SCALE;
    }

    /**
     * {@code value} as an unconstrained NUMERIC: unchanged, except that a negative scale (1E+3, from
     * BigDecimal arithmetic) becomes 0, as PostgreSQL never shows one. 22003 beyond the limits.
     */
    public static BigDecimal checked(BigDecimal value) {
        BigDecimal result = value.scale() < 0 ? value.setScale(0) : value;
        if (result.precision() - result.scale() > MAX_INTEGER_DIGITS || result.scale() > MAX_SCALE) {
            throw new BasaltException(SqlState.NUMERIC_VALUE_OUT_OF_RANGE,
                    "value overflows numeric format: at most " + MAX_INTEGER_DIGITS
                            + " digits before the decimal point and " + MAX_SCALE + " after it");
        }
        return result;
    }

    /**
     * The scale PostgreSQL gives {@code dividend / divisor} of NUMERICs ({@code select_div_scale}
     * in numeric.c): at least 16 significant digits, counted in its base-10000 digits, and never
     * fewer fractional digits than either operand has. 1 / 3 has 20 fractional digits, 10.00 / 4
     * has 16.
     */
    public static int quotientScale(BigDecimal dividend, BigDecimal divisor) {
        int weight1 = weight(dividend);
        int weight2 = weight(divisor);
        int quotientWeight = weight1 - weight2;
        if (firstDigit(dividend, weight1) <= firstDigit(divisor, weight2)) {
            quotientWeight--;
        }
        int scale = MIN_SIGNIFICANT_DIGITS - quotientWeight * 4;
        scale = Math.max(scale, Math.max(Math.max(dividend.scale(), divisor.scale()), 0));
        return Math.min(scale, MAX_DISPLAY_SCALE);
    }

    /** The power of 10000 of the first base-10000 digit of {@code value}; 0 for zero. */
    private static int weight(BigDecimal value) {
        if (value.signum() == 0) {
            return 0;
        }
        int exponent = value.precision() - value.scale() - 1; // 10^exponent <= |value| < 10^(exponent + 1)
        return Math.floorDiv(exponent, 4);
    }

    /** The first base-10000 digit of {@code value} (1 to 9999); 0 for zero. */
    private static int firstDigit(BigDecimal value, int weight) {
        if (value.signum() == 0) {
            return 0;
        }
        BigDecimal scaled = value.abs().movePointLeft(4 * weight);
        return scaled.toBigInteger().min(NBASE.subtract(BigInteger.ONE)).intValue();
    }
}

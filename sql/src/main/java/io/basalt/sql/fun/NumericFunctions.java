package io.basalt.sql.fun;

import io.basalt.common.error.BasaltException;
import io.basalt.common.error.SqlState;
import io.basalt.sql.type.UnconstrainedNumeric;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import org.apache.calcite.linq4j.function.Strict;

/**
 * Arithmetic as PostgreSQL checks it, where Calcite's generated code would wrap around, return
 * Infinity or NaN, or keep too few digits. Called from generated code (see
 * {@link PostgresSemantics}); every method is {@link Strict}: a NULL argument gives NULL without
 * a call.
 *
 * <p>Floating point follows PostgreSQL's {@code float.c}: a result that is infinite although no
 * operand was is an overflow (22003), a zero from non-zero operands an underflow (22003), and
 * division by zero is 22012. Infinity and NaN as operands pass through, as there.
 */
public final class NumericFunctions {
    private NumericFunctions() {
    }

    /** A DECIMAL quotient rounded half up to {@code scale} digits; Calcite's has 16 significant digits at most. */
    @Strict
    public static BigDecimal divide(BigDecimal dividend, BigDecimal divisor, int scale) {
        if (divisor.signum() == 0) {
            throw divisionByZero();
        }
        return dividend.divide(divisor, scale, RoundingMode.HALF_UP);
    }

    /** An exact number as an unconstrained NUMERIC: every digit kept, 22003 beyond its limits. */
    @Strict
    public static BigDecimal numeric(BigDecimal value) {
        return UnconstrainedNumeric.checked(value);
    }

    /** DOUBLE PRECISION as an unconstrained NUMERIC: the shortest decimal that reads back as it, as in PostgreSQL. */
    @Strict
    public static BigDecimal numeric(double value) {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            throw new BasaltException(SqlState.NUMERIC_VALUE_OUT_OF_RANGE, "cannot convert " + value + " to numeric");
        }
        return UnconstrainedNumeric.checked(new BigDecimal(Double.toString(value)));
    }

    /** REAL as an unconstrained NUMERIC, from its own shortest decimal (0.1, not 0.10000000149011612). */
    @Strict
    public static BigDecimal numeric(float value) {
        if (Float.isNaN(value) || Float.isInfinite(value)) {
            throw new BasaltException(SqlState.NUMERIC_VALUE_OUT_OF_RANGE, "cannot convert " + value + " to numeric");
        }
        return UnconstrainedNumeric.checked(new BigDecimal(Float.toString(value)));
    }

    /** Text as an unconstrained NUMERIC, digits and scale as written; 22P02 if it is no number. */
    @Strict
    public static BigDecimal numeric(String text) {
        try {
            return UnconstrainedNumeric.checked(new BigDecimal(text.strip()));
        } catch (NumberFormatException e) {
            throw new BasaltException(SqlState.INVALID_TEXT_REPRESENTATION,
                    "invalid input syntax for type numeric: \"" + text + "\"");
        }
    }

    /** A quotient of unconstrained NUMERICs, with PostgreSQL's scale for these values ({@link UnconstrainedNumeric#quotientScale}). */
    @Strict
    public static BigDecimal numericDivide(BigDecimal dividend, BigDecimal divisor) {
        if (divisor.signum() == 0) {
            throw divisionByZero();
        }
        return dividend.divide(divisor, UnconstrainedNumeric.quotientScale(dividend, divisor), RoundingMode.HALF_UP);
    }

    /**
     * VAR_POP / VAR_SAMP (or, with {@code root}, STDDEV_POP / STDDEV_SAMP) from the sum of squares,
     * the sum and the count of the values, computed exactly as PostgreSQL computes them for exact
     * numbers: {@code (n * sum(x^2) - sum(x)^2) / (n * n)} or {@code / (n * (n - 1))}, rounded
     * half up to {@code scale} digits, and the square root of that for the standard deviation.
     * Null for no values, and for one value in the sample forms.
     */
    @Strict
    public static BigDecimal variance(BigDecimal sumOfSquares, BigDecimal sum, long count, boolean sample,
                                      boolean root, int scale) {
        if (count == 0 || sample && count == 1) {
            return null;
        }
        BigDecimal n = BigDecimal.valueOf(count);
        BigDecimal numerator = sumOfSquares.multiply(n).subtract(sum.multiply(sum));
        if (numerator.signum() <= 0) {
            return BigDecimal.ZERO.setScale(scale);
        }
        BigDecimal variance = numerator.divide(n.multiply(BigDecimal.valueOf(sample ? count - 1 : count)), scale,
                RoundingMode.HALF_UP);
        if (!root) {
            return variance;
        }
        return variance.sqrt(new MathContext(variance.precision() + scale + 2)).setScale(scale, RoundingMode.HALF_UP);
    }

    @Strict
    public static double plus(double a, double b) {
        return checked(a + b, a, b, false);
    }

    @Strict
    public static double minus(double a, double b) {
        return checked(a - b, a, b, false);
    }

    @Strict
    public static double times(double a, double b) {
        return checked(a * b, a, b, true);
    }

    @Strict
    public static double divide(double a, double b) {
        if (b == 0 && !Double.isNaN(a)) {
            throw divisionByZero();
        }
        return checked(a / b, a, b, a != 0);
    }

    @Strict
    public static float plus(float a, float b) {
        return (float) checked(a + b, a, b, false);
    }

    @Strict
    public static float minus(float a, float b) {
        return (float) checked(a - b, a, b, false);
    }

    @Strict
    public static float times(float a, float b) {
        return (float) checked(a * b, a, b, true);
    }

    @Strict
    public static float divide(float a, float b) {
        if (b == 0 && !Float.isNaN(a)) {
            throw divisionByZero();
        }
        return (float) checked(a / b, a, b, a != 0);
    }

    /** {@code zeroMeansUnderflow}: whether a zero result from these operands lost precision (a product, a quotient). */
    private static double checked(double result, double a, double b, boolean zeroMeansUnderflow) {
        if (Double.isInfinite(result) && !Double.isInfinite(a) && !Double.isInfinite(b)) {
            throw outOfRange("overflow");
        }
        if (zeroMeansUnderflow && result == 0 && a != 0 && b != 0 && !Double.isInfinite(b)) {
            throw outOfRange("underflow");
        }
        return result;
    }

    private static double checked(float result, float a, float b, boolean zeroMeansUnderflow) {
        if (Float.isInfinite(result) && !Float.isInfinite(a) && !Float.isInfinite(b)) {
            throw outOfRange("overflow");
        }
        if (zeroMeansUnderflow && result == 0 && a != 0 && b != 0 && !Float.isInfinite(b)) {
            throw outOfRange("underflow");
        }
        return result;
    }

    @Strict
    public static short abs(short value) {
        if (value == Short.MIN_VALUE) {
            throw integerOutOfRange("smallint");
        }
        return (short) Math.abs(value);
    }

    @Strict
    public static int abs(int value) {
        if (value == Integer.MIN_VALUE) {
            throw integerOutOfRange("integer");
        }
        return Math.abs(value);
    }

    @Strict
    public static long abs(long value) {
        if (value == Long.MIN_VALUE) {
            throw integerOutOfRange("bigint");
        }
        return Math.abs(value);
    }

    /** DOUBLE or REAL to SMALLINT: rounded to nearest, ties to even ({@code rint}), as PostgreSQL does. */
    @Strict
    public static short toSmallint(double value) {
        return (short) rounded(value, Short.MIN_VALUE, Short.MAX_VALUE, "smallint");
    }

    @Strict
    public static int toInteger(double value) {
        return (int) rounded(value, Integer.MIN_VALUE, Integer.MAX_VALUE, "integer");
    }

    @Strict
    public static long toBigint(double value) {
        return rounded(value, Long.MIN_VALUE, Long.MAX_VALUE, "bigint");
    }

    @Strict
    public static byte toTinyint(double value) {
        return (byte) rounded(value, Byte.MIN_VALUE, Byte.MAX_VALUE, "tinyint");
    }

    private static long rounded(double value, long min, long max, String type) {
        double nearest = Math.rint(value);
        // max + 1 as a double is exact (2^15, 2^31, 2^63), unlike max itself for BIGINT; NaN fails both tests.
        if (!(nearest >= min && nearest < (double) max + 1)) {
            throw integerOutOfRange(type);
        }
        return (long) nearest;
    }

    @Strict
    public static double sqrt(double value) {
        if (value < 0) {
            throw new BasaltException(SqlState.INVALID_ARGUMENT_FOR_POWER_FUNCTION,
                    "cannot take square root of a negative number");
        }
        return Math.sqrt(value);
    }

    @Strict
    public static double ln(double value) {
        checkLogarithmArgument(value);
        return Math.log(value);
    }

    @Strict
    public static double log10(double value) {
        checkLogarithmArgument(value);
        return Math.log10(value);
    }

    private static void checkLogarithmArgument(double value) {
        if (value == 0) {
            throw new BasaltException(SqlState.INVALID_ARGUMENT_FOR_LOGARITHM, "cannot take logarithm of zero");
        }
        if (value < 0) {
            throw new BasaltException(SqlState.INVALID_ARGUMENT_FOR_LOGARITHM,
                    "cannot take logarithm of a negative number");
        }
    }

    @Strict
    public static double exp(double value) {
        double result = Math.exp(value);
        if (Double.isInfinite(result) && !Double.isInfinite(value)) {
            throw outOfRange("overflow");
        }
        if (result == 0 && !Double.isInfinite(value)) {
            throw outOfRange("underflow");
        }
        return result;
    }

    @Strict
    public static double power(double base, double exponent) {
        if (Double.isNaN(base) || Double.isNaN(exponent)) {
            // PostgreSQL: NaN ^ 0 and 1 ^ NaN are 1, anything else with a NaN is NaN.
            return exponent == 0 || base == 1 ? 1 : Double.NaN;
        }
        if (base == 0 && exponent < 0) {
            throw new BasaltException(SqlState.INVALID_ARGUMENT_FOR_POWER_FUNCTION,
                    "zero raised to a negative power is undefined");
        }
        if (base < 0 && Math.floor(exponent) != exponent && !Double.isInfinite(exponent)) {
            throw new BasaltException(SqlState.INVALID_ARGUMENT_FOR_POWER_FUNCTION,
                    "a negative number raised to a non-integer power yields a complex result");
        }
        double result = Math.pow(base, exponent);
        if (Double.isInfinite(result) && !Double.isInfinite(base) && !Double.isInfinite(exponent)) {
            throw outOfRange("overflow");
        }
        if (result == 0 && base != 0 && !Double.isInfinite(base) && !Double.isInfinite(exponent)) {
            throw outOfRange("underflow");
        }
        return result;
    }

    static BasaltException divisionByZero() {
        return new BasaltException(SqlState.DIVISION_BY_ZERO, "division by zero");
    }

    private static BasaltException outOfRange(String what) {
        return new BasaltException(SqlState.NUMERIC_VALUE_OUT_OF_RANGE, "value out of range: " + what);
    }

    private static BasaltException integerOutOfRange(String type) {
        return new BasaltException(SqlState.NUMERIC_VALUE_OUT_OF_RANGE, type + " out of range");
    }
}

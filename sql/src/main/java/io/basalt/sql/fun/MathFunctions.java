package io.basalt.sql.fun;

import io.basalt.common.error.BasaltException;
import io.basalt.common.error.SqlState;
import java.math.BigDecimal;
import java.math.RoundingMode;
import org.apache.calcite.linq4j.function.Strict;

/**
 * PostgreSQL's numeric functions that Calcite has no implementation of (DIV, GCD, two-argument
 * LOG, WIDTH_BUCKET), with PostgreSQL's errors for arguments they are not defined for. Called
 * from generated code ({@link PostgresFunctionTable}).
 */
public final class MathFunctions {
    private MathFunctions() {
    }

    /** {@code DIV(a, b)}: the integer quotient, truncated towards zero; 22012 for b = 0. */
    @Strict
    public static BigDecimal div(BigDecimal dividend, BigDecimal divisor) {
        if (divisor.signum() == 0) {
            throw NumericFunctions.divisionByZero();
        }
        return dividend.divideToIntegralValue(divisor).setScale(0, RoundingMode.DOWN);
    }

    /**
     * {@code GCD(a, b)}: the greatest common divisor, never negative; 0 when both are 0. 22003 when
     * it does not fit the type, which happens only for the smallest BIGINT (and, in
     * {@link #gcdInteger}, the smallest INTEGER).
     */
    @Strict
    public static long gcd(long a, long b) {
        while (b != 0) {
            long rest = a % b;
            a = b;
            b = rest;
        }
        if (a == Long.MIN_VALUE) {
            throw new BasaltException(SqlState.NUMERIC_VALUE_OUT_OF_RANGE, "bigint out of range");
        }
        return Math.abs(a);
    }

    @Strict
    public static int gcdInteger(int a, int b) {
        long gcd = gcd(a, b);
        if (gcd > Integer.MAX_VALUE) {
            throw new BasaltException(SqlState.NUMERIC_VALUE_OUT_OF_RANGE, "integer out of range");
        }
        return (int) gcd;
    }

    /** {@code LOG(base, x)}: the logarithm of x to the given base; 2201E for a base or x at or below 0, 22012 for base 1. */
    @Strict
    public static double log(double base, double value) {
        if (base == 0 || value == 0) {
            throw new BasaltException(SqlState.INVALID_ARGUMENT_FOR_LOGARITHM, "cannot take logarithm of zero");
        }
        if (base < 0 || value < 0) {
            throw new BasaltException(SqlState.INVALID_ARGUMENT_FOR_LOGARITHM,
                    "cannot take logarithm of a negative number");
        }
        double denominator = Math.log(base);
        if (denominator == 0) {
            throw NumericFunctions.divisionByZero();
        }
        return Math.log(value) / denominator;
    }
}

package io.basalt.sql.type;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.basalt.common.error.BasaltException;
import io.basalt.common.error.SqlState;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class UnconstrainedNumericTest {

    /** Scales PostgreSQL 16 gives these quotients of numerics ({@code SELECT 1::numeric / 3} and so on). */
    @Test
    void quotientScaleFollowsPostgresSelectDivScale() {
        assertThat(scale("1", "3")).isEqualTo(20);
        assertThat(scale("10.00", "4")).isEqualTo(16);
        assertThat(scale("123.456", "7.5")).isEqualTo(16);
        assertThat(scale("1", "30000")).isEqualTo(24);
        assertThat(scale("100000", "3")).isEqualTo(12);
        assertThat(scale("0", "7")).isEqualTo(20);
    }

    @Test
    void quotientKeepsTheLargerOperandScale() {
        assertThat(scale("1.0000000000000000000000001", "3")).isEqualTo(25);
    }

    @Test
    void checkedKeepsScaleAndDropsANegativeOne() {
        assertThat(UnconstrainedNumeric.checked(new BigDecimal("1.50")).scale()).isEqualTo(2);
        BigDecimal thousand = UnconstrainedNumeric.checked(new BigDecimal("1E+3"));
        assertThat(thousand.scale()).isZero();
        assertThat(thousand.toPlainString()).isEqualTo("1000");
    }

    @Test
    void checkedRefusesValuesBeyondPostgresLimits() {
        BigDecimal tooLong = BigDecimal.ONE.movePointRight(UnconstrainedNumeric.MAX_INTEGER_DIGITS);
        BigDecimal tooFine = BigDecimal.ONE.movePointLeft(UnconstrainedNumeric.MAX_SCALE + 1);
        for (BigDecimal value : new BigDecimal[] {tooLong, tooFine}) {
            assertThatThrownBy(() -> UnconstrainedNumeric.checked(value)).isInstanceOfSatisfying(BasaltException.class,
                    e -> assertThat(e.sqlState()).isEqualTo(SqlState.NUMERIC_VALUE_OUT_OF_RANGE));
        }
        assertThat(UnconstrainedNumeric.checked(BigDecimal.ONE.movePointRight(UnconstrainedNumeric.MAX_INTEGER_DIGITS - 1)))
                .isNotNull();
    }

    private static int scale(String dividend, String divisor) {
        return UnconstrainedNumeric.quotientScale(new BigDecimal(dividend), new BigDecimal(divisor));
    }
}

package io.basalt.sql.type;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.basalt.common.error.BasaltException;
import io.basalt.common.error.SqlState;
import io.basalt.sql.catalog.ColumnDescriptor;
import io.basalt.sql.catalog.ColumnType;
import java.math.BigDecimal;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class AssignmentTest {

    private static ColumnDescriptor column(ColumnType type, boolean nullable) {
        return new ColumnDescriptor(1, "C", type, nullable, null);
    }

    private static SqlState stateOf(Runnable action) {
        try {
            action.run();
        } catch (BasaltException e) {
            return e.sqlState();
        }
        throw new AssertionError("expected a BasaltException");
    }

    @Test
    void nullIntoNotNullIsRefused() {
        assertThat(stateOf(() -> Assignment.toStorage(column(ColumnType.of(ColumnType.Name.INTEGER), false), null)))
                .isEqualTo(SqlState.NOT_NULL_VIOLATION);
        assertThat(Assignment.toStorage(column(ColumnType.of(ColumnType.Name.INTEGER), true), null)).isNull();
    }

    @Test
    void integersOutsideTheDeclaredWidthAreRefused() {
        ColumnDescriptor smallint = column(ColumnType.of(ColumnType.Name.SMALLINT), true);
        ColumnDescriptor integer = column(ColumnType.of(ColumnType.Name.INTEGER), true);
        assertThat(Assignment.toStorage(smallint, 32767L)).isEqualTo(32767L);
        assertThat(stateOf(() -> Assignment.toStorage(smallint, 32768L))).isEqualTo(SqlState.NUMERIC_VALUE_OUT_OF_RANGE);
        assertThat(stateOf(() -> Assignment.toStorage(integer, 2147483648L))).isEqualTo(SqlState.NUMERIC_VALUE_OUT_OF_RANGE);
        assertThat(Assignment.toStorage(integer, new BigDecimal("2.5"))).isEqualTo(3L);
    }

    @Test
    void decimalsRoundHalfUpToScaleAndOverflowOnIntegerDigits() {
        ColumnDescriptor money = column(new ColumnType(ColumnType.Name.DECIMAL, 5, 2), true);
        assertThat(Assignment.toStorage(money, new BigDecimal("1.005"))).isEqualTo(new BigDecimal("1.01"));
        assertThat(Assignment.toStorage(money, new BigDecimal("-1.005"))).isEqualTo(new BigDecimal("-1.01"));
        assertThat(Assignment.toStorage(money, new BigDecimal("999.994"))).isEqualTo(new BigDecimal("999.99"));
        assertThat(stateOf(() -> Assignment.toStorage(money, new BigDecimal("999.995"))))
                .isEqualTo(SqlState.NUMERIC_VALUE_OUT_OF_RANGE);
        ColumnDescriptor fraction = column(new ColumnType(ColumnType.Name.DECIMAL, 4, 4), true);
        assertThat(Assignment.toStorage(fraction, new BigDecimal("0.1234"))).isEqualTo(new BigDecimal("0.1234"));
        assertThat(stateOf(() -> Assignment.toStorage(fraction, BigDecimal.ONE))).isEqualTo(SqlState.NUMERIC_VALUE_OUT_OF_RANGE);
    }

    @Test
    void stringsLongerThanDeclaredAreRefusedUnlessOnlySpacesAreCut() {
        ColumnDescriptor varchar = column(new ColumnType(ColumnType.Name.VARCHAR, 3, 0), true);
        assertThat(Assignment.toStorage(varchar, "abc")).isEqualTo("abc");
        assertThat(Assignment.toStorage(varchar, "abc   ")).isEqualTo("abc");
        assertThat(stateOf(() -> Assignment.toStorage(varchar, "abcd"))).isEqualTo(SqlState.STRING_DATA_RIGHT_TRUNCATION);
        assertThat(Assignment.toStorage(varchar, "\uD83D\uDE00ab")).isEqualTo("\uD83D\uDE00ab");
    }

    @Test
    void charIsPaddedToItsLength() {
        ColumnDescriptor fixed = column(new ColumnType(ColumnType.Name.CHAR, 4, 0), true);
        assertThat(Assignment.toStorage(fixed, "ab")).isEqualTo("ab  ");
        assertThat(stateOf(() -> Assignment.toStorage(fixed, "abcde"))).isEqualTo(SqlState.STRING_DATA_RIGHT_TRUNCATION);
    }

    @Test
    void datesComeFromCalcitesDayNumbers() {
        ColumnDescriptor date = column(ColumnType.of(ColumnType.Name.DATE), true);
        assertThat(Assignment.toStorage(date, 0)).isEqualTo(LocalDate.of(1970, 1, 1));
        assertThat(Assignment.toStorage(date, -1)).isEqualTo(LocalDate.of(1969, 12, 31));
    }

    @Test
    void clientParametersConvertWithRangeChecks() {
        assertThat(InternalValues.fromClient(org.apache.calcite.sql.type.SqlTypeName.INTEGER, 5L)).isEqualTo(5);
        assertThatThrownBy(() -> InternalValues.fromClient(org.apache.calcite.sql.type.SqlTypeName.INTEGER, 1L << 40))
                .isInstanceOf(BasaltException.class)
                .extracting(e -> ((BasaltException) e).sqlState()).isEqualTo(SqlState.NUMERIC_VALUE_OUT_OF_RANGE);
        assertThatThrownBy(() -> InternalValues.fromClient(org.apache.calcite.sql.type.SqlTypeName.BIGINT, "12x"))
                .isInstanceOf(BasaltException.class)
                .extracting(e -> ((BasaltException) e).sqlState()).isEqualTo(SqlState.INVALID_TEXT_REPRESENTATION);
        assertThat(InternalValues.fromClient(org.apache.calcite.sql.type.SqlTypeName.DATE, LocalDate.of(1970, 1, 2)))
                .isEqualTo(1);
    }
}

package io.basalt.sql.type;

import static org.assertj.core.api.Assertions.assertThat;

import io.basalt.common.error.BasaltException;
import io.basalt.common.error.SqlState;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class TextInputTest {

    private static SqlState stateOf(Runnable action) {
        try {
            action.run();
        } catch (BasaltException e) {
            return e.sqlState();
        }
        throw new AssertionError("expected a BasaltException");
    }

    @Test
    void booleansAcceptPostgresSpellingsAndUniquePrefixes() {
        for (String yes : new String[] {"t", "tr", "TRUE", " true ", "y", "Yes", "on", "ON", "1"}) {
            assertThat(TextInput.toBoolean(yes)).as(yes).isTrue();
        }
        for (String no : new String[] {"f", "fal", "FALSE", "n", "no", "of", "off", "\tOff\n", "0"}) {
            assertThat(TextInput.toBoolean(no)).as(no).isFalse();
        }
        for (String bad : new String[] {"", "o", "maybe", "truee", "10", "yess", "2"}) {
            assertThat(stateOf(() -> TextInput.toBoolean(bad))).as(bad).isEqualTo(SqlState.INVALID_TEXT_REPRESENTATION);
        }
    }

    @Test
    void datesThatDoNotExistAreOutOfRangeAndOtherTextIsBadSyntax() {
        assertThat(TextInput.toDate("2024-02-29")).isEqualTo((int) LocalDate.of(2024, 2, 29).toEpochDay());
        assertThat(TextInput.toDate(" 2024-2-9 ")).isEqualTo((int) LocalDate.of(2024, 2, 9).toEpochDay());
        assertThat(TextInput.toDate("2024-02-29 13:14")).isEqualTo((int) LocalDate.of(2024, 2, 29).toEpochDay());
        assertThat(stateOf(() -> TextInput.toDate("2023-02-29"))).isEqualTo(SqlState.DATETIME_FIELD_OVERFLOW);
        assertThat(stateOf(() -> TextInput.toDate("2024-13-01"))).isEqualTo(SqlState.DATETIME_FIELD_OVERFLOW);
        assertThat(stateOf(() -> TextInput.toDate("0000-01-01"))).isEqualTo(SqlState.DATETIME_FIELD_OVERFLOW);
        assertThat(stateOf(() -> TextInput.toDate("2024-02-29 25:00"))).isEqualTo(SqlState.DATETIME_FIELD_OVERFLOW);
        assertThat(stateOf(() -> TextInput.toDate("garbage"))).isEqualTo(SqlState.INVALID_DATETIME_FORMAT);
        assertThat(stateOf(() -> TextInput.toDate("2024/02/29"))).isEqualTo(SqlState.INVALID_DATETIME_FORMAT);
    }

    @Test
    void timesHaveOptionalSecondsAndRoundTheirFractionToMilliseconds() {
        assertThat(TextInput.toTime("10:15")).isEqualTo(36_900_000);
        assertThat(TextInput.toTime("00:00:00.0004")).isZero();
        assertThat(TextInput.toTime("00:00:00.0005")).isEqualTo(1);
        assertThat(TextInput.toTime("23:59:59.999")).isEqualTo(86_399_999);
        assertThat(stateOf(() -> TextInput.toTime("23:59:59.9996"))).isEqualTo(SqlState.DATETIME_FIELD_OVERFLOW);
        assertThat(stateOf(() -> TextInput.toTime("24:00:00"))).isEqualTo(SqlState.DATETIME_FIELD_OVERFLOW);
        assertThat(stateOf(() -> TextInput.toTime("12:60"))).isEqualTo(SqlState.DATETIME_FIELD_OVERFLOW);
        assertThat(stateOf(() -> TextInput.toTime("noon"))).isEqualTo(SqlState.INVALID_DATETIME_FORMAT);
    }

    @Test
    void timestampsTakeABlankOrTAndCarryRoundingIntoTheNextDay() {
        long leapDayNoon = LocalDateTime.of(2024, 2, 29, 12, 0).toInstant(ZoneOffset.UTC).toEpochMilli();
        assertThat(TextInput.toTimestamp("2024-02-29 12:00")).isEqualTo(leapDayNoon);
        assertThat(TextInput.toTimestamp("2024-02-29T12:00:00.000")).isEqualTo(leapDayNoon);
        assertThat(TextInput.toTimestamp("2024-02-29")).isEqualTo(leapDayNoon - 12 * 3_600_000);
        assertThat(TextInput.toTimestamp("2024-02-29 23:59:59.9999"))
                .isEqualTo(LocalDateTime.of(2024, 3, 1, 0, 0).toInstant(ZoneOffset.UTC).toEpochMilli());
        assertThat(TextInput.toTimestamp("2024-02-29 24:00:00"))
                .isEqualTo(LocalDateTime.of(2024, 3, 1, 0, 0).toInstant(ZoneOffset.UTC).toEpochMilli());
        assertThat(stateOf(() -> TextInput.toTimestamp("2024-02-29 12:00 PM"))).isEqualTo(SqlState.INVALID_DATETIME_FORMAT);
    }

    @Test
    void timestampsRoundHalfAwayFromPostgresEpoch() {
        // PostgreSQL counts a timestamp from 2000-01-01 and rounds its value half away from zero.
        assertThat(TextInput.toTimestamp("2000-01-01 00:00:00.0005"))
                .isEqualTo(LocalDateTime.of(2000, 1, 1, 0, 0, 0, 1_000_000).toInstant(ZoneOffset.UTC).toEpochMilli());
        assertThat(TextInput.toTimestamp("1999-12-31 23:59:59.9995"))
                .isEqualTo(LocalDateTime.of(1999, 12, 31, 23, 59, 59, 999_000_000).toInstant(ZoneOffset.UTC).toEpochMilli());
        assertThat(TextInput.toTimestamp("1969-12-31 23:59:59.9996"))
                .isEqualTo(LocalDateTime.of(1970, 1, 1, 0, 0).toInstant(ZoneOffset.UTC).toEpochMilli());
    }
}

package io.basalt.sql.fun;

import io.basalt.common.error.BasaltException;
import io.basalt.common.error.SqlState;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneOffset;
import org.apache.calcite.linq4j.function.Strict;

/**
 * Run-time implementations where PostgreSQL's behaviour differs from Calcite's built-in one and
 * clients notice. Called from generated code (see {@link PostgresSemantics}); public and static
 * for that reason.
 */
public final class BasaltFunctions {
    private static final long POSTGRES_EPOCH_MILLIS = 946_684_800_000L;

    private BasaltFunctions() {
    }

    /**
     * A CHECK constraint on one row: FALSE fails the statement (23514); TRUE and NULL pass, as
     * the standard says. Returns true so that it can stand as a filter condition.
     */
    public static boolean check(Boolean condition, String constraint, String table) {
        if (Boolean.FALSE.equals(condition)) {
            throw new BasaltException(SqlState.CHECK_VIOLATION, "new row for relation \"" + table
                    + "\" violates check constraint \"" + constraint + "\"");
        }
        return true;
    }

    /** CHAR_LENGTH counts characters (code points), as the length limit of VARCHAR(n) does; Calcite counts UTF-16 units. */
    @Strict
    public static int charLength(String text) {
        return text.codePointCount(0, text.length());
    }

    /** TIMESTAMP as text with its milliseconds, trailing zeros dropped: {@code 2024-02-29 13:14:15.678}. */
    public static String timestampText(long epochMillis) {
        LocalDateTime time = LocalDateTime.ofEpochSecond(Math.floorDiv(epochMillis, 1000),
                (int) Math.floorMod(epochMillis, 1000) * 1_000_000, ZoneOffset.UTC);
        return time.toLocalDate() + " " + timeOfDay(time.toLocalTime());
    }

    /** TIME as text with its milliseconds, trailing zeros dropped: {@code 23:59:58.125}. */
    public static String timeText(int millisOfDay) {
        return timeOfDay(LocalTime.ofNanoOfDay(Math.floorMod(millisOfDay, 86_400_000) * 1_000_000L));
    }

    /**
     * A TIME cast to fewer fractional digits, rounded half up as PostgreSQL does (Calcite
     * truncates). A time that rounds to 24:00:00 is refused: PostgreSQL's TIME has it, Basalt's not.
     */
    @Strict
    public static int roundTime(int millisOfDay, int precision) {
        long rounded = roundMillis(millisOfDay, precision);
        if (rounded >= 86_400_000L) {
            throw new BasaltException(SqlState.DATETIME_FIELD_OVERFLOW, "time " + timeText(millisOfDay)
                    + " rounds to 24:00:00, which Basalt's TIME cannot hold (it ends at 23:59:59.999)");
        }
        return (int) rounded;
    }

    /**
     * A TIMESTAMP cast to fewer fractional digits, rounded as PostgreSQL rounds it: half away from
     * zero in its value, which counts from 2000-01-01 (so half a second before 2000 rounds down).
     */
    @Strict
    public static long roundTimestamp(long epochMillis, int precision) {
        return roundMillis(epochMillis - POSTGRES_EPOCH_MILLIS, precision) + POSTGRES_EPOCH_MILLIS;
    }

    /** {@code millis} rounded to {@code precision} fractional digits of a second, half away from zero. */
    private static long roundMillis(long millis, int precision) {
        long unit = precision <= 0 ? 1000 : precision == 1 ? 100 : precision == 2 ? 10 : 1;
        return millis >= 0 ? (millis + unit / 2) / unit * unit : -((-millis + unit / 2) / unit * unit);
    }

    private static String timeOfDay(LocalTime time) {
        StringBuilder text = new StringBuilder(12);
        append2(text, time.getHour()).append(':');
        append2(text, time.getMinute()).append(':');
        append2(text, time.getSecond());
        int millis = time.getNano() / 1_000_000;
        if (millis != 0) {
            String fraction = String.format("%03d", millis);
            int end = fraction.length();
            while (fraction.charAt(end - 1) == '0') {
                end--;
            }
            text.append('.').append(fraction, 0, end);
        }
        return text.toString();
    }

    private static StringBuilder append2(StringBuilder text, int value) {
        if (value < 10) {
            text.append('0');
        }
        return text.append(value);
    }
}

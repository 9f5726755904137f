package io.basalt.sql.fun;

import io.basalt.common.error.BasaltException;
import io.basalt.common.error.SqlState;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.Locale;
import org.apache.calcite.linq4j.function.Strict;

/**
 * PostgreSQL's date and time functions and operators that Calcite lacks: {@code MAKE_DATE},
 * {@code DATE_TRUNC}, DATE + and - a number of days, DATE - DATE. Values are Calcite's internal
 * ones: a DATE is days since 1970-01-01, a TIMESTAMP milliseconds since 1970-01-01 00:00 (no zone).
 * Called from generated code ({@link PostgresFunctionTable}, {@link DateArithmetic}).
 */
public final class DateTimeFunctions {
    /** PostgreSQL's DATE range: 4714-11-24 BC (year -4713) to 5874897-12-31. */
    private static final long FIRST_DAY = LocalDate.of(-4713, 11, 24).toEpochDay();
    private static final long LAST_DAY = LocalDate.of(5874897, 12, 31).toEpochDay();

    private DateTimeFunctions() {
    }

    /** {@code MAKE_DATE(year, month, day)}: a negative year counts back from 1 BC, as in PostgreSQL; 22008 for a date that does not exist. */
    @Strict
    public static int makeDate(int year, int month, int day) {
        try {
            if (year == 0) {
                throw new DateTimeException("year 0");
            }
            return checkedDate(LocalDate.of(year < 0 ? year + 1 : year, month, day).toEpochDay());
        } catch (DateTimeException e) {
            throw new BasaltException(SqlState.DATETIME_FIELD_OVERFLOW,
                    "date field value out of range: " + year + "-" + pad2(month) + "-" + pad2(day));
        }
    }

    /** {@code date + days} and {@code date - days}: PostgreSQL's DATE range is checked (22008). */
    @Strict
    public static int plusDays(int date, int days) {
        return checkedDate((long) date + days);
    }

    @Strict
    public static int minusDays(int date, int days) {
        return checkedDate((long) date - days);
    }

    /** {@code date - date}: the number of days between them, an INTEGER. */
    @Strict
    public static int daysBetween(int date, int other) {
        return date - other;
    }

    /**
     * {@code DATE_TRUNC(unit, timestamp)}: the timestamp cut down to the start of its unit
     * (microseconds to millennium; a week starts on Monday). An unknown unit is 22023.
     */
    @Strict
    public static long dateTrunc(String unit, long timestamp) {
        LocalDateTime time = LocalDateTime.ofEpochSecond(Math.floorDiv(timestamp, 1000),
                (int) Math.floorMod(timestamp, 1000) * 1_000_000, ZoneOffset.UTC);
        LocalDateTime truncated = switch (unit.toLowerCase(Locale.ROOT)) {
            case "microseconds", "milliseconds" -> time;
            case "second" -> time.truncatedTo(ChronoUnit.SECONDS);
            case "minute" -> time.truncatedTo(ChronoUnit.MINUTES);
            case "hour" -> time.truncatedTo(ChronoUnit.HOURS);
            case "day" -> time.truncatedTo(ChronoUnit.DAYS);
            case "week" -> time.truncatedTo(ChronoUnit.DAYS).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
            case "month" -> time.truncatedTo(ChronoUnit.DAYS).withDayOfMonth(1);
            case "quarter" -> time.truncatedTo(ChronoUnit.DAYS).withDayOfMonth(1)
                    .withMonth((time.getMonthValue() - 1) / 3 * 3 + 1);
            case "year" -> time.truncatedTo(ChronoUnit.DAYS).withDayOfYear(1);
            case "decade" -> startOfYear(time, Math.floorDiv(time.getYear(), 10) * 10);
            case "century" -> startOfYear(time, firstYearOf(time.getYear(), 100));
            case "millennium" -> startOfYear(time, firstYearOf(time.getYear(), 1000));
            default -> throw new BasaltException(SqlState.INVALID_PARAMETER_VALUE,
                    "unit \"" + unit + "\" not recognized for type timestamp without time zone");
        };
        return truncated.toInstant(ZoneOffset.UTC).toEpochMilli();
    }

    /** Centuries and millennia start with year 1 (2001 starts the 21st century); before year 1 Basalt does not go this far. */
    private static int firstYearOf(int year, int length) {
        return Math.floorDiv(year - 1, length) * length + 1;
    }

    private static LocalDateTime startOfYear(LocalDateTime time, int year) {
        return time.truncatedTo(ChronoUnit.DAYS).withDayOfYear(1).withYear(year);
    }

    private static int checkedDate(long day) {
        if (day < FIRST_DAY || day > LAST_DAY) {
            throw new BasaltException(SqlState.DATETIME_FIELD_OVERFLOW, "date out of range");
        }
        return (int) day;
    }

    private static String pad2(int value) {
        return value >= 0 && value < 10 ? "0" + value : Integer.toString(value);
    }
}

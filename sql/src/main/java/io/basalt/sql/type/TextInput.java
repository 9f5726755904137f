package io.basalt.sql.type;

import io.basalt.common.error.BasaltException;
import io.basalt.common.error.SqlState;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * PostgreSQL's input rules for text that becomes a BOOLEAN, DATE, TIME or TIMESTAMP, shared by
 * {@code CAST(text AS ...)} (through {@code io.basalt.sql.fun}) and by parameters sent as text
 * ({@link InternalValues#fromClient}), so that both accept and refuse the same strings.
 *
 * <p>Values come out in Calcite's internal representation: DATE as days since 1970-01-01, TIME as
 * milliseconds of the day, TIMESTAMP as milliseconds since 1970-01-01T00:00 (no time zone).
 * Text that does not have the form of the type is 22007 (22P02 for BOOLEAN); text that has the
 * form but names a day, hour, minute or second that does not exist ({@code 2024-02-30},
 * {@code 25:00}) is 22008, as in PostgreSQL. Only the ISO forms are accepted
 * ({@code 2024-02-29}, {@code 13:14[:15[.678]]}, a date and a time separated by a space or
 * {@code T}); PostgreSQL also reads many others ({@code Feb 29 2024}, time zones), which Basalt
 * refuses with 22007.
 *
 * <p>Basalt's TIME and TIMESTAMP keep milliseconds (see {@link BasaltTypeSystem}), so a longer
 * fraction is rounded to milliseconds, as PostgreSQL rounds to its precision. PostgreSQL's TIME allows 24:00:00; Basalt's
 * cannot hold it, so text that is or rounds to 24:00:00 is refused (22008) rather than wrapped
 * around to midnight.
 */
public final class TextInput {
    private static final Pattern DATE = Pattern.compile("(\\d{1,9})-(\\d{1,2})-(\\d{1,2})(?:[ T](.*))?");
    private static final Pattern TIME = Pattern.compile("(\\d{1,2}):(\\d{1,2})(?::(\\d{1,2})(?:\\.(\\d*))?)?");
    private static final long MILLIS_PER_DAY = 86_400_000L;
    /** 2000-01-01, from which PostgreSQL counts a timestamp's value. */
    private static final long POSTGRES_EPOCH_DAYS = 10_957;

    private TextInput() {
    }

    /** {@code t, true, y, yes, on, 1} and {@code f, false, n, no, off, 0}, any case, any unique prefix, blanks around. */
    public static boolean toBoolean(String text) {
        String value = text.strip().toLowerCase(Locale.ROOT);
        if (!value.isEmpty()) {
            switch (value.charAt(0)) {
                case 't': if ("true".startsWith(value)) { return true; } break;
                case 'f': if ("false".startsWith(value)) { return false; } break;
                case 'y': if ("yes".startsWith(value)) { return true; } break;
                case 'n': if ("no".startsWith(value)) { return false; } break;
                case 'o':
                    // "o" alone could be on or off.
                    if (value.length() >= 2 && "on".startsWith(value)) {
                        return true;
                    }
                    if (value.length() >= 2 && "off".startsWith(value)) {
                        return false;
                    }
                    break;
                case '1': if (value.length() == 1) { return true; } break;
                case '0': if (value.length() == 1) { return false; } break;
                default: break;
            }
        }
        throw new BasaltException(SqlState.INVALID_TEXT_REPRESENTATION,
                "invalid input syntax for type boolean: \"" + text + "\"");
    }

    /** Days since 1970-01-01. A time after the date is checked and ignored, as PostgreSQL does. */
    public static int toDate(String text) {
        Matcher date = DATE.matcher(text.strip());
        if (!date.matches()) {
            throw badSyntax("date", text);
        }
        if (date.group(4) != null) {
            secondsOfDay(date.group(4).strip(), text, "date");
        }
        return (int) day(date, text).toEpochDay();
    }

    /** Milliseconds of the day. */
    public static int toTime(String text) {
        long millis = secondsOfDay(text.strip(), text, "time").setScale(3, RoundingMode.HALF_UP)
                .movePointRight(3).longValueExact();
        if (millis >= MILLIS_PER_DAY) {
            throw new BasaltException(SqlState.DATETIME_FIELD_OVERFLOW, "time \"" + text
                    + "\" is out of range: Basalt's TIME ends at 23:59:59.999 (PostgreSQL's allows 24:00:00)");
        }
        return (int) millis;
    }

    /**
     * Milliseconds since 1970-01-01T00:00; a date alone is its midnight. The fraction is rounded
     * as PostgreSQL rounds a timestamp, half away from zero in a value that counts from 2000-01-01.
     */
    public static long toTimestamp(String text) {
        Matcher date = DATE.matcher(text.strip());
        if (!date.matches()) {
            throw badSyntax("timestamp", text);
        }
        BigDecimal seconds = date.group(4) == null ? BigDecimal.ZERO : secondsOfDay(date.group(4).strip(), text, "timestamp");
        long days = day(date, text).toEpochDay() - POSTGRES_EPOCH_DAYS;
        BigDecimal sincePostgresEpoch = BigDecimal.valueOf(days * 86_400).add(seconds).setScale(3, RoundingMode.HALF_UP);
        return sincePostgresEpoch.movePointRight(3).longValueExact() + POSTGRES_EPOCH_DAYS * MILLIS_PER_DAY;
    }

    private static LocalDate day(Matcher date, String text) {
        int year = Integer.parseInt(date.group(1));
        // Calcite's date arithmetic and text forms are for years 1 to 9999.
        if (year < 1 || year > 9999) {
            throw outOfRange(text);
        }
        try {
            return LocalDate.of(year, Integer.parseInt(date.group(2)), Integer.parseInt(date.group(3)));
        } catch (DateTimeException e) {
            throw outOfRange(text);
        }
    }

    /** {@code HH:MM[:SS[.fraction]]} as exact seconds of the day; 24:00:00 is 86,400, for the caller to accept or refuse. */
    private static BigDecimal secondsOfDay(String time, String text, String type) {
        Matcher matcher = TIME.matcher(time);
        if (!matcher.matches()) {
            throw badSyntax(type, text);
        }
        int hour = Integer.parseInt(matcher.group(1));
        int minute = Integer.parseInt(matcher.group(2));
        int second = matcher.group(3) == null ? 0 : Integer.parseInt(matcher.group(3));
        String fraction = matcher.group(4) == null ? "" : matcher.group(4);
        BigDecimal fractionOfSecond = fraction.isEmpty() ? BigDecimal.ZERO : new BigDecimal("0." + fraction);
        boolean midnightAtEnd = hour == 24 && minute == 0 && second == 0 && fractionOfSecond.signum() == 0;
        if (hour > 23 && !midnightAtEnd || minute > 59 || second > 59) {
            throw outOfRange(text);
        }
        return BigDecimal.valueOf((hour * 60L + minute) * 60 + second).add(fractionOfSecond);
    }

    private static BasaltException badSyntax(String type, String text) {
        return new BasaltException(SqlState.INVALID_DATETIME_FORMAT,
                "invalid input syntax for type " + type + ": \"" + text + "\"");
    }

    private static BasaltException outOfRange(String text) {
        return new BasaltException(SqlState.DATETIME_FIELD_OVERFLOW,
                "date/time field value out of range: \"" + text + "\"");
    }
}

package io.basalt.jdbc.internal;

import static io.basalt.jdbc.internal.SqlAssertions.assertSqlState;
import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLDataException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Calendar;
import java.util.TimeZone;
import org.junit.jupiter.api.Test;

class ResultSetDateTimeConversionTest extends WithFakeConnection {
    private static final LocalDate DAY = LocalDate.of(2024, 2, 29);
    private static final LocalTime TIME = LocalTime.of(13, 45, 30, 123_000_000);
    private static final LocalDateTime INSTANT = LocalDateTime.of(2024, 2, 29, 13, 45, 30, 500_000_000);

    @Test
    void temporalColumnsReadAsTheirJavaSqlTypes() throws Exception {
        ResultSet rs = allTypesRow(false);
        assertThat(rs.getDate("DT")).isEqualTo(Date.valueOf(DAY));
        assertThat(rs.getTimestamp("TS")).isEqualTo(Timestamp.valueOf(INSTANT));
        assertThat(rs.getTime("TM").toLocalTime()).isEqualTo(LocalTime.of(13, 45, 30));
    }

    @Test
    void timeKeepsMilliseconds() throws Exception {
        long expected = LocalDate.EPOCH.atTime(TIME).atZone(ZoneId.systemDefault()).toInstant().toEpochMilli();
        assertThat(allTypesRow(false).getTime("TM").getTime()).isEqualTo(expected);
    }

    @Test
    void dateReadAsTimestampIsMidnight() throws Exception {
        assertThat(allTypesRow(false).getTimestamp("DT")).isEqualTo(Timestamp.valueOf(DAY.atStartOfDay()));
    }

    @Test
    void timestampReadAsDateOrTimeKeepsThatPart() throws Exception {
        ResultSet rs = allTypesRow(false);
        assertThat(rs.getDate("TS")).isEqualTo(Date.valueOf(DAY));
        assertThat(rs.getObject("TS", LocalTime.class)).isEqualTo(INSTANT.toLocalTime());
        assertThat(rs.getTime("TS").toLocalTime()).isEqualTo(LocalTime.of(13, 45, 30));
    }

    @Test
    void timeReadAsTimestampIsOnTheEpochDay() throws Exception {
        assertThat(allTypesRow(false).getObject("TM", LocalDateTime.class)).isEqualTo(LocalDate.EPOCH.atTime(TIME));
    }

    @Test
    void calendarVariantsPlaceTheValueInTheCalendarsZone() throws Exception {
        ResultSet rs = allTypesRow(false);
        Calendar tokyo = Calendar.getInstance(TimeZone.getTimeZone("Asia/Tokyo"));
        assertThat(rs.getTimestamp("TS", tokyo).toInstant()).isEqualTo(INSTANT.atZone(ZoneId.of("Asia/Tokyo")).toInstant());
        assertThat(rs.getTimestamp("TS", tokyo).getNanos()).isEqualTo(500_000_000);
        assertThat(rs.getDate("DT", tokyo).getTime())
                .isEqualTo(DAY.atStartOfDay(ZoneId.of("Asia/Tokyo")).toInstant().toEpochMilli());
        Calendar utc = Calendar.getInstance(TimeZone.getTimeZone("UTC"));
        assertThat(rs.getTime("TM", utc).getTime())
                .isEqualTo(LocalDate.EPOCH.atTime(TIME).toInstant(ZoneOffset.UTC).toEpochMilli());
    }

    @Test
    void textReadsAsDatesAndTimes() throws Exception {
        assertThat(single("2024-01-31", Types.VARCHAR).getDate(1)).isEqualTo(Date.valueOf("2024-01-31"));
        assertThat(single("2024-01-31 10:00:00.25", Types.VARCHAR).getTimestamp(1))
                .isEqualTo(Timestamp.valueOf("2024-01-31 10:00:00.25"));
        assertThat(single("2024-01-31T10:00", Types.VARCHAR).getObject(1, LocalDateTime.class))
                .isEqualTo(LocalDateTime.of(2024, 1, 31, 10, 0));
        assertThat(single("2024-01-31", Types.VARCHAR).getTimestamp(1)).isEqualTo(Timestamp.valueOf("2024-01-31 00:00:00"));
        assertThat(single("10:15:30", Types.VARCHAR).getObject(1, LocalTime.class)).isEqualTo(LocalTime.of(10, 15, 30));
    }

    @Test
    void badDateTimeTextIs22007() throws Exception {
        assertSqlState(() -> single("2024-02-30", Types.VARCHAR).getDate(1), "22007").isInstanceOf(SQLDataException.class);
        assertSqlState(() -> single("noon", Types.VARCHAR).getTime(1), "22007");
        assertSqlState(() -> single("2024-01-31 25:00:00", Types.VARCHAR).getTimestamp(1), "22007");
    }

    @Test
    void numbersAreNotDates() throws Exception {
        ResultSet rs = allTypesRow(false);
        assertSqlState(() -> rs.getDate("I"), "22000").hasMessageContaining("INTEGER");
        assertSqlState(() -> rs.getTimestamp("B"), "22000");
        assertSqlState(() -> rs.getTime("DT"), "22000").hasMessageContaining("DATE");
    }

    @Test
    void nullTemporalValuesAreNull() throws Exception {
        ResultSet rs = allTypesRow(true);
        assertThat(rs.getDate("DT")).isNull();
        assertThat(rs.getTime("TM", Calendar.getInstance())).isNull();
        assertThat(rs.getTimestamp("TS")).isNull();
        assertThat(rs.wasNull()).isTrue();
    }
}

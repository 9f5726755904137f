package io.basalt.server.jdbc;

import static io.basalt.server.jdbc.TestDatabase.column;
import static io.basalt.server.jdbc.TestDatabase.execute;
import static io.basalt.server.jdbc.TestDatabase.update;
import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Time;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * DATE, TIME and TIMESTAMP written through {@code java.sql} and {@code java.time} parameters and
 * read back through every temporal getter: millisecond precision, dates before 1970, zones.
 */
class DateTimeRoundTripTest {
    private TestDatabase database;
    private Connection connection;

    @BeforeEach
    void createTable() throws SQLException {
        database = TestDatabase.inMemory();
        connection = database.connect();
        execute(connection, "CREATE TABLE temporal (id INTEGER PRIMARY KEY, dt DATE, ts TIMESTAMP, tm TIME)");
    }

    @AfterEach
    void closeDatabase() throws SQLException {
        database.close();
    }

    @Test
    void datesTimesAndTimestampsRoundTripThroughJavaSqlTypes() throws SQLException {
        Date date = Date.valueOf("2024-02-29");
        Timestamp timestamp = Timestamp.valueOf("2024-02-29 23:59:59.987");
        Time time = new Time(LocalDate.EPOCH.atTime(13, 14, 15, 456_000_000)
                .atZone(ZoneId.systemDefault()).toInstant().toEpochMilli());
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO temporal (id, dt, ts, tm) VALUES (?, ?, ?, ?)")) {
            insert.setInt(1, 1);
            insert.setDate(2, date);
            insert.setTimestamp(3, timestamp);
            insert.setTime(4, time);
            insert.executeUpdate();
        }

        try (ResultSet rs = query("SELECT dt, ts, tm FROM temporal")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getDate(1)).isEqualTo(date);
            assertThat(rs.getDate("DT")).isEqualTo(date);
            assertThat(rs.getString("dt")).isEqualTo("2024-02-29");
            assertThat(rs.getObject(1)).isEqualTo(date);
            assertThat(rs.getTimestamp(2)).isEqualTo(timestamp);
            assertThat(rs.getTimestamp("ts")).isEqualTo(timestamp);
            assertThat(rs.getString("TS")).isEqualTo("2024-02-29 23:59:59.987");
            assertThat(rs.getObject("ts")).isEqualTo(timestamp);
            assertThat(rs.getDate("ts")).isEqualTo(date);
            assertThat(rs.getTime(3).getTime()).as("TIME keeps milliseconds").isEqualTo(time.getTime());
            assertThat(rs.getTime("tm").getTime()).isEqualTo(time.getTime());
            assertThat(rs.getString("tm")).isEqualTo("13:14:15.456");
            assertThat(rs.getObject("tm", LocalTime.class)).isEqualTo(LocalTime.of(13, 14, 15, 456_000_000));
        }
    }

    @Test
    void timestampsBefore1970KeepTheirMilliseconds() throws SQLException {
        LocalDateTime[] values = {
                LocalDateTime.of(1969, 12, 31, 23, 59, 59, 999_000_000),
                LocalDateTime.of(1969, 7, 20, 20, 17, 40, 1_000_000),
                LocalDateTime.of(1900, 1, 1, 0, 0, 0, 500_000_000),
                LocalDateTime.of(1, 1, 1, 12, 0, 0, 123_000_000),
        };
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO temporal (id, ts, dt) VALUES (?, ?, ?)")) {
            for (int i = 0; i < values.length; i++) {
                insert.setInt(1, i + 1);
                insert.setTimestamp(2, Timestamp.valueOf(values[i]));
                insert.setObject(3, values[i].toLocalDate());
                insert.executeUpdate();
            }
        }

        try (ResultSet rs = query("SELECT ts, dt FROM temporal ORDER BY id")) {
            for (LocalDateTime expected : values) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getObject(1, LocalDateTime.class)).isEqualTo(expected);
                assertThat(rs.getTimestamp("ts").toLocalDateTime()).isEqualTo(expected);
                assertThat(rs.getObject("dt", LocalDate.class)).isEqualTo(expected.toLocalDate());
            }
            assertThat(rs.next()).isFalse();
        }
        assertThat(column(connection, "SELECT id FROM temporal WHERE ts < ? ORDER BY ts",
                Timestamp.valueOf("1969-12-31 23:59:59.999"))).containsExactly(4, 3, 2);
    }

    @Test
    void subMillisecondDigitsAreNotKept() throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO temporal (id, ts) VALUES (?, ?)")) {
            insert.setInt(1, 1);
            insert.setTimestamp(2, Timestamp.valueOf("2020-05-06 07:08:09.123456789"));
            insert.executeUpdate();
        }

        try (ResultSet rs = query("SELECT ts FROM temporal")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getObject(1, LocalDateTime.class)).isEqualTo(LocalDateTime.of(2020, 5, 6, 7, 8, 9, 123_000_000));
        }
    }

    @Test
    void javaTimeValuesRoundTripThroughSetObject() throws SQLException {
        LocalDate date = LocalDate.of(1999, 12, 31);
        LocalDateTime dateTime = LocalDateTime.of(2000, 1, 1, 0, 0, 0, 1_000_000);
        LocalTime time = LocalTime.of(0, 0, 0, 999_000_000);
        OffsetDateTime offset = OffsetDateTime.of(2021, 3, 4, 5, 6, 7, 8_000_000, ZoneOffset.ofHours(3));
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO temporal (id, dt, ts, tm) VALUES (?, ?, ?, ?)")) {
            insert.setObject(1, 1);
            insert.setObject(2, date);
            insert.setObject(3, dateTime);
            insert.setObject(4, time);
            insert.executeUpdate();
            insert.setObject(1, 2);
            insert.setObject(2, date, Types.DATE);
            insert.setObject(3, offset);
            insert.setObject(4, time, Types.TIME);
            insert.executeUpdate();
        }

        try (ResultSet rs = query("SELECT dt, ts, tm FROM temporal ORDER BY id")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getObject(1, LocalDate.class)).isEqualTo(date);
            assertThat(rs.getObject("ts", LocalDateTime.class)).isEqualTo(dateTime);
            assertThat(rs.getObject("TM", LocalTime.class)).isEqualTo(time);
            assertThat(rs.next()).isTrue();
            assertThat(rs.getObject("dt", LocalDate.class)).isEqualTo(date);
            // A zoned value becomes the wall-clock time in the JVM's zone, as in pgjdbc.
            assertThat(rs.getObject("ts", LocalDateTime.class))
                    .isEqualTo(offset.atZoneSameInstant(ZoneId.systemDefault()).toLocalDateTime());
            assertThat(rs.getObject(3, LocalTime.class)).isEqualTo(time);
        }
    }

    @Test
    void datesAndTimestampsCompareWithParameters() throws SQLException {
        update(connection, "INSERT INTO temporal (id, dt, ts) VALUES (1, DATE '2024-01-31', TIMESTAMP '2024-01-31 10:00:00'), "
                + "(2, DATE '2024-02-01', TIMESTAMP '2024-02-01 00:00:00.001'), (3, DATE '2024-02-29', NULL)");

        assertThat(column(connection, "SELECT id FROM temporal WHERE dt BETWEEN ? AND ? ORDER BY id",
                Date.valueOf("2024-02-01"), Date.valueOf("2024-03-01"))).containsExactly(2, 3);
        assertThat(column(connection, "SELECT id FROM temporal WHERE ts > ? ORDER BY id",
                LocalDateTime.of(2024, 2, 1, 0, 0))).containsExactly(2);
        assertThat(column(connection, "SELECT id FROM temporal WHERE dt = ?", LocalDate.of(2024, 2, 29))).containsExactly(3);
    }

    @Test
    void castOfATimestampToTextKeepsItsMilliseconds() throws SQLException {
        // PostgreSQL: CAST(TIMESTAMP '2024-02-29 13:14:15.678' AS VARCHAR) = '2024-02-29 13:14:15.678'.
        update(connection, "INSERT INTO temporal (id, ts, tm) VALUES (1, TIMESTAMP '2024-02-29 13:14:15.678', TIME '23:59:58.125')");

        assertThat(column(connection, "SELECT CAST(ts AS VARCHAR(30)) FROM temporal")).containsExactly("2024-02-29 13:14:15.678");
        assertThat(column(connection, "SELECT CAST(tm AS VARCHAR(20)) FROM temporal")).containsExactly("23:59:58.125");
    }

    /** A result set the test closes; its statement is closed with it (closeOnCompletion). */
    private ResultSet query(String sql) throws SQLException {
        PreparedStatement statement = connection.prepareStatement(sql);
        statement.closeOnCompletion();
        return statement.executeQuery();
    }
}

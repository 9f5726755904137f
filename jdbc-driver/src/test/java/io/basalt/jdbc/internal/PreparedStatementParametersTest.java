package io.basalt.jdbc.internal;

import static io.basalt.jdbc.internal.SqlAssertions.assertSqlState;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.sql.Date;
import java.sql.JDBCType;
import java.sql.PreparedStatement;
import java.sql.SQLDataException;
import java.sql.Time;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Calendar;
import java.util.TimeZone;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class PreparedStatementParametersTest extends WithFakeConnection {
    private static final String ONE = "INSERT INTO T VALUES (?)";
    private static final String TWO = "INSERT INTO T VALUES (?, ?)";
    private static final String MANY = "INSERT INTO T VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

    @BeforeEach
    void canUpdates() {
        session.count(ONE, 1).count(TWO, 1).count(MANY, 1);
    }

    /** The one value the engine received for {@code ONE} after {@code setter} ran. */
    private Object sent(ParameterSetter setter) throws Exception {
        try (PreparedStatement statement = connection.prepareStatement(ONE)) {
            setter.set(statement);
            statement.executeUpdate();
        }
        return session.lastParameters.get(0);
    }

    interface ParameterSetter {
        void set(PreparedStatement statement) throws Exception;
    }

    @Test
    void typedSettersSendTheSpiTypes() throws Exception {
        try (PreparedStatement statement = connection.prepareStatement(MANY)) {
            statement.setBoolean(1, true);
            statement.setByte(2, (byte) 7);
            statement.setShort(3, (short) 8);
            statement.setInt(4, 9);
            statement.setLong(5, 10L);
            statement.setFloat(6, 1.5f);
            statement.setDouble(7, 2.5);
            statement.setBigDecimal(8, new BigDecimal("3.50"));
            statement.setString(9, "text");
            statement.setBytes(10, new byte[] {1, 2});
            statement.setDate(11, Date.valueOf("2024-02-29"));
            statement.setTime(12, Time.valueOf("13:45:30"));
            statement.setTimestamp(13, Timestamp.valueOf("2024-02-29 13:45:30.123456789"));
            statement.setNull(14, Types.INTEGER);
            assertThat(statement.executeUpdate()).isEqualTo(1);
        }
        assertThat(session.lastParameters).containsExactly(true, (short) 7, (short) 8, 9, 10L, 1.5f, 2.5,
                new BigDecimal("3.50"), "text", new byte[] {1, 2}, LocalDate.of(2024, 2, 29), LocalTime.of(13, 45, 30),
                LocalDateTime.of(2024, 2, 29, 13, 45, 30, 123_456_789), null);
        assertThat(session.lastParameters.get(1)).isInstanceOf(Short.class);
    }

    @Test
    void timeParametersKeepMilliseconds() throws Exception {
        Time time = new Time(LocalDate.EPOCH.atTime(10, 0, 0, 250_000_000)
                .atZone(ZoneId.systemDefault()).toInstant().toEpochMilli());
        assertThat(sent(s -> s.setTime(1, time))).isEqualTo(LocalTime.of(10, 0, 0, 250_000_000));
    }

    @Test
    void calendarSettersReadTheInstantInTheCalendarsZone() throws Exception {
        Calendar utc = Calendar.getInstance(TimeZone.getTimeZone("UTC"));
        Instant instant = Instant.parse("2024-03-01T23:30:00.5Z");
        Timestamp timestamp = Timestamp.from(instant);
        assertThat(sent(s -> s.setTimestamp(1, timestamp, utc))).isEqualTo(LocalDateTime.of(2024, 3, 1, 23, 30, 0, 500_000_000));
        assertThat(sent(s -> s.setDate(1, new Date(instant.toEpochMilli()), utc))).isEqualTo(LocalDate.of(2024, 3, 1));
        assertThat(sent(s -> s.setTime(1, new Time(instant.toEpochMilli()), utc))).isEqualTo(LocalTime.of(23, 30, 0, 500_000_000));
        Calendar tokyo = Calendar.getInstance(TimeZone.getTimeZone("Asia/Tokyo"));
        assertThat(sent(s -> s.setDate(1, new Date(instant.toEpochMilli()), tokyo))).isEqualTo(LocalDate.of(2024, 3, 2));
    }

    @Test
    void setObjectPassesSpiValuesUnchanged() throws Exception {
        for (Object value : new Object[] {true, (short) 1, 2, 3L, new BigDecimal("4.5"), 5.5f, 6.5, "seven",
                LocalDate.of(2024, 1, 1), LocalTime.NOON, LocalDateTime.of(2024, 1, 1, 12, 0)}) {
            assertThat(sent(s -> s.setObject(1, value))).isEqualTo(value);
        }
        assertThat(sent(s -> s.setObject(1, null))).isNull();
    }

    @Test
    void setObjectConvertsOtherJavaClassesToSpiTypes() throws Exception {
        assertThat(sent(s -> s.setObject(1, (byte) 3))).isEqualTo((short) 3);
        assertThat(sent(s -> s.setObject(1, 'c'))).isEqualTo("c");
        assertThat(sent(s -> s.setObject(1, BigInteger.TEN))).isEqualTo(BigDecimal.TEN);
        assertThat(sent(s -> s.setObject(1, Date.valueOf("2024-01-02")))).isEqualTo(LocalDate.of(2024, 1, 2));
        assertThat(sent(s -> s.setObject(1, Time.valueOf("01:02:03")))).isEqualTo(LocalTime.of(1, 2, 3));
        assertThat(sent(s -> s.setObject(1, Timestamp.valueOf("2024-01-02 01:02:03"))))
                .isEqualTo(LocalDateTime.of(2024, 1, 2, 1, 2, 3));
        Instant instant = Instant.parse("2024-01-02T03:04:05Z");
        LocalDateTime local = LocalDateTime.ofInstant(instant, ZoneId.systemDefault());
        assertThat(sent(s -> s.setObject(1, java.util.Date.from(instant)))).isEqualTo(local);
        assertThat(sent(s -> s.setObject(1, OffsetDateTime.ofInstant(instant, ZoneOffset.ofHours(5))))).isEqualTo(local);
        assertThat(sent(s -> s.setObject(1, instant))).isEqualTo(local);
    }

    @Test
    void setObjectWithAnUnknownClassIs22023() {
        assertSqlState(() -> sent(s -> s.setObject(1, UUID.randomUUID())), "22023")
                .hasMessageContaining("java.util.UUID");
    }

    @Test
    void setObjectWithTargetTypeConvertsToThatType() throws Exception {
        assertThat(sent(s -> s.setObject(1, "42", Types.INTEGER))).isEqualTo(42);
        assertThat(sent(s -> s.setObject(1, 42, Types.VARCHAR))).isEqualTo("42");
        assertThat(sent(s -> s.setObject(1, 7, Types.BIGINT))).isEqualTo(7L);
        assertThat(sent(s -> s.setObject(1, 7, Types.TINYINT))).isEqualTo((short) 7);
        assertThat(sent(s -> s.setObject(1, "t", Types.BOOLEAN))).isEqualTo(true);
        assertThat(sent(s -> s.setObject(1, 1.239, Types.DECIMAL, 2))).isEqualTo(new BigDecimal("1.24"));
        assertThat(sent(s -> s.setObject(1, "2024-01-02", Types.DATE))).isEqualTo(LocalDate.of(2024, 1, 2));
        assertThat(sent(s -> s.setObject(1, Timestamp.valueOf("2024-01-02 03:04:05"), Types.DATE)))
                .isEqualTo(LocalDate.of(2024, 1, 2));
        assertThat(sent(s -> s.setObject(1, 3, JDBCType.DOUBLE))).isEqualTo(3.0);
        assertThat(sent(s -> s.setObject(1, null, Types.INTEGER))).isNull();
    }

    @Test
    void setObjectWithTargetTypeReportsConversionErrors() {
        assertSqlState(() -> sent(s -> s.setObject(1, "forty", Types.INTEGER)), "22P02").isInstanceOf(SQLDataException.class);
        assertSqlState(() -> sent(s -> s.setObject(1, 300, Types.TINYINT)), "22003");
        assertSqlState(() -> sent(s -> s.setObject(1, LocalDate.of(2024, 1, 1), Types.INTEGER)), "22000");
        assertSqlState(() -> sent(s -> s.setObject(1, "x", Types.ARRAY)), "0A000");
    }

    @Test
    void streamsAreReadIntoValues() throws Exception {
        assertThat(sent(s -> s.setCharacterStream(1, new StringReader("streamed")))).isEqualTo("streamed");
        assertThat(sent(s -> s.setCharacterStream(1, new StringReader("streamed"), 6))).isEqualTo("stream");
        assertThat(sent(s -> s.setBinaryStream(1, new ByteArrayInputStream(new byte[] {4, 5})))).isEqualTo(new byte[] {4, 5});
        assertThat(sent(s -> s.setAsciiStream(1, new ByteArrayInputStream("abc".getBytes()), 2))).isEqualTo("ab");
    }

    @Test
    void valuesAreCopiedWhenSet() throws Exception {
        byte[] bytes = {1, 2, 3};
        try (PreparedStatement statement = connection.prepareStatement(ONE)) {
            statement.setBytes(1, bytes);
            bytes[0] = 9;
            statement.executeUpdate();
        }
        assertThat((byte[]) session.lastParameters.get(0)).containsExactly(1, 2, 3);
    }

    @Test
    void executingWithAnUnsetParameterIs22023() throws Exception {
        try (PreparedStatement statement = connection.prepareStatement(TWO)) {
            statement.setInt(1, 1);
            assertSqlState(statement::executeUpdate, "22023").hasMessage("No value specified for parameter 2.");
            assertThat(session.calls).doesNotContain("execute prepared " + TWO);
        }
    }

    @Test
    void parameterIndexOutOfRangeIs22023() throws Exception {
        try (PreparedStatement statement = connection.prepareStatement(TWO)) {
            assertSqlState(() -> statement.setInt(0, 1), "22023");
            assertSqlState(() -> statement.setString(3, "x"), "22023").hasMessageContaining("3");
        }
    }

    @Test
    void clearParametersForgetsEveryValue() throws Exception {
        try (PreparedStatement statement = connection.prepareStatement(ONE)) {
            statement.setInt(1, 1);
            statement.clearParameters();
            assertSqlState(statement::execute, "22023");
        }
    }

    @Test
    void parametersStayBoundAcrossExecutions() throws Exception {
        try (PreparedStatement statement = connection.prepareStatement(ONE)) {
            statement.setInt(1, 5);
            statement.executeUpdate();
            statement.executeUpdate();
        }
        assertThat(session.calls).containsExactly("prepare " + ONE, "execute prepared " + ONE, "execute prepared " + ONE);
        assertThat(session.lastParameters).containsExactly(5);
    }

    @Test
    void lobAndOtherUnsupportedParameterKindsAre0A000() throws Exception {
        try (PreparedStatement statement = connection.prepareStatement(ONE)) {
            assertSqlState(() -> statement.setBlob(1, new ByteArrayInputStream(new byte[0])), "0A000");
            assertSqlState(() -> statement.setClob(1, new StringReader("")), "0A000");
            assertSqlState(() -> statement.setArray(1, null), "0A000");
        }
    }
}

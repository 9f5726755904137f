package io.basalt.jdbc.internal;

import static io.basalt.jdbc.internal.SqlAssertions.assertSqlState;
import static org.assertj.core.api.Assertions.assertThat;

import io.basalt.common.error.BasaltException;
import io.basalt.common.error.SqlState;
import java.sql.ResultSet;
import java.sql.SQLDataException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.SQLSyntaxErrorException;
import java.sql.Statement;
import java.sql.Types;
import java.util.List;
import org.junit.jupiter.api.Test;

class ResultSetCursorTest extends WithFakeConnection {
    private static final String THREE_ROWS = "SELECT N FROM THREE";

    private ResultSet threeRows() throws Exception {
        session.rows(THREE_ROWS, List.of(FakeSession.column("N", Types.INTEGER)),
                new Object[] {1}, new Object[] {2}, new Object[] {3});
        return connection.createStatement().executeQuery(THREE_ROWS);
    }

    @Test
    void nextWalksTheRowsThenClosesTheEnginesCursor() throws Exception {
        ResultSet rs = threeRows();
        int sum = 0;
        while (rs.next()) {
            sum += rs.getInt(1);
        }
        assertThat(sum).isEqualTo(6);
        assertThat(session.lastCursor().closed).isTrue();
        assertThat(rs.isClosed()).isFalse();
        assertThat(rs.next()).isFalse();
    }

    @Test
    void gettersOffARowAre24000() throws Exception {
        ResultSet rs = threeRows();
        assertSqlState(() -> rs.getInt(1), "24000");
        while (rs.next()) {
            rs.getInt(1);
        }
        assertSqlState(() -> rs.getString("N"), "24000");
    }

    @Test
    void columnIndexOutOfRangeIs22023() throws Exception {
        ResultSet rs = threeRows();
        rs.next();
        assertSqlState(() -> rs.getInt(0), "22023").hasMessageContaining("0");
        assertSqlState(() -> rs.getInt(2), "22023").isInstanceOf(SQLDataException.class);
    }

    @Test
    void labelsMatchCaseInsensitively() throws Exception {
        ResultSet rs = allTypesRow(false);
        assertThat(rs.findColumn("v")).isEqualTo(8);
        assertThat(rs.getString("v")).isEqualTo("hello");
        assertThat(rs.getInt("i")).isEqualTo(42);
    }

    @Test
    void exactCaseMatchWinsOverCaseInsensitiveOne() throws Exception {
        session.rows("SELECT cases", List.of(FakeSession.column("a", Types.INTEGER), FakeSession.column("A", Types.INTEGER),
                FakeSession.column("a", Types.INTEGER)), new Object[] {1, 2, 3});
        ResultSet rs = connection.createStatement().executeQuery("SELECT cases");
        rs.next();
        assertThat(rs.getInt("A")).isEqualTo(2);
        assertThat(rs.getInt("a")).isEqualTo(1); // the first of equal labels
    }

    @Test
    void unknownLabelIs42703() throws Exception {
        ResultSet rs = allTypesRow(false);
        assertSqlState(() -> rs.getInt("NOPE"), "42703").isInstanceOf(SQLSyntaxErrorException.class)
                .hasMessageContaining("NOPE");
        assertSqlState(() -> rs.findColumn(null), "42703");
    }

    @Test
    void positionFollowsForwardOnlySemantics() throws Exception {
        ResultSet rs = threeRows();
        assertThat(rs.isBeforeFirst()).isTrue();
        assertThat(rs.getRow()).isZero();
        rs.next();
        assertThat(rs.isFirst()).isTrue();
        assertThat(rs.isBeforeFirst()).isFalse();
        assertThat(rs.getRow()).isEqualTo(1);
        rs.next();
        assertThat(rs.isFirst()).isFalse();
        assertThat(rs.isLast()).isFalse();
        rs.next();
        assertThat(rs.isLast()).isTrue();
        assertThat(rs.getInt(1)).isEqualTo(3);
        assertThat(rs.isAfterLast()).isFalse();
        assertThat(rs.next()).isFalse();
        assertThat(rs.isAfterLast()).isTrue();
        assertThat(rs.getRow()).isZero();
    }

    @Test
    void lookingAheadLosesNoRow() throws Exception {
        ResultSet rs = threeRows();
        assertThat(rs.isBeforeFirst()).isTrue();
        assertThat(rs.next()).isTrue();
        assertThat(rs.getInt(1)).isEqualTo(1);
        assertThat(rs.isLast()).isFalse();
        assertThat(rs.next()).isTrue();
        assertThat(rs.getInt(1)).isEqualTo(2);
    }

    @Test
    void emptyResultIsNeitherBeforeFirstNorAfterLast() throws Exception {
        session.rows("SELECT none", List.of(FakeSession.column("N", Types.INTEGER)));
        ResultSet rs = connection.createStatement().executeQuery("SELECT none");
        assertThat(rs.isBeforeFirst()).isFalse();
        assertThat(rs.next()).isFalse();
        assertThat(rs.isAfterLast()).isFalse();
    }

    @Test
    void maxRowsEndsTheResultAndStopsReadingTheEngine() throws Exception {
        Statement statement = connection.createStatement();
        statement.setMaxRows(2);
        session.rows(THREE_ROWS, List.of(FakeSession.column("N", Types.INTEGER)),
                new Object[] {1}, new Object[] {2}, new Object[] {3});
        ResultSet rs = statement.executeQuery(THREE_ROWS);
        assertThat(rs.next()).isTrue();
        assertThat(rs.next()).isTrue();
        assertThat(rs.isLast()).isTrue();
        assertThat(rs.next()).isFalse();
        assertThat(session.lastCursor().rowsServed).isEqualTo(2);
        assertThat(session.lastCursor().closed).isTrue();
        assertThat(statement.getMaxRows()).isEqualTo(2);
    }

    @Test
    void closeClosesTheCursorOnceAndLaterUseIs55000() throws Exception {
        ResultSet rs = threeRows();
        rs.close();
        rs.close();
        assertThat(rs.isClosed()).isTrue();
        assertThat(session.lastCursor().closed).isTrue();
        assertSqlState(rs::next, "55000");
        assertSqlState(() -> rs.getInt(1), "55000");
        assertSqlState(rs::getMetaData, "55000");
    }

    @Test
    void engineErrorWhileReadingKeepsItsSqlStateAndMessage() throws Exception {
        BasaltException divisionByZero = new BasaltException(SqlState.DIVISION_BY_ZERO, "division by zero");
        session.rowsThenError("SELECT 1/N", List.of(FakeSession.column("X", Types.INTEGER)), divisionByZero,
                new Object[] {1});
        ResultSet rs = connection.createStatement().executeQuery("SELECT 1/N");
        assertThat(rs.next()).isTrue();
        assertSqlState(rs::next, "22012").isInstanceOf(SQLDataException.class)
                .hasMessage("division by zero").hasCause(divisionByZero);
    }

    @Test
    void scrollingIsRefusedWith24000() throws Exception {
        ResultSet rs = threeRows();
        assertSqlState(rs::previous, "24000");
        assertSqlState(() -> rs.absolute(1), "24000");
        assertSqlState(rs::first, "24000");
        assertSqlState(rs::beforeFirst, "24000");
        assertSqlState(() -> rs.setFetchDirection(ResultSet.FETCH_REVERSE), "24000");
    }

    @Test
    void updatesAreRefusedAsUnsupported() throws Exception {
        ResultSet rs = threeRows();
        rs.next();
        assertSqlState(() -> rs.updateInt(1, 5), "0A000").isInstanceOf(SQLFeatureNotSupportedException.class);
        assertSqlState(() -> rs.updateString("N", "x"), "0A000");
        assertSqlState(rs::insertRow, "0A000");
        assertThat(rs.rowUpdated()).isFalse();
    }

    @Test
    void describesItselfAsForwardOnlyReadOnly() throws Exception {
        Statement statement = connection.createStatement();
        statement.setFetchSize(7);
        ResultSet rs = statement.executeQuery(FakeSession.ALL_TYPES);
        assertThat(rs.getType()).isEqualTo(ResultSet.TYPE_FORWARD_ONLY);
        assertThat(rs.getConcurrency()).isEqualTo(ResultSet.CONCUR_READ_ONLY);
        assertThat(rs.getFetchDirection()).isEqualTo(ResultSet.FETCH_FORWARD);
        assertThat(rs.getHoldability()).isEqualTo(ResultSet.CLOSE_CURSORS_AT_COMMIT);
        assertThat(rs.getFetchSize()).isEqualTo(7);
        assertThat(rs.getStatement()).isSameAs(statement);
        assertThat((Object) rs.getWarnings()).isNull();
        assertThat(rs.unwrap(BasaltResultSet.class)).isSameAs(rs);
        assertSqlState(() -> rs.unwrap(String.class), "22023");
    }

    @Test
    void unsupportedValueKindsAre0A000() throws Exception {
        ResultSet rs = allTypesRow(false);
        assertSqlState(() -> rs.getBlob("BIN"), "0A000");
        assertSqlState(() -> rs.getClob(1), "0A000");
        assertSqlState(() -> rs.getArray(1), "0A000");
    }
}

package io.basalt.jdbc.internal;

import static io.basalt.jdbc.internal.SqlAssertions.assertSqlState;
import static org.assertj.core.api.Assertions.assertThat;

import io.basalt.common.error.BasaltException;
import io.basalt.common.error.SqlState;
import java.sql.ResultSet;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.SQLSyntaxErrorException;
import java.sql.Statement;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class StatementTest extends WithFakeConnection {
    private static final String UPDATE = "UPDATE T SET X = 1";
    private Statement statement;

    @BeforeEach
    void createStatement() throws Exception {
        session.count(UPDATE, 3);
        statement = connection.createStatement();
    }

    @Test
    void executeTellsRowsFromUpdateCounts() throws Exception {
        assertThat(statement.execute(FakeSession.ALL_TYPES)).isTrue();
        assertThat(statement.getResultSet()).isNotNull();
        assertThat(statement.getUpdateCount()).isEqualTo(-1);

        assertThat(statement.execute(UPDATE)).isFalse();
        assertThat(statement.getResultSet()).isNull();
        assertThat(statement.getUpdateCount()).isEqualTo(3);
        assertThat(statement.getLargeUpdateCount()).isEqualTo(3L);
        assertThat(session.calls).containsExactly("execute " + FakeSession.ALL_TYPES, "execute " + UPDATE);
    }

    @Test
    void executeUpdateReturnsTheEnginesCount() throws Exception {
        assertThat(statement.executeUpdate(UPDATE)).isEqualTo(3);
        assertThat(statement.executeLargeUpdate(UPDATE)).isEqualTo(3L);
    }

    @Test
    void updateCountsBeyondIntSaturateInIntMethods() throws Exception {
        session.count("DELETE FROM HUGE", 5_000_000_000L);
        assertThat(statement.executeUpdate("DELETE FROM HUGE")).isEqualTo(Integer.MAX_VALUE);
        assertThat(statement.getLargeUpdateCount()).isEqualTo(5_000_000_000L);
    }

    @Test
    void executeQueryOfAStatementWithoutRowsIs02000() throws Exception {
        assertSqlState(() -> statement.executeQuery(UPDATE), "02000")
                .hasMessage("No results were returned by the query.");
    }

    @Test
    void executeUpdateOfAQueryIs0100EAndClosesTheRows() throws Exception {
        assertSqlState(() -> statement.executeUpdate(FakeSession.ALL_TYPES), "0100E");
        assertThat(session.lastCursor().closed).isTrue();
        assertThat(statement.getResultSet()).isNull();
    }

    @Test
    void executingAgainClosesThePreviousResultSet() throws Exception {
        ResultSet first = statement.executeQuery(FakeSession.ALL_TYPES);
        ResultSet second = statement.executeQuery(FakeSession.ALL_TYPES);
        assertThat(first.isClosed()).isTrue();
        assertThat(second.isClosed()).isFalse();
        statement.executeUpdate(UPDATE);
        assertThat(second.isClosed()).isTrue();
        assertThat(statement.isClosed()).isFalse();
    }

    @Test
    void thereIsNeverASecondResult() throws Exception {
        ResultSet rs = statement.executeQuery(FakeSession.ALL_TYPES);
        assertThat(statement.getMoreResults()).isFalse();
        assertThat(rs.isClosed()).isTrue();
        assertThat(statement.getUpdateCount()).isEqualTo(-1);
        assertThat(statement.getResultSet()).isNull();
        assertSqlState(() -> statement.getMoreResults(Statement.KEEP_CURRENT_RESULT), "0A000");
        assertSqlState(() -> statement.getMoreResults(42), "22023");
    }

    @Test
    void closingTheStatementClosesItsResultSet() throws Exception {
        ResultSet rs = statement.executeQuery(FakeSession.ALL_TYPES);
        statement.close();
        statement.close();
        assertThat(rs.isClosed()).isTrue();
        assertThat(session.lastCursor().closed).isTrue();
        assertThat(statement.isClosed()).isTrue();
    }

    @Test
    void closeOnCompletionClosesTheStatementWithItsResultSet() throws Exception {
        statement.closeOnCompletion();
        assertThat(statement.isCloseOnCompletion()).isTrue();
        statement.executeQuery(FakeSession.ALL_TYPES); // replaced: must not close the statement
        ResultSet rs = statement.executeQuery(FakeSession.ALL_TYPES);
        assertThat(statement.isClosed()).isFalse();
        rs.close();
        assertThat(statement.isClosed()).isTrue();
    }

    @Test
    void closedStatementIs55000() throws Exception {
        statement.close();
        assertSqlState(() -> statement.execute(UPDATE), "55000").hasMessageContaining("closed");
        assertSqlState(() -> statement.executeQuery(FakeSession.ALL_TYPES), "55000");
        assertSqlState(statement::getResultSet, "55000");
        assertSqlState(() -> statement.setMaxRows(1), "55000");
        assertSqlState(statement::getConnection, "55000");
        assertThat(session.calls).isEmpty();
    }

    @Test
    void engineErrorsKeepTheirSqlStateMessageAndCause() throws Exception {
        BasaltException noTable = new BasaltException(SqlState.UNDEFINED_TABLE, "table NOPE not found");
        session.error("SELECT * FROM NOPE", noTable);
        assertSqlState(() -> statement.executeQuery("SELECT * FROM NOPE"), "42P01")
                .isInstanceOf(SQLSyntaxErrorException.class).hasMessage("table NOPE not found").hasCause(noTable);
    }

    @Test
    void unexpectedEngineExceptionsBecomeInternalErrors() throws Exception {
        session.failOn("execute " + UPDATE, new IllegalStateException("bug"));
        assertSqlState(() -> statement.execute(UPDATE), "XX000").hasRootCauseMessage("bug");
    }

    @Test
    void aStatementWithoutGeneratedValuesHasNoGeneratedKeys() throws Exception {
        assertThat(statement.executeUpdate(UPDATE, Statement.NO_GENERATED_KEYS)).isEqualTo(3);
        assertThat(statement.execute(UPDATE, Statement.NO_GENERATED_KEYS)).isFalse();
        assertThat(statement.executeUpdate(UPDATE, Statement.RETURN_GENERATED_KEYS)).isEqualTo(3);
        assertThat(statement.executeUpdate(UPDATE, new int[] {1})).isEqualTo(3);
        assertThat(statement.execute(UPDATE, new String[] {"ID"})).isFalse();
        assertSqlState(() -> statement.executeLargeUpdate(UPDATE, 99), "22023");
        try (ResultSet keys = statement.getGeneratedKeys()) {
            assertThat(keys.next()).isFalse();
            assertThat(keys.getMetaData().getColumnCount()).isZero();
        }
    }

    @Test
    void cancelIsNotSupportedYet() {
        assertSqlState(statement::cancel, "0A000").isInstanceOf(SQLFeatureNotSupportedException.class);
    }

    @Test
    void settingsAreValidatedAndKept() throws Exception {
        statement.setQueryTimeout(30);
        statement.setFetchSize(100);
        statement.setLargeMaxRows(10);
        statement.setEscapeProcessing(false);
        statement.setFetchDirection(ResultSet.FETCH_REVERSE);
        assertThat(statement.getQueryTimeout()).isEqualTo(30);
        assertThat(statement.getFetchSize()).isEqualTo(100);
        assertThat(statement.getLargeMaxRows()).isEqualTo(10);
        assertThat(statement.getFetchDirection()).isEqualTo(ResultSet.FETCH_REVERSE);
        assertSqlState(() -> statement.setMaxRows(-1), "22023");
        assertSqlState(() -> statement.setFetchSize(-1), "22023");
        assertSqlState(() -> statement.setQueryTimeout(-1), "22023");
        assertSqlState(() -> statement.setMaxFieldSize(10), "0A000");
    }

    @Test
    void describesItsResultsAndConnection() throws Exception {
        assertThat(statement.getConnection()).isSameAs(connection);
        assertThat(statement.getResultSetType()).isEqualTo(ResultSet.TYPE_FORWARD_ONLY);
        assertThat(statement.getResultSetConcurrency()).isEqualTo(ResultSet.CONCUR_READ_ONLY);
        assertThat(statement.getResultSetHoldability()).isEqualTo(ResultSet.CLOSE_CURSORS_AT_COMMIT);
        assertThat((Object) statement.getWarnings()).isNull();
        assertThat(statement.isWrapperFor(Statement.class)).isTrue();
    }
}

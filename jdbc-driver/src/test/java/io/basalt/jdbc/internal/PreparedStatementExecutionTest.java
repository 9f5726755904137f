package io.basalt.jdbc.internal;

import static io.basalt.jdbc.internal.SqlAssertions.assertSqlState;
import static org.assertj.core.api.Assertions.assertThat;

import io.basalt.common.client.ParameterMetadata;
import io.basalt.common.error.BasaltException;
import io.basalt.common.error.SqlState;
import java.sql.ParameterMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLSyntaxErrorException;
import java.sql.Types;
import org.junit.jupiter.api.Test;

class PreparedStatementExecutionTest extends WithFakeConnection {
    private static final String UPDATE = "UPDATE T SET X = ? WHERE ID = ?";

    @Test
    void queryRunsThroughTheHandleWithTheFetchSize() throws Exception {
        try (PreparedStatement statement = connection.prepareStatement(FakeSession.ALL_TYPES)) {
            statement.setFetchSize(50);
            ResultSet rs = statement.executeQuery();
            assertThat(rs.next()).isTrue();
            assertThat(rs.getInt("I")).isEqualTo(42);
        }
        assertThat(session.calls).containsExactly("prepare " + FakeSession.ALL_TYPES,
                "execute prepared " + FakeSession.ALL_TYPES);
        assertThat(session.lastFetchSize).isEqualTo(50);
        assertThat(session.lastParameters).isEmpty();
    }

    @Test
    void executeQueryOfANonQueryIs02000WithoutRunningIt() throws Exception {
        session.count(UPDATE, 1);
        try (PreparedStatement statement = connection.prepareStatement(UPDATE)) {
            statement.setInt(1, 1);
            statement.setInt(2, 2);
            assertSqlState(statement::executeQuery, "02000");
        }
        assertThat(session.calls).containsExactly("prepare " + UPDATE);
    }

    @Test
    void executeUpdateOfAQueryIs0100EWithoutRunningIt() throws Exception {
        try (PreparedStatement statement = connection.prepareStatement(FakeSession.ALL_TYPES)) {
            assertSqlState(statement::executeUpdate, "0100E");
        }
        assertThat(session.calls).containsExactly("prepare " + FakeSession.ALL_TYPES);
    }

    @Test
    void executeReportsRowsOrCount() throws Exception {
        session.count(UPDATE, 4);
        try (PreparedStatement statement = connection.prepareStatement(UPDATE)) {
            statement.setInt(1, 1);
            statement.setInt(2, 2);
            assertThat(statement.execute()).isFalse();
            assertThat(statement.getUpdateCount()).isEqualTo(4);
            assertThat(statement.executeLargeUpdate()).isEqualTo(4L);
        }
    }

    @Test
    void methodsTakingSqlTextAreRefusedWith42809() throws Exception {
        try (PreparedStatement statement = connection.prepareStatement(FakeSession.ALL_TYPES)) {
            assertSqlState(() -> statement.executeQuery("SELECT 1"), "42809");
            assertSqlState(() -> statement.execute("SELECT 1"), "42809");
            assertSqlState(() -> statement.executeUpdate("SELECT 1"), "42809");
            assertSqlState(() -> statement.executeLargeUpdate("SELECT 1", 1), "42809");
            assertSqlState(() -> statement.addBatch("SELECT 1"), "42809");
        }
    }

    @Test
    void prepareErrorsKeepTheEnginesSqlState() {
        session.failOn("prepare SELECT nope", new BasaltException(SqlState.SYNTAX_ERROR, "syntax error at 'nope'"));
        assertSqlState(() -> connection.prepareStatement("SELECT nope"), "42601")
                .isInstanceOf(SQLSyntaxErrorException.class).hasMessage("syntax error at 'nope'");
    }

    @Test
    void closingTheStatementClosesTheHandleAndItsResultSet() throws Exception {
        PreparedStatement statement = connection.prepareStatement(FakeSession.ALL_TYPES);
        ResultSet rs = statement.executeQuery();
        statement.close();
        assertThat(session.lastHandle().closed).isTrue();
        assertThat(rs.isClosed()).isTrue();
        assertSqlState(statement::executeQuery, "55000");
        assertSqlState(() -> statement.setInt(1, 1), "55000");
    }

    @Test
    void metaDataDescribesQueryColumnsAndIsNullForOtherStatements() throws Exception {
        session.count(UPDATE, 1);
        try (PreparedStatement query = connection.prepareStatement(FakeSession.ALL_TYPES);
                PreparedStatement update = connection.prepareStatement(UPDATE)) {
            ResultSetMetaData metaData = query.getMetaData();
            assertThat(metaData.getColumnCount()).isEqualTo(FakeSession.ALL_TYPES_COLUMNS.size());
            assertThat(metaData.getColumnLabel(2)).isEqualTo("S");
            assertThat(update.getMetaData()).isNull();
        }
        assertThat(session.calls).noneMatch(call -> call.startsWith("execute"));
    }

    @Test
    void parameterMetaDataDescribesTheEnginesInferredTypes() throws Exception {
        session.count(UPDATE, 1).parameters(UPDATE, new ParameterMetadata(Types.DECIMAL, "DECIMAL", 10, 2),
                new ParameterMetadata(Types.BIGINT, "BIGINT", 19, 0));
        try (PreparedStatement statement = connection.prepareStatement(UPDATE)) {
            ParameterMetaData parameters = statement.getParameterMetaData();
            assertThat(parameters.getParameterCount()).isEqualTo(2);
            assertThat(parameters.getParameterType(1)).isEqualTo(Types.DECIMAL);
            assertThat(parameters.getParameterTypeName(1)).isEqualTo("DECIMAL");
            assertThat(parameters.getPrecision(1)).isEqualTo(10);
            assertThat(parameters.getScale(1)).isEqualTo(2);
            assertThat(parameters.getParameterClassName(2)).isEqualTo("java.lang.Long");
            assertThat(parameters.isSigned(2)).isTrue();
            assertThat(parameters.getParameterMode(2)).isEqualTo(ParameterMetaData.parameterModeIn);
            assertThat(parameters.isNullable(2)).isEqualTo(ParameterMetaData.parameterNullableUnknown);
            assertSqlState(() -> parameters.getParameterType(3), "22023");
        }
    }
}

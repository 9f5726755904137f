package io.basalt.jdbc.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.basalt.common.error.BasaltException;
import io.basalt.common.error.SqlState;
import java.sql.BatchUpdateException;
import java.sql.PreparedStatement;
import java.sql.SQLIntegrityConstraintViolationException;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;

class BatchTest extends WithFakeConnection {
    private static final String INSERT = "INSERT INTO T VALUES (?, ?)";

    @Test
    void statementBatchGoesToTheEngineAsOneCall() throws Exception {
        session.count("INSERT A", 1).count("UPDATE B", 2).count("DELETE C", 3);
        try (Statement statement = connection.createStatement()) {
            statement.addBatch("INSERT A");
            statement.addBatch("UPDATE B");
            statement.addBatch("DELETE C");
            assertThat(statement.executeBatch()).containsExactly(1, 2, 3);
            assertThat(statement.executeLargeBatch()).isEmpty();
        }
        assertThat(session.calls).containsExactly("executeBatch [INSERT A, UPDATE B, DELETE C]",
                "execute INSERT A", "execute UPDATE B", "execute DELETE C");
    }

    @Test
    void statementBatchFailureCarriesTheCausesSqlStateAndNoCounts() throws Exception {
        BasaltException duplicate = new BasaltException(SqlState.UNIQUE_VIOLATION, "duplicate key value");
        session.count("INSERT A", 1).error("INSERT B", duplicate).count("INSERT C", 1);
        try (Statement statement = connection.createStatement()) {
            statement.addBatch("INSERT A");
            statement.addBatch("INSERT B");
            statement.addBatch("INSERT C");
            assertThatThrownBy(statement::executeBatch).isInstanceOfSatisfying(BatchUpdateException.class, e -> {
                assertThat(e.getSQLState()).isEqualTo("23505");
                // In auto-commit mode the engine ran the batch as one transaction: nothing of it stayed.
                assertThat(e.getUpdateCounts()).isEmpty();
                assertThat(e.getLargeUpdateCounts()).isEmpty();
                assertThat(e.getMessage()).contains("duplicate key value");
                assertThat(e.getCause()).isInstanceOf(SQLIntegrityConstraintViolationException.class).hasCause(duplicate);
            });
            assertThat(statement.executeBatch()).as("the batch is emptied by a failure").isEmpty();
        }
        assertThat(session.calls).doesNotContain("execute INSERT C");
    }

    @Test
    void queryInAStatementBatchFailsTheBatch() throws Exception {
        session.count("INSERT A", 1);
        try (Statement statement = connection.createStatement()) {
            statement.addBatch("INSERT A");
            statement.addBatch(FakeSession.ALL_TYPES);
            assertThatThrownBy(statement::executeBatch).isInstanceOfSatisfying(BatchUpdateException.class, e -> {
                assertThat(e.getSQLState()).isEqualTo("0100E");
                assertThat(e.getUpdateCounts()).isEmpty();
            });
        }
        assertThat(session.lastCursor().closed).isTrue();
    }

    @Test
    void clearBatchDropsQueuedStatements() throws Exception {
        try (Statement statement = connection.createStatement()) {
            statement.addBatch("INSERT A");
            statement.clearBatch();
            assertThat(statement.executeBatch()).isEmpty();
        }
        assertThat(session.calls).isEmpty();
    }

    @Test
    void preparedBatchSendsAllParameterSetsInOneCall() throws Exception {
        session.count(INSERT, 1);
        try (PreparedStatement statement = connection.prepareStatement(INSERT)) {
            statement.setInt(1, 1);
            statement.setString(2, "a");
            statement.addBatch();
            statement.setInt(1, 2);
            statement.setNull(2, java.sql.Types.VARCHAR);
            statement.addBatch();
            assertThat(statement.executeLargeBatch()).containsExactly(1L, 1L);
        }
        assertThat(session.lastBatch).containsExactly(List.of(1, "a"), java.util.Arrays.asList(2, null));
        assertThat(session.calls).containsExactly("prepare " + INSERT, "executeBatch " + INSERT);
    }

    @Test
    void preparedBatchFailureIsABatchUpdateExceptionWithTheCausesSqlState() throws Exception {
        BasaltException conflict = new BasaltException(SqlState.SERIALIZATION_FAILURE, "restart transaction: write conflict");
        session.error(INSERT, conflict);
        try (PreparedStatement statement = connection.prepareStatement(INSERT)) {
            statement.setInt(1, 1);
            statement.setString(2, "a");
            statement.addBatch();
            assertThatThrownBy(statement::executeBatch).isInstanceOfSatisfying(BatchUpdateException.class, e -> {
                assertThat(e.getSQLState()).isEqualTo("40001");
                assertThat(e.getUpdateCounts()).isEmpty();
                assertThat(e.getCause()).hasMessage("restart transaction: write conflict");
            });
            assertThat(statement.executeBatch()).as("the batch is emptied by a failure").isEmpty();
        }
    }

    @Test
    void emptyPreparedBatchDoesNotCallTheEngine() throws Exception {
        session.count(INSERT, 1);
        try (PreparedStatement statement = connection.prepareStatement(INSERT)) {
            assertThat(statement.executeBatch()).isEmpty();
            statement.setInt(1, 1);
            statement.setInt(2, 1);
            statement.addBatch();
            statement.clearBatch();
            assertThat(statement.executeBatch()).isEmpty();
        }
        assertThat(session.calls).containsExactly("prepare " + INSERT);
    }

    @Test
    void addingAnIncompleteParameterSetIs22023() throws Exception {
        session.count(INSERT, 1);
        try (PreparedStatement statement = connection.prepareStatement(INSERT)) {
            statement.setInt(1, 1);
            assertThatThrownBy(statement::addBatch).hasMessage("No value specified for parameter 2.");
        }
    }

    @Test
    void preparedQueryBatchIsRefusedWithoutRunning() throws Exception {
        try (PreparedStatement statement = connection.prepareStatement(FakeSession.ALL_TYPES)) {
            statement.addBatch();
            assertThatThrownBy(statement::executeBatch).isInstanceOfSatisfying(BatchUpdateException.class,
                    e -> assertThat(e.getSQLState()).isEqualTo("0100E"));
        }
        assertThat(session.calls).containsExactly("prepare " + FakeSession.ALL_TYPES);
    }
}

package io.basalt.jdbc.internal;

import static io.basalt.jdbc.internal.SqlAssertions.assertSqlState;
import static org.assertj.core.api.Assertions.assertThat;

import io.basalt.common.client.TransactionIsolation;
import io.basalt.common.error.BasaltException;
import io.basalt.common.error.SqlState;
import java.sql.Connection;
import java.sql.SQLDataException;
import java.sql.SQLException;
import java.sql.SQLTransactionRollbackException;
import org.junit.jupiter.api.Test;

class ConnectionTransactionTest extends WithFakeConnection {

    @Test
    void autoCommitPassesThroughToTheSession() throws Exception {
        assertThat(connection.getAutoCommit()).isTrue();
        connection.setAutoCommit(false);
        assertThat(session.autoCommit).isFalse();
        assertThat(connection.getAutoCommit()).isFalse();
        connection.setAutoCommit(true);
        assertThat(session.calls).containsExactly("setAutoCommit false", "setAutoCommit true");
    }

    @Test
    void settingTheCurrentAutoCommitModeDoesNothing() throws Exception {
        connection.setAutoCommit(true);
        assertThat(session.calls).isEmpty();
    }

    @Test
    void commitAndRollbackPassThroughOutsideAutoCommit() throws Exception {
        connection.setAutoCommit(false);
        connection.commit();
        connection.rollback();
        assertThat(session.calls).containsExactly("setAutoCommit false", "commit", "rollback");
    }

    @Test
    void commitAndRollbackInAutoCommitModeAre25000() {
        assertSqlState(connection::commit, "25000").hasMessage("Cannot commit when autoCommit is enabled.");
        assertSqlState(connection::rollback, "25000");
        assertThat(session.calls).isEmpty();
    }

    @Test
    void commitFailureKeepsTheEnginesSqlState() throws Exception {
        connection.setAutoCommit(false);
        session.failOn("commit", new BasaltException(SqlState.SERIALIZATION_FAILURE, "restart transaction: read refresh failed"));
        assertSqlState(connection::commit, "40001").isInstanceOf(SQLTransactionRollbackException.class)
                .hasMessage("restart transaction: read refresh failed");
    }

    @Test
    void commitOutcomeUnknownIsAPlainSqlException() throws Exception {
        connection.setAutoCommit(false);
        session.failOn("commit", new BasaltException(SqlState.STATEMENT_COMPLETION_UNKNOWN, "commit outcome unknown"));
        assertSqlState(connection::commit, "40003").isExactlyInstanceOf(SQLException.class);
    }

    @Test
    void isolationPassesThroughToTheSession() throws Exception {
        assertThat(connection.getTransactionIsolation()).isEqualTo(Connection.TRANSACTION_SERIALIZABLE);
        connection.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
        assertThat(session.isolation).isEqualTo(TransactionIsolation.REPEATABLE_READ);
        assertThat(connection.getTransactionIsolation()).isEqualTo(Connection.TRANSACTION_REPEATABLE_READ);
        connection.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
        assertThat(session.calls).containsExactly("setIsolation REPEATABLE_READ", "setIsolation READ_COMMITTED");
    }

    @Test
    void readUncommittedRunsAsReadCommitted() throws Exception {
        connection.setTransactionIsolation(Connection.TRANSACTION_READ_UNCOMMITTED);
        assertThat(connection.getTransactionIsolation()).isEqualTo(Connection.TRANSACTION_READ_COMMITTED);
    }

    @Test
    void invalidIsolationLevelIs22023() {
        assertSqlState(() -> connection.setTransactionIsolation(Connection.TRANSACTION_NONE), "22023")
                .isInstanceOf(SQLDataException.class);
        assertSqlState(() -> connection.setTransactionIsolation(3), "22023");
        assertThat(session.calls).isEmpty();
    }

    @Test
    void readOnlyPassesThroughToTheSession() throws Exception {
        connection.setReadOnly(true);
        assertThat(session.readOnly).isTrue();
        assertThat(connection.isReadOnly()).isTrue();
        assertThat(session.calls).containsExactly("setReadOnly true");
    }

    @Test
    void engineRefusalOfASettingKeepsItsSqlState() {
        session.failOn("setReadOnly false", new BasaltException(SqlState.ACTIVE_SQL_TRANSACTION, "transaction in progress"));
        assertSqlState(() -> connection.setReadOnly(false), "25001").hasMessage("transaction in progress");
    }

    @Test
    void savepointsAreNotSupportedYet() {
        assertSqlState(connection::setSavepoint, "0A000");
        assertSqlState(() -> connection.setSavepoint("s"), "0A000");
        assertSqlState(() -> connection.rollback(null), "0A000");
        assertSqlState(() -> connection.releaseSavepoint(null), "0A000");
    }
}

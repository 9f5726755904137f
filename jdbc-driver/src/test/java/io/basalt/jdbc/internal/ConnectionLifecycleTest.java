package io.basalt.jdbc.internal;

import static io.basalt.jdbc.internal.SqlAssertions.assertSqlState;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLClientInfoException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Stream;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class ConnectionLifecycleTest extends WithFakeConnection {

    interface ConnectionCall {
        void call(Connection connection) throws Exception;
    }

    static Stream<Named<ConnectionCall>> callsOnAClosedConnection() {
        return Stream.of(
                Named.of("createStatement", Connection::createStatement),
                Named.of("prepareStatement", c -> c.prepareStatement(FakeSession.ALL_TYPES)),
                Named.of("setAutoCommit", c -> c.setAutoCommit(false)),
                Named.of("getAutoCommit", Connection::getAutoCommit),
                Named.of("commit", Connection::commit),
                Named.of("rollback", Connection::rollback),
                Named.of("setTransactionIsolation", c -> c.setTransactionIsolation(Connection.TRANSACTION_SERIALIZABLE)),
                Named.of("getTransactionIsolation", Connection::getTransactionIsolation),
                Named.of("setReadOnly", c -> c.setReadOnly(true)),
                Named.of("getMetaData", Connection::getMetaData),
                Named.of("getSchema", Connection::getSchema),
                Named.of("setCatalog", c -> c.setCatalog("x")),
                Named.of("nativeSQL", c -> c.nativeSQL("SELECT 1")),
                Named.of("getWarnings", Connection::getWarnings),
                Named.of("getHoldability", Connection::getHoldability),
                Named.of("getNetworkTimeout", Connection::getNetworkTimeout),
                Named.of("createClob", Connection::createClob));
    }

    @ParameterizedTest
    @MethodSource("callsOnAClosedConnection")
    void closedConnectionIs08003(ConnectionCall call) throws Exception {
        connection.close();
        assertSqlState(() -> call.call(connection), "08003").isInstanceOf(SQLNonTransientConnectionException.class);
    }

    @Test
    void closeClosesStatementsResultSetsHandlesAndTheSessionOnce() throws Exception {
        Statement statement = connection.createStatement();
        ResultSet rs = statement.executeQuery(FakeSession.ALL_TYPES);
        PreparedStatement prepared = connection.prepareStatement(FakeSession.ALL_TYPES);
        connection.close();
        connection.close();
        assertThat(connection.isClosed()).isTrue();
        assertThat(statement.isClosed()).isTrue();
        assertThat(rs.isClosed()).isTrue();
        assertThat(prepared.isClosed()).isTrue();
        assertThat(session.lastHandle().closed).isTrue();
        assertThat(session.closed).isTrue();
        assertThat(session.calls).containsOnlyOnce("close");
    }

    @Test
    void statementsOfAClosedConnectionAreClosed() throws Exception {
        Statement statement = connection.createStatement();
        connection.close();
        assertSqlState(() -> statement.execute("SELECT 1"), "55000");
    }

    @Test
    void isValidReflectsTheSessionAndRejectsNegativeTimeouts() throws Exception {
        assertThat(connection.isValid(0)).isTrue();
        session.valid = false;
        assertThat(connection.isValid(1)).isFalse();
        assertSqlState(() -> connection.isValid(-1), "22023");
        connection.close();
        assertThat(connection.isValid(0)).isFalse();
    }

    @Test
    void connectionIsClosedWhenTheSessionIs() throws Exception {
        session.close();
        assertThat(connection.isClosed()).isTrue();
    }

    @Test
    void abortMarksClosedAtOnceAndReleasesThroughTheExecutor() throws Exception {
        List<Runnable> submitted = new ArrayList<>();
        connection.abort(submitted::add);
        assertThat(connection.isClosed()).isTrue();
        assertThat(session.closed).isFalse();
        submitted.forEach(Runnable::run);
        assertThat(session.closed).isTrue();
        assertSqlState(() -> connection.abort(null), "22023");
    }

    @Test
    void onlyForwardOnlyReadOnlyResultSetsAreOffered() throws Exception {
        assertSqlState(() -> connection.createStatement(ResultSet.TYPE_SCROLL_INSENSITIVE, ResultSet.CONCUR_READ_ONLY),
                "0A000").isInstanceOf(SQLFeatureNotSupportedException.class);
        assertSqlState(() -> connection.prepareStatement(FakeSession.ALL_TYPES, ResultSet.TYPE_FORWARD_ONLY,
                ResultSet.CONCUR_UPDATABLE), "0A000");
        Statement holding = connection.createStatement(ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY,
                ResultSet.HOLD_CURSORS_OVER_COMMIT);
        assertThat(holding.getResultSetHoldability()).isEqualTo(ResultSet.HOLD_CURSORS_OVER_COMMIT);
        assertSqlState(() -> connection.createStatement(ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY, 0),
                "22023");
        assertThat(session.calls).isEmpty();
    }

    @Test
    void everyWayOfAskingForGeneratedKeysPrepares() throws Exception {
        assertThat(connection.prepareStatement(FakeSession.ALL_TYPES, Statement.NO_GENERATED_KEYS)).isNotNull();
        assertThat(connection.prepareStatement(FakeSession.ALL_TYPES, Statement.RETURN_GENERATED_KEYS)).isNotNull();
        assertThat(connection.prepareStatement(FakeSession.ALL_TYPES, new int[] {1})).isNotNull();
        assertThat(connection.prepareStatement(FakeSession.ALL_TYPES, new String[] {"ID"})).isNotNull();
        assertSqlState(() -> connection.prepareStatement(FakeSession.ALL_TYPES, 99), "22023");
    }

    @Test
    void unsupportedObjectsAre0A000() {
        List<ThrowingCallable> calls = List.of(connection::createBlob, connection::createNClob, connection::createSQLXML,
                () -> connection.createArrayOf("INTEGER", new Object[0]), () -> connection.createStruct("T", new Object[0]),
                () -> connection.prepareCall("CALL p()"));
        for (ThrowingCallable call : calls) {
            assertSqlState(call, "0A000");
        }
    }

    @Test
    void settingsTheSessionDoesNotKnowAreStored() throws Exception {
        assertThat(connection.getSchema()).isEqualTo("PUBLIC");
        assertThat(connection.getCatalog()).isNull();
        connection.setSchema("OTHER");
        connection.setCatalog("ignored");
        connection.setHoldability(ResultSet.HOLD_CURSORS_OVER_COMMIT);
        connection.setNetworkTimeout(Runnable::run, 1500);
        assertThat(connection.getSchema()).isEqualTo("OTHER");
        assertThat(connection.getCatalog()).isEqualTo("ignored");
        assertThat(connection.getHoldability()).isEqualTo(ResultSet.HOLD_CURSORS_OVER_COMMIT);
        assertThat(connection.createStatement().getResultSetHoldability()).isEqualTo(ResultSet.HOLD_CURSORS_OVER_COMMIT);
        assertThat(connection.getNetworkTimeout()).isEqualTo(1500);
        assertSqlState(() -> connection.setNetworkTimeout(Runnable::run, -1), "22023");
        assertSqlState(() -> connection.setHoldability(42), "22023");
        assertThat(connection.nativeSQL("SELECT {fn NOW()}")).isEqualTo("SELECT {fn NOW()}");
        assertThat(session.calls).isEmpty();
    }

    @Test
    void clientInfoIsStoredAndRefusedOnceClosed() throws Exception {
        connection.setClientInfo("ApplicationName", "tests");
        assertThat(connection.getClientInfo("ApplicationName")).isEqualTo("tests");
        connection.setClientInfo("ApplicationName", null);
        assertThat(connection.getClientInfo()).isEmpty();
        Properties info = new Properties();
        info.setProperty("ClientUser", "me");
        connection.setClientInfo(info);
        assertThat(connection.getClientInfo()).containsEntry("ClientUser", "me");
        connection.close();
        assertThatThrownBy(() -> connection.setClientInfo("ClientUser", "x"))
                .isInstanceOfSatisfying(SQLClientInfoException.class, e -> {
                    assertThat(e.getSQLState()).isEqualTo("08003");
                    assertThat(e.getFailedProperties()).containsKey("ClientUser");
                });
    }

    @Test
    void unwrapsToItsOwnClassOnly() throws Exception {
        assertThat(connection.isWrapperFor(BasaltConnection.class)).isTrue();
        assertThat(connection.unwrap(Connection.class)).isSameAs(connection);
        assertThat(connection.isWrapperFor(Map.class)).isFalse();
        assertSqlState(() -> connection.unwrap(Map.class), "22023");
    }
}

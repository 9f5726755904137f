package io.basalt.jdbc.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.basalt.common.error.BasaltException;
import io.basalt.common.error.SqlState;
import java.sql.BatchUpdateException;
import java.sql.SQLDataException;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.SQLIntegrityConstraintViolationException;
import java.sql.SQLInvalidAuthorizationSpecException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLSyntaxErrorException;
import java.sql.SQLTimeoutException;
import java.sql.SQLTransientException;
import java.sql.SQLTransactionRollbackException;
import java.sql.SQLTransientConnectionException;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

class JdbcErrorsTest {

    static Stream<Arguments> subclassBySqlState() {
        return Stream.of(
                Arguments.of("08001", SQLTransientConnectionException.class),
                Arguments.of("08003", SQLNonTransientConnectionException.class),
                Arguments.of("08006", SQLNonTransientConnectionException.class),
                Arguments.of("08P01", SQLNonTransientConnectionException.class),
                Arguments.of("22003", SQLDataException.class),
                Arguments.of("22P02", SQLDataException.class),
                Arguments.of("22012", SQLDataException.class),
                Arguments.of("23505", SQLIntegrityConstraintViolationException.class),
                Arguments.of("23502", SQLIntegrityConstraintViolationException.class),
                Arguments.of("28000", SQLInvalidAuthorizationSpecException.class),
                Arguments.of("28P01", SQLInvalidAuthorizationSpecException.class),
                Arguments.of("40001", SQLTransactionRollbackException.class),
                Arguments.of("40P01", SQLTransactionRollbackException.class),
                Arguments.of("40003", SQLException.class),
                Arguments.of("42601", SQLSyntaxErrorException.class),
                Arguments.of("42P01", SQLSyntaxErrorException.class),
                Arguments.of("0A000", SQLFeatureNotSupportedException.class),
                Arguments.of("57014", SQLTimeoutException.class),
                Arguments.of("57P01", SQLException.class),
                Arguments.of("25P02", SQLException.class),
                Arguments.of("55P03", SQLTransientException.class),
                Arguments.of("55000", SQLException.class),
                Arguments.of("58C00", SQLException.class),
                Arguments.of("XX000", SQLException.class),
                Arguments.of("02000", SQLException.class));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("subclassBySqlState")
    void sqlStateClassChoosesTheSubclass(String sqlState, Class<? extends SQLException> expected) {
        SQLException e = JdbcErrors.create(sqlState, "message", null);
        assertThat((Throwable) e).isExactlyInstanceOf(expected);
        assertThat(e.getSQLState()).isEqualTo(sqlState);
        assertThat(e.getMessage()).isEqualTo("message");
    }

    @ParameterizedTest
    @EnumSource(SqlState.class)
    void everyEngineErrorKeepsItsSqlStateMessageAndCause(SqlState state) {
        BasaltException engineError = new BasaltException(state, "engine says " + state);
        SQLException e = JdbcErrors.fromBasalt(engineError);
        assertThat(e.getSQLState()).isEqualTo(state.code());
        assertThat(e.getMessage()).isEqualTo("engine says " + state);
        assertThat(e.getCause()).isSameAs(engineError);
    }

    @Test
    void unexpectedEngineExceptionIsAnInternalError() {
        IllegalStateException bug = new IllegalStateException("invariant broken");
        SQLException e = JdbcErrors.fromEngine(bug);
        assertThat(e.getSQLState()).isEqualTo("XX000");
        assertThat(e.getMessage()).contains("invariant broken");
        assertThat(e.getCause()).isSameAs(bug);
    }

    @Test
    void engineCallsAreWrapped() {
        BasaltException engineError = new BasaltException(SqlState.LOCK_NOT_AVAILABLE, "could not obtain lock");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> JdbcErrors.call(() -> {
            throw engineError;
        })).isInstanceOf(SQLException.class).hasMessage("could not obtain lock").hasCause(engineError);
    }

    @Test
    void batchFailureCarriesCountsAndTheCausesSqlState() {
        SQLException cause = JdbcErrors.create("23505", "duplicate", null);
        BatchUpdateException e = JdbcErrors.batchFailed(cause, new long[] {1, 1});
        assertThat(e.getSQLState()).isEqualTo("23505");
        assertThat(e.getLargeUpdateCounts()).containsExactly(1, 1);
        assertThat(e.getCause()).isSameAs(cause);
        assertThat((Throwable) JdbcErrors.batchFailed(e, new long[0])).isSameAs(e);
    }

    @Test
    void chainingKeepsTheFirstFailureInFront() {
        SQLException first = JdbcErrors.create("08006", "first", null);
        SQLException second = JdbcErrors.create("XX000", "second", null);
        assertThat((Throwable) JdbcErrors.chain(null, first)).isSameAs(first);
        assertThat((Throwable) JdbcErrors.chain(first, second)).isSameAs(first);
        assertThat((Throwable) first.getNextException()).isSameAs(second);
    }
}

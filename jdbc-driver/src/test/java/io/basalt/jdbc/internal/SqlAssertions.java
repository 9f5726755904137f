package io.basalt.jdbc.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.SQLException;
import org.assertj.core.api.AbstractThrowableAssert;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;

/** Assertions on the SQLExceptions the driver throws. */
public final class SqlAssertions {
    private SqlAssertions() {
    }

    /** Asserts that {@code call} throws an SQLException with {@code sqlState}; chain more checks on the result. */
    public static AbstractThrowableAssert<?, ? extends Throwable> assertSqlState(ThrowingCallable call, String sqlState) {
        return assertThatThrownBy(call)
                .isInstanceOf(SQLException.class)
                .satisfies(e -> assertThat(((SQLException) e).getSQLState()).as("SQLState").isEqualTo(sqlState));
    }
}

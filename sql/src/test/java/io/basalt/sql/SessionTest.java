package io.basalt.sql;

import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.basalt.common.error.BasaltException;
import io.basalt.common.error.SqlState;
import io.basalt.sql.session.SqlSession;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * Base of the sql module's SQL tests: a fresh in-memory database and one session per test, and
 * the SQLState of a statement that must fail. A subclass's own {@code @BeforeEach} runs after
 * this one's, so it can create its tables with {@link #session}.
 */
public abstract class SessionTest {
    protected SqlTestbed db;
    protected SqlSession session;

    @BeforeEach
    void openDatabase() {
        db = new SqlTestbed();
        session = db.session();
    }

    @AfterEach
    void closeDatabase() {
        session.close();
        db.close();
    }

    /** The statement's SQLState; the test fails if it does not fail with a BasaltException. */
    protected SqlState error(String sql) {
        BasaltException e = catchThrowableOfType(BasaltException.class, () -> SqlTestbed.update(session, sql));
        if (e == null) {
            throw new AssertionError("expected an error from: " + sql);
        }
        return e.sqlState();
    }
}

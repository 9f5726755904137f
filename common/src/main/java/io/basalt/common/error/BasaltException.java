package io.basalt.common.error;

/**
 * The one unchecked exception that travels inside Basalt. It carries the SQLState the client will
 * see; the JDBC driver converts it, once, into the matching {@link java.sql.SQLException} subclass.
 *
 * <p>Subclasses exist only where a caller must catch them (a retryable transaction failure, a
 * redirect); everything else is distinguished by {@link #sqlState()}. Messages never contain row
 * values (STYLE.md section 7); retryable ones start with "restart transaction:".
 */
public class BasaltException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final SqlState sqlState;

    public BasaltException(SqlState sqlState, String message) {
        super(message);
        this.sqlState = sqlState;
    }

    public BasaltException(SqlState sqlState, String message, Throwable cause) {
        super(message, cause);
        this.sqlState = sqlState;
    }

    public SqlState sqlState() {
        return sqlState;
    }

    /** An internal error: a bug or a violated invariant. The caller must log it once, where it is handled. */
    public static BasaltException internal(String message, Throwable cause) {
        return new BasaltException(SqlState.INTERNAL_ERROR, message, cause);
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + "[" + sqlState.code() + "]: " + getMessage();
    }
}

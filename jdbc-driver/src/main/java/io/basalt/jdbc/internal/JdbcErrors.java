package io.basalt.jdbc.internal;

import io.basalt.common.error.BasaltException;
import io.basalt.common.error.SqlState;
import java.sql.BatchUpdateException;
import java.sql.ClientInfoStatus;
import java.sql.SQLClientInfoException;
import java.sql.SQLDataException;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.SQLIntegrityConstraintViolationException;
import java.sql.SQLInvalidAuthorizationSpecException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLSyntaxErrorException;
import java.sql.SQLTimeoutException;
import java.sql.SQLTransactionRollbackException;
import java.sql.SQLTransientConnectionException;
import java.sql.SQLTransientException;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The only place where the driver creates {@link SQLException}s (STYLE.md section 5: convert once,
 * at the edge; write each message once, as a named factory method).
 *
 * <p>Engine errors arrive as {@link BasaltException}s from every {@code Session}, {@code RowCursor}
 * and {@code PreparedStatementHandle} call; {@link #call} and {@link #run} wrap those calls so that
 * each one leaves the driver as an SQLException with the same SQLState and message, the original
 * kept as the cause. The JDBC subclass is chosen from the SQLState alone ({@link #create}), so an
 * engine error and a driver-side error with the same code look the same to the application.
 *
 * <p>Messages never contain row or parameter values (STYLE.md section 7): a conversion error names
 * the types involved, not the value.
 */
public final class JdbcErrors {
    /**
     * SQLStates the driver raises that the engine never does, so they are not in {@link SqlState}.
     * They are the codes pgjdbc uses in the same situations, so tools that know pgjdbc understand them.
     */
    static final String NO_DATA = "02000";
    static final String INVALID_CURSOR_STATE = "24000";
    /** pgjdbc's "A result was returned when none was expected." (SQL standard: a warning class code). */
    static final String RESULT_WHEN_NONE_EXPECTED = "0100E";

    private JdbcErrors() {
    }

    // ---- The mapping from SQLState to JDBC subclass ------------------------------------------

    /** An SQLException of the subclass that {@code sqlState}'s class calls for (STYLE.md section 5). */
    public static SQLException create(String sqlState, String message, Throwable cause) {
        String sqlClass = sqlState.substring(0, 2);
        switch (sqlClass) {
            case "08":
                return sqlState.equals("08001")
                        ? new SQLTransientConnectionException(message, sqlState, cause)
                        : new SQLNonTransientConnectionException(message, sqlState, cause);
            case "22":
                return new SQLDataException(message, sqlState, cause);
            case "23":
                return new SQLIntegrityConstraintViolationException(message, sqlState, cause);
            case "28":
                return new SQLInvalidAuthorizationSpecException(message, sqlState, cause);
            case "40":
                // 40003: the commit may have happened; a rollback exception would invite a blind retry.
                return sqlState.equals("40003")
                        ? new SQLException(message, sqlState, cause)
                        : new SQLTransactionRollbackException(message, sqlState, cause);
            case "42":
                return new SQLSyntaxErrorException(message, sqlState, cause);
            case "0A":
                return new SQLFeatureNotSupportedException(message, sqlState, cause);
            case "55":
                // 55P03 lock not available (NOWAIT, lock_timeout): the same statement may succeed later.
                return sqlState.equals("55P03")
                        ? new SQLTransientException(message, sqlState, cause)
                        : new SQLException(message, sqlState, cause);
            default:
                return sqlState.equals("57014")
                        ? new SQLTimeoutException(message, sqlState, cause)
                        : new SQLException(message, sqlState, cause);
        }
    }

    static SQLException create(SqlState state, String message) {
        return create(state.code(), message, null);
    }

    /** The engine's error as JDBC sees it: same SQLState, same message, the original as the cause. */
    public static SQLException fromBasalt(BasaltException e) {
        return create(e.sqlState().code(), e.getMessage(), e);
    }

    /**
     * An unchecked exception out of an engine call. The SPI promises {@link BasaltException}s; anything
     * else is an engine bug, reported as XX000 rather than leaking an unchecked exception to JDBC code.
     */
    static SQLException fromEngine(RuntimeException e) {
        if (e instanceof BasaltException basalt) {
            return fromBasalt(basalt);
        }
        return create(SqlState.INTERNAL_ERROR.code(), "internal error in the Basalt engine: " + e, e);
    }

    /** Calls the engine, converting what it throws. */
    static <T> T call(Supplier<T> engineCall) throws SQLException {
        try {
            return engineCall.get();
        } catch (RuntimeException e) {
            throw fromEngine(e);
        }
    }

    /** Calls the engine, converting what it throws. */
    static void run(Runnable engineCall) throws SQLException {
        try {
            engineCall.run();
        } catch (RuntimeException e) {
            throw fromEngine(e);
        }
    }

    /**
     * A batch that stopped: the counts of the statements that completed, and the failure's SQLState.
     * A failure that is already a BatchUpdateException is returned as is.
     */
    static BatchUpdateException batchFailed(SQLException cause, long[] countsSoFar) {
        if (cause instanceof BatchUpdateException batch) {
            return batch;
        }
        return new BatchUpdateException("batch stopped: " + cause.getMessage(), cause.getSQLState(),
                cause.getErrorCode(), countsSoFar, cause);
    }

    /** Chains {@code next} behind {@code first}, for cleanup that must go on after a failure. */
    static SQLException chain(SQLException first, SQLException next) {
        if (first == null) {
            return next;
        }
        first.setNextException(next);
        return first;
    }

    // ---- Connecting ----------------------------------------------------------------------------

    static SQLException noEngine(String url, Throwable brokenProvider) {
        return create(SqlState.SQLCLIENT_UNABLE_TO_ESTABLISH_SQLCONNECTION.code(),
                "no Basalt engine on the class path for " + url
                        + ": embedded URLs jdbc:basalt:mem:/file: need basalt.jar (the server module)",
                brokenProvider);
    }

    static SQLException malformedUrl(String url, String detail) {
        return create(SqlState.INVALID_PARAMETER_VALUE, "malformed Basalt URL " + url + ": " + detail);
    }

    static SQLException noUrlSet() {
        return create(SqlState.SQLCLIENT_UNABLE_TO_ESTABLISH_SQLCONNECTION, "no URL set on the BasaltDataSource");
    }

    static SQLException notABasaltUrl(String url) {
        return create(SqlState.SQLCLIENT_UNABLE_TO_ESTABLISH_SQLCONNECTION,
                "not a Basalt URL (they start with " + ConnectionUrl.PREFIX + "): " + url);
    }

    // ---- Closed objects and wrong states -------------------------------------------------------

    static SQLException connectionClosed() {
        return create(SqlState.CONNECTION_DOES_NOT_EXIST, "This connection has been closed.");
    }

    static SQLException statementClosed() {
        return create(SqlState.OBJECT_NOT_IN_PREREQUISITE_STATE, "This statement has been closed.");
    }

    static SQLException resultSetClosed() {
        return create(SqlState.OBJECT_NOT_IN_PREREQUISITE_STATE, "This ResultSet is closed.");
    }

    static SQLClientInfoException clientInfoOnClosedConnection(Map<String, ClientInfoStatus> failed) {
        return new SQLClientInfoException("This connection has been closed.",
                SqlState.CONNECTION_DOES_NOT_EXIST.code(), 0, failed);
    }

    static SQLException commitInAutoCommit() {
        return create(SqlState.INVALID_TRANSACTION_STATE, "Cannot commit when autoCommit is enabled.");
    }

    static SQLException rollbackInAutoCommit() {
        return create(SqlState.INVALID_TRANSACTION_STATE, "Cannot rollback when autoCommit is enabled.");
    }

    static SQLException noCurrentRow() {
        return create(INVALID_CURSOR_STATE,
                "The ResultSet is not positioned on a row: call next() first, and only while it returns true.",
                null);
    }

    static SQLException forwardOnly() {
        return create(INVALID_CURSOR_STATE,
                "Operation requires a scrollable ResultSet, but this ResultSet is FORWARD_ONLY.", null);
    }

    static SQLException noResults() {
        return create(NO_DATA, "No results were returned by the query.", null);
    }

    static SQLException resultWhenNoneExpected() {
        return create(RESULT_WHEN_NONE_EXPECTED, "A result was returned when none was expected.", null);
    }

    static SQLException queryStringOnPreparedStatement() {
        return create(SqlState.WRONG_OBJECT_TYPE,
                "Can't use query methods that take a query string on a PreparedStatement.");
    }

    // ---- Bad arguments -------------------------------------------------------------------------

    static SQLException invalidArgument(String what) {
        return create(SqlState.INVALID_PARAMETER_VALUE, what);
    }

    static SQLException invalidIsolation(int level) {
        return invalidArgument("not a supported transaction isolation level: " + level
                + " (use TRANSACTION_READ_COMMITTED, TRANSACTION_REPEATABLE_READ or TRANSACTION_SERIALIZABLE)");
    }

    static SQLException columnIndexOutOfRange(int index, int count) {
        return invalidArgument("The column index is out of range: " + index + ", number of columns: " + count + ".");
    }

    static SQLException parameterIndexOutOfRange(int index, int count) {
        return invalidArgument("The parameter index is out of range: " + index
                + ", number of parameters: " + count + ".");
    }

    static SQLException parameterNotSet(int index) {
        return invalidArgument("No value specified for parameter " + index + ".");
    }

    static SQLException unknownColumn(String label) {
        return create(SqlState.UNDEFINED_COLUMN, "The column name " + label + " was not found in this ResultSet.");
    }

    public static SQLException notAWrapperFor(Class<?> iface) {
        return invalidArgument("not a wrapper for " + (iface == null ? "null" : iface.getName()));
    }

    /** A value in a system table that this driver does not know: the engine is newer, or a bug (XX000). */
    static SQLException unknownCatalogValue(String column, String value) {
        return create(SqlState.INTERNAL_ERROR, "the engine's catalog has a " + column + " this driver does not know: "
                + value);
    }

    // ---- Conversions ---------------------------------------------------------------------------

    static SQLException outOfRange(String target) {
        return create(SqlState.NUMERIC_VALUE_OUT_OF_RANGE, "value out of range for " + target);
    }

    static SQLException badText(String target) {
        return create(SqlState.INVALID_TEXT_REPRESENTATION, "invalid text representation for " + target);
    }

    static SQLException badDateTimeText(String target) {
        return create(SqlState.INVALID_DATETIME_FORMAT, "invalid date/time text for " + target);
    }

    /** A getter or target type that the value's type cannot become (JDBC 4.2 tables B-5 and B-6). */
    static SQLException cannotConvert(String from, String to) {
        return create(SqlState.DATA_EXCEPTION, "cannot convert " + from + " to " + to);
    }

    static SQLException unsupportedParameterClass(Class<?> type) {
        return invalidArgument("cannot infer the SQL type of a parameter of class " + type.getName()
                + ": use setObject with an explicit java.sql.Types value, or one of the documented classes");
    }

    static SQLException unreadableStream(Exception cause) {
        return create(SqlState.DATA_EXCEPTION.code(), "could not read the parameter stream: " + cause.getMessage(),
                cause);
    }

    // ---- Not supported -------------------------------------------------------------------------

    static SQLFeatureNotSupportedException notSupported(String feature) {
        return (SQLFeatureNotSupportedException) create(SqlState.FEATURE_NOT_SUPPORTED,
                feature + " is not supported by the Basalt driver");
    }

    static SQLFeatureNotSupportedException notYetSupported(String feature) {
        return (SQLFeatureNotSupportedException) create(SqlState.FEATURE_NOT_SUPPORTED,
                feature + " is not supported by the Basalt driver yet");
    }

    public static SQLFeatureNotSupportedException noParentLogger() {
        return (SQLFeatureNotSupportedException) create(SqlState.FEATURE_NOT_SUPPORTED,
                "the Basalt driver does not log through java.util.logging");
    }

    static SQLFeatureNotSupportedException resultSetOptions(int type, int concurrency) {
        return (SQLFeatureNotSupportedException) create(SqlState.FEATURE_NOT_SUPPORTED,
                "Basalt result sets are TYPE_FORWARD_ONLY and CONCUR_READ_ONLY only (asked for type " + type
                        + ", concurrency " + concurrency + ")");
    }
}

package io.basalt.common.client;

import io.basalt.common.error.BasaltException;
import io.basalt.common.error.SqlState;
import java.util.List;

/**
 * One client's conversation with a Basalt engine: the transaction it is in and its settings.
 *
 * <p>Threading: a session is used by one thread at a time, like a JDBC connection; the caller
 * serialises calls. {@link #close()} may be called from any thread and is idempotent.
 *
 * <p>Transactions follow PostgreSQL: in auto-commit mode every statement runs in a transaction
 * of its own; otherwise the first statement begins a transaction that lasts until {@link #commit()}
 * or {@link #rollback()}. After an error inside a transaction every further statement fails with
 * 25P02 until the transaction is rolled back.
 */
public interface Session extends AutoCloseable {

    /** Parses and plans {@code sql} once, so that it can be executed many times with parameters. */
    PreparedStatementHandle prepare(String sql);

    /** Executes a statement without parameters. */
    StatementResult execute(String sql);

    /**
     * Executes a statement without parameters, reading rows {@code fetchSize} per round trip (0: the
     * engine's default). An embedded engine ignores it.
     */
    default StatementResult execute(String sql, int fetchSize) {
        return execute(sql);
    }

    /**
     * Executes a prepared statement.
     *
     * @param parameters one value per {@code ?}, in order (see the package documentation for types)
     * @param fetchSize how many rows the caller wants per round trip, 0 for the engine's default;
     *     an embedded engine may ignore it
     */
    StatementResult execute(PreparedStatementHandle statement, List<Object> parameters, int fetchSize);

    /**
     * Executes a prepared DML statement once per parameter set and returns the update counts in
     * order. In auto-commit mode the whole batch is one transaction: it applies entirely or not at all.
     */
    long[] executeBatch(PreparedStatementHandle statement, List<List<Object>> parameterSets);

    /**
     * Executes SQL statements that return no rows (DML, DDL) in order, as JDBC's
     * {@code Statement.executeBatch}, and returns their update counts. In auto-commit mode the
     * batch runs as one transaction: it applies entirely or not at all. A statement that returns
     * rows fails the batch.
     */
    long[] executeBatch(List<String> statements);

    boolean autoCommit();

    /** Switching auto-commit on commits the open transaction, as JDBC requires. */
    void setAutoCommit(boolean autoCommit);

    /**
     * Commits the open transaction, if any. If the transaction had failed, it is rolled back
     * instead and the call throws 25P02 (PostgreSQL reports ROLLBACK; JDBC callers need an error).
     */
    void commit();

    /** Rolls back the open transaction, if any. */
    void rollback();

    /** Whether a transaction is open (begun explicitly or by a statement outside auto-commit). */
    boolean inTransaction();

    TransactionIsolation isolation();

    /** Sets the isolation level of transactions that begin after this call. */
    void setIsolation(TransactionIsolation isolation);

    boolean readOnly();

    void setReadOnly(boolean readOnly);

    /** Whether the session can still execute statements (cheap: no round trip for embedded). */
    boolean isValid();

    /**
     * As {@link #isValid()}, giving up (false) after {@code timeoutMillis} (0: no limit). A remote
     * session that gets no answer in time is closed: it can no longer tell which answer is whose.
     */
    default boolean isValid(int timeoutMillis) {
        return isValid();
    }

    /** Why a statement is cancelled: chooses the message of its 57014 error. */
    enum CancelReason {
        USER_REQUEST("user request"),
        STATEMENT_TIMEOUT("statement timeout");

        private final String text;

        CancelReason(String text) {
            this.text = text;
        }

        /** PostgreSQL's message: "canceling statement due to user request" / "... statement timeout". */
        public String message() {
            return "canceling statement due to " + text;
        }
    }

    /**
     * Cancels the statement this session is running now, if any, from any thread (JDBC's
     * {@code Statement.cancel}). The statement fails with 57014; its transaction then behaves as after
     * any error (an explicit one refuses statements with 25P02 until rolled back; an auto-commit
     * statement is rolled back). A cancel that finds no statement running does nothing, and one that
     * races with the statement's end may arrive too late: as in PostgreSQL, it is a request.
     */
    default void cancel(CancelReason reason) {
        throw new BasaltException(SqlState.FEATURE_NOT_SUPPORTED, "this session cannot cancel statements");
    }

    /**
     * How long a remote session waits for an answer before it declares the connection dead and
     * closes it (08006); 0 waits for ever. Embedded sessions have no network and ignore it.
     */
    default void setNetworkTimeout(int millis) {
    }

    boolean isClosed();

    /** Rolls back any open transaction and releases the session. Idempotent. */
    @Override
    void close();
}

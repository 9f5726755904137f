package io.basalt.sql.session;

import java.util.concurrent.TimeUnit;
import io.basalt.common.client.ColumnMetadata;
import io.basalt.common.client.ParameterMetadata;
import io.basalt.common.client.PreparedStatementHandle;
import io.basalt.common.client.Session;
import io.basalt.common.client.StatementResult;
import io.basalt.common.client.TransactionIsolation;
import io.basalt.common.error.BasaltException;
import io.basalt.common.error.SqlState;
import io.basalt.sql.SqlEngine;
import io.basalt.sql.catalog.Catalog;
import io.basalt.sql.exec.ExecutionContext;
import io.basalt.common.client.RowCursor;
import io.basalt.sql.exec.GeneratedKeys;
import io.basalt.sql.plan.QueryPlanner;
import io.basalt.sql.plan.CompiledStatement;
import io.basalt.sql.plan.PlannedStatement;
import io.basalt.txn.Cancellation;
import io.basalt.txn.IsolationLevel;
import io.basalt.txn.LockStrength;
import io.basalt.txn.StatementRetryException;
import io.basalt.txn.Transaction;
import io.basalt.txn.TransactionRetryException;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.apache.calcite.linq4j.Enumerator;
import org.apache.calcite.sql.SqlNode;

/**
 * One client's session: statement lifecycle, transaction binding and error translation
 * (PostgreSQL's semantics, see {@link Session}).
 *
 * <p>Transactions: in auto-commit mode a statement runs in a transaction of its own ("implicit");
 * {@code BEGIN} or auto-commit off opens an explicit one, begun lazily at its first statement so
 * that its snapshot is taken then, as in PostgreSQL. An error inside an explicit transaction rolls
 * the KV transaction back at once (releasing its locks) and leaves the session <em>failed</em>:
 * statements get 25P02 until ROLLBACK. An implicit DML statement that hits a serialization
 * failure is retried transparently (no result has reached the client yet), as CockroachDB does.
 *
 * <p>DDL runs in its own catalog transaction. It is refused (25001) inside an explicit
 * transaction that has already done work, since it could not be rolled back with it. A query
 * of the system catalog alone ({@code BASALT_CATALOG}) is not such work: it runs in a
 * transaction of its own, even inside an explicit one.
 *
 * <p>Threading: one caller at a time, except {@link #close()}.
 */
public final class SqlSession implements Session {
    /**
     * An auto-commit statement that keeps losing write conflicts gives up after this many runs.
     * Generous, because the client cannot tell the difference between this and success-after-
     * waiting: eight sessions incrementing one counter lose a few rounds each.
     */
    private static final int IMPLICIT_RETRIES = 100;
    /** A statement that keeps meeting newer rows gives up after this many runs (40001). */
    private static final int STATEMENT_RETRIES = 100;

    private final SqlEngine engine;
    /**
     * The age ({@link Transaction#priority}) of this session's last transaction that aborted
     * retryably, kept by the next ones until one commits; {@code Long.MAX_VALUE}: none.
     */
    private long retryPriority = Long.MAX_VALUE;
    private final UtilityExecutor utilities;
    private final SessionSettings settings = new SessionSettings();
    /** The EXPLAIN ANALYZE running now, or null (ordinary statements measure nothing). */
    private ExplainAnalyzeReport analyzing;
    /** Filled by the DML statement running now; read once by {@link #dmlResult}. */
    private GeneratedKeys lastGeneratedKeys;
    /** SERIALIZABLE by default, as ARCHITECTURE.md section 3 says (SSI unless {@code serializable = '2pl'}). */
    private TransactionIsolation isolation = TransactionIsolation.SERIALIZABLE;
    private boolean autoCommit = true;
    private boolean readOnly;
    /** Who CURRENT_USER names: the authenticated user of a remote session, the URL's of an embedded one. */
    private String user = ExecutionContext.DEFAULT_USER;
    /** BEGIN ... / SET TRANSACTION modes of the current transaction only; null: the session's. */
    private TransactionIsolation transactionIsolation;
    private Boolean transactionReadOnly;
    /** BEGIN was issued while in auto-commit mode. */
    private boolean block;
    /** The explicit transaction, once its first statement ran. */
    private Transaction txn;
    private boolean failed;
    private volatile boolean closed;
    /**
     * The cancel flag of the statement running now (or that ran last): replaced, never reset, at each
     * statement's start, so that a {@link #cancel} from another thread reaches the statement it saw
     * and never a later one. Written by the session's thread, read by the cancelling one.
     */
    private volatile Cancellation running = Cancellation.NONE;

    public SqlSession(SqlEngine engine) {
        this.engine = engine;
        this.utilities = new UtilityExecutor(this, engine, settings);
    }

    // ---- Session SPI -------------------------------------------------------------------------

    @Override
    public PreparedStatementHandle prepare(String sql) {
        ensureOpen();
        PlannedStatement planned = plan(sql);
        if (planned instanceof PlannedStatement.Compiled compiled) {
            return new Handle(sql, compiled.statement().parameters(), compiled.statement().columns(),
                    compiled.statement().isQuery());
        }
        if (planned instanceof PlannedStatement.Explain || planned instanceof PlannedStatement.ExplainAnalyze) {
            return new Handle(sql, List.of(), UtilityExecutor.PLAN_COLUMNS, true);
        }
        SqlNode node = ((PlannedStatement.Utility) planned).node();
        return new Handle(sql, List.of(), utilities.columnsOf(node), utilities.returnsRows(node));
    }

    @Override
    public StatementResult execute(String sql) {
        return execute(sql, List.of());
    }

    @Override
    public StatementResult execute(PreparedStatementHandle statement, List<Object> parameters, int fetchSize) {
        if (statement instanceof Handle handle && handle.closed) {
            throw new BasaltException(SqlState.OBJECT_NOT_IN_PREREQUISITE_STATE, "the prepared statement is closed");
        }
        return execute(statement.sql(), parameters);
    }

    private StatementResult execute(String sql, List<Object> parameters) {
        ensureOpen();
        running = new Cancellation();
        PlannedStatement planned = plan(sql);
        if (planned instanceof PlannedStatement.Compiled compiled) {
            return run(compiled.statement(), parameters);
        }
        if (planned instanceof PlannedStatement.Explain explain) {
            return StatementResult.rows(UtilityExecutor.planRows(explain.statement()));
        }
        if (planned instanceof PlannedStatement.ExplainAnalyze analyze) {
            return StatementResult.rows(explainAnalyze(analyze, parameters));
        }
        SqlNode node = ((PlannedStatement.Utility) planned).node();
        try {
            return utilities.execute(node);
        } catch (RuntimeException e) {
            if (inExplicitTransaction() && !failed && !UtilityExecutor.endsTransaction(node)) {
                throw failTransaction(e);
            }
            throw translate(e);
        }
    }

    @Override
    public long[] executeBatch(PreparedStatementHandle statement, List<List<Object>> parameterSets) {
        ensureOpen();
        PlannedStatement planned = plan(statement.sql());
        if (!(planned instanceof PlannedStatement.Compiled compiled) || compiled.statement().isQuery()) {
            throw new BasaltException(SqlState.INVALID_PARAMETER_VALUE,
                    "only INSERT, UPDATE and DELETE can run as a batch");
        }
        CompiledStatement dml = compiled.statement();
        checkWritable();
        running = new Cancellation();
        if (inExplicitTransaction()) {
            Transaction current = explicitTransaction();
            try {
                long[] counts = new long[parameterSets.size()];
                for (int i = 0; i < counts.length; i++) {
                    List<Object> parameters = parameterSets.get(i);
                    counts[i] = withStatementRetries(current, () -> runDml(dml, parameters, current));
                }
                return counts;
            } catch (RuntimeException e) {
                throw failTransaction(e);
            }
        }
        return withImplicitRetries(implicit -> {
            long[] counts = new long[parameterSets.size()];
            for (int i = 0; i < counts.length; i++) {
                List<Object> parameters = parameterSets.get(i);
                counts[i] = withStatementRetries(implicit, () -> runDml(dml, parameters, implicit));
            }
            return counts;
        });
    }

    @Override
    public long[] executeBatch(List<String> statements) {
        ensureOpen();
        boolean implicit = !inExplicitTransaction();
        if (implicit) {
            beginBlock(); // the whole batch is one transaction
        }
        try {
            long[] counts = new long[statements.size()];
            for (int i = 0; i < counts.length; i++) {
                StatementResult result = execute(statements.get(i));
                if (result.hasRows()) {
                    result.rowCursor().close();
                    throw new BasaltException(SqlState.RESULT_RETURNED_WHEN_NONE_EXPECTED,
                            "a batch statement returned rows: " + statements.get(i));
                }
                counts[i] = result.updateCount();
            }
            if (implicit) {
                commit();
            }
            return counts;
        } catch (RuntimeException e) {
            if (implicit) {
                rollback();
            } else if (!failed) {
                failTransaction(e);
            }
            throw translate(e);
        }
    }

    @Override
    public boolean autoCommit() {
        return autoCommit;
    }

    @Override
    public void setAutoCommit(boolean autoCommit) {
        ensureOpen();
        if (autoCommit && !this.autoCommit && inTransaction()) {
            commit();
        }
        this.autoCommit = autoCommit;
    }

    @Override
    public void commit() {
        ensureOpen();
        endTransactionModes();
        if (failed) {
            failed = false;
            throw new BasaltException(SqlState.IN_FAILED_SQL_TRANSACTION,
                    "current transaction is aborted; it has been rolled back instead of committed");
        }
        Transaction current = txn;
        txn = null;
        if (current != null) {
            try {
                current.commit();
                retryPriority = Long.MAX_VALUE;
            } catch (RuntimeException e) {
                abortedRetryably(current, e);
                current.rollback();
                throw translate(e);
            }
        }
    }

    @Override
    public void rollback() {
        ensureOpen();
        endTransactionModes();
        failed = false;
        Transaction current = txn;
        txn = null;
        if (current != null) {
            current.rollback();
        }
    }

    @Override
    public boolean inTransaction() {
        return txn != null || failed || block;
    }

    /** The isolation of the current transaction (its own SET TRANSACTION level if any), as PostgreSQL shows it. */
    @Override
    public TransactionIsolation isolation() {
        return effectiveIsolation();
    }

    /** Sets the user that CURRENT_USER and SESSION_USER return, as the connection named it. */
    public void setUser(String user) {
        this.user = user == null || user.isBlank() ? ExecutionContext.DEFAULT_USER : user;
    }

    @Override
    public void setIsolation(TransactionIsolation isolation) {
        ensureOpen();
        this.isolation = isolation;
    }

    @Override
    public boolean readOnly() {
        return readOnly;
    }

    @Override
    public void setReadOnly(boolean readOnly) {
        ensureOpen();
        this.readOnly = readOnly;
    }

    @Override
    public boolean isValid() {
        return !closed;
    }

    /**
     * Sets the running statement's cancel flag; its thread notices it at the next row, scan page or
     * lock wait (see {@link Cancellation}) and the usual error handling of the statement applies.
     */
    @Override
    public void cancel(CancelReason reason) {
        running.cancel(new BasaltException(SqlState.QUERY_CANCELED, reason.message()));
    }

    @Override
    public boolean isClosed() {
        return closed;
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        Transaction current = txn;
        txn = null;
        if (current != null) {
            current.rollback();
        }
    }

    // ---- transaction binding ------------------------------------------------------------------

    private void endTransactionModes() {
        block = false;
        transactionIsolation = null;
        transactionReadOnly = null;
    }

    /** Called by {@link UtilityExecutor} for modes that apply to the current transaction only. */
    void setTransactionModes(TransactionIsolation isolation, Boolean readOnly) {
        if (isolation != null) {
            transactionIsolation = isolation;
        }
        if (readOnly != null) {
            transactionReadOnly = readOnly;
        }
    }

    /** The isolation of the transaction a statement runs in now (SHOW TRANSACTION ISOLATION LEVEL). */
    TransactionIsolation effectiveIsolation() {
        return transactionIsolation != null && inExplicitTransaction() ? transactionIsolation : isolation;
    }

    boolean effectiveReadOnly() {
        return transactionReadOnly != null && inExplicitTransaction() ? transactionReadOnly : readOnly;
    }

    /** Called by {@link UtilityExecutor} for BEGIN / START TRANSACTION. */
    void beginBlock() {
        if (!autoCommit) {
            return; // already in a transaction that the next statement begins
        }
        block = true;
    }

    /** Whether a statement now runs inside an explicit transaction. */
    boolean inExplicitTransaction() {
        return block || !autoCommit;
    }

    /** Whether the explicit transaction has already done work (so its settings can no longer change). */
    boolean transactionStarted() {
        return txn != null || failed;
    }

    private Transaction explicitTransaction() {
        if (failed) {
            throw new BasaltException(SqlState.IN_FAILED_SQL_TRANSACTION,
                    "current transaction is aborted, commands ignored until end of transaction block");
        }
        if (txn == null) {
            txn = beginTransaction();
        }
        return txn;
    }

    private StatementResult run(CompiledStatement statement, List<Object> parameters) {
        if (!statement.isQuery() || statement.rowLock() != null) {
            checkWritable();
        }
        // A query of the system catalog alone runs in a transaction of its own even inside an
        // explicit one: it reads nothing the transaction protects (the catalog is not versioned
        // with it), and it must not begin the transaction, or a tool that reads DatabaseMetaData
        // before its DDL would meet 25001. A failed transaction still refuses it (25P02).
        boolean ownTransaction = statement.readsCatalogOnly() && !failed;
        if (inExplicitTransaction() && !ownTransaction) {
            Transaction current = explicitTransaction();
            try {
                if (statement.isQuery()) {
                    return StatementResult.rows(withStatementRetries(current,
                            () -> query(statement, parameters, current, false)));
                }
                return dmlResult(withStatementRetries(current, () -> runDml(statement, parameters, current)));
            } catch (RuntimeException e) {
                throw failTransaction(e);
            }
        }
        if (statement.isQuery()) {
            Transaction implicit = beginTransaction();
            try {
                // A locking read that met a newer row runs again at a newer snapshot, keeping that row's lock.
                return StatementResult.rows(withStatementRetries(implicit, () -> query(statement, parameters, implicit, true)));
            } catch (RuntimeException e) {
                abortedRetryably(implicit, e);
                // Unconditionally: a failed transaction is no longer active but still registered
                // (and may hold locks) until it is rolled back.
                implicit.rollback();
                throw translate(e);
            }
        }
        // The implicit transaction's only statement commits inside the statement retry loop: a
        // commit whose writes meet a newer row restarts the statement, as a flush would.
        return dmlResult(withImplicitRetries(
                implicit -> withStatementRetries(implicit, () -> runDml(statement, parameters, implicit, true))));
    }

    /**
     * EXPLAIN ANALYZE: runs the statement for real (a DML statement's changes stay, as in
     * PostgreSQL), reading every row, and returns its plan with each operator's actual rows and
     * time (its inputs included), then the totals: time, KV requests and partitions touched.
     */
    private RowCursor explainAnalyze(PlannedStatement.ExplainAnalyze analyze, List<Object> parameters) {
        QueryPlanner.Instrumented instrumented = engine.planner().compileInstrumented(analyze.statement(),
                engine.catalog().current());
        ExplainAnalyzeReport report = new ExplainAnalyzeReport(instrumented);
        analyzing = report;
        try {
            long start = System.nanoTime();
            long produced;
            StatementResult result = run(instrumented.statement(), parameters);
            if (result.hasRows()) {
                produced = 0;
                try (RowCursor rows = result.rowCursor()) {
                    while (rows.next() != null) {
                        produced++;
                    }
                }
            } else {
                produced = result.updateCount();
            }
            return report.print(produced, (System.nanoTime() - start) / 1_000_000.0, engine.partitionCount());
        } finally {
            analyzing = null;
        }
    }

    /** Lets an EXPLAIN ANALYZE in progress see the transaction its statement runs in. */
    private void noteStatementTransaction(Transaction in) {
        if (analyzing != null) {
            analyzing.started(in);
        }
    }

    /** The count, with the identity values the last (successful) run of the statement generated, if any. */
    private StatementResult dmlResult(long count) {
        GeneratedKeys keys = lastGeneratedKeys;
        lastGeneratedKeys = null;
        if (keys == null || keys.isEmpty()) {
            return StatementResult.updateCount(count);
        }
        return StatementResult.updateCount(count, new ListCursor(keys.columns(), keys.rows()));
    }

    /** Starts a statement in {@code txn}: its sequence number, its snapshot at READ COMMITTED, the session's lock timeout. */
    private void startStatement(Transaction txn) {
        txn.beginStatement();
        txn.setLockTimeout(settings.lockTimeoutMillis());
        txn.setCancellation(running);
    }

    /**
     * Runs one statement, running it again (after undoing it) when a write met a row changed after
     * the statement's snapshot and the transaction may move on to a newer one (read committed, or
     * the transaction's first statement; see {@link StatementRetryException}).
     */
    private <T> T withStatementRetries(Transaction txn, java.util.function.Supplier<T> statement) {
        for (int attempt = 1; ; attempt++) {
            startStatement(txn);
            try {
                return statement.get();
            } catch (StatementRetryException e) {
                if (attempt >= STATEMENT_RETRIES) {
                    throw e;
                }
                txn.rollbackStatement();
            }
        }
    }

    private QueryCursor query(CompiledStatement statement, List<Object> parameters, Transaction in, boolean implicit) {
        noteStatementTransaction(in);
        Enumerator<Object> rows = statement.open(parameters,
                new ExecutionContext(in, engine.partitionCount(), statement.rowLock(), statement.noWait(),
                        engine.catalog().current(), engine.transactions(), engine.sequences(), null, user));
        return new QueryCursor(statement, rows, new QueryCursor.Listener() {
            @Override
            public void finished() {
                if (implicit && in.isActive()) {
                    in.commit();
                }
            }

            @Override
            public RuntimeException failed(RuntimeException error) {
                if (error instanceof StatementRetryException retry) {
                    return retry; // the statement runs again; the transaction goes on
                }
                if (implicit) {
                    in.rollback();
                    return translate(error);
                }
                return in == txn ? failTransaction(error) : translate(error);
            }
        });
    }

    private long runDml(CompiledStatement statement, List<Object> parameters, Transaction in) {
        return runDml(statement, parameters, in, false);
    }

    /**
     * Runs a DML statement and sends its writes. With {@code commit} the statement is its implicit
     * transaction's only one and ends it: the writes go out with the commit, which (when they all
     * land on one partition) is one synced batch instead of intents plus a commit.
     *
     * <p>{@link StaleColumns} then runs before the writes instead of after them. That is still
     * enough: if no row layout changed by then, a writer with a new layout can only commit to
     * these rows after this statement's snapshot, and the commit finds that newer version and
     * takes the intent path, which restarts the statement or fails it (40001) exactly as after a
     * flush; under two-phase locking the rows this statement read are locked until it ends.
     */
    private long runDml(CompiledStatement statement, List<Object> parameters, Transaction in, boolean commit) {
        long count;
        GeneratedKeys keys = new GeneratedKeys();
        lastGeneratedKeys = keys; // each attempt starts afresh: a retried statement reports its last run
        noteStatementTransaction(in);
        // Under two-phase locking a DML statement locks the rows it reads by key exclusively at
        // once, as SELECT ... FOR UPDATE does: taking a shared lock and upgrading it would make
        // two UPDATEs of one row deadlock every time (SQL Server's update locks serve the same end).
        LockStrength rowLock = in.isolation() == IsolationLevel.SERIALIZABLE_2PL ? LockStrength.UPDATE : null;
        Catalog started = engine.catalog().current();
        try (Enumerator<Object> result = statement.open(parameters,
                new ExecutionContext(in, engine.partitionCount(), rowLock, false, started,
                        engine.transactions(), engine.sequences(), keys, user))) {
            result.moveNext();
            count = ((Number) result.current()).longValue();
        }
        if (commit) {
            StaleColumns.check(started, engine.catalog().current());
            in.commit();
            return count;
        }
        in.flush();
        StaleColumns.check(started, engine.catalog().current());
        return count;
    }

    private interface TransactionalWork<T> {
        T run(Transaction txn);
    }

    /** Runs {@code work} in implicit transactions until one commits, retrying serialization failures. */
    private <T> T withImplicitRetries(TransactionalWork<T> work) {
        for (int attempt = 1; ; attempt++) {
            Transaction implicit = beginTransaction();
            try {
                T result = work.run(implicit);
                if (implicit.isActive()) { // a single DML statement commits it itself (runDml)
                    implicit.commit();
                }
                retryPriority = Long.MAX_VALUE;
                return result;
            } catch (TransactionRetryException e) {
                abortedRetryably(implicit, e);
                implicit.rollback();
                if (attempt >= IMPLICIT_RETRIES) {
                    throw e;
                }
                backOff(attempt);
            } catch (RuntimeException e) {
                implicit.rollback();
                throw translate(e);
            }
        }
    }

    /** Begins a transaction at the session's level; after a retryable abort it keeps the aborted one's age. */
    private Transaction beginTransaction() {
        return engine.transactions().beginRetry(UtilityExecutor.toTxnLevel(effectiveIsolation(), settings), retryPriority);
    }

    /**
     * {@code aborted} ended with a serialization failure or as a deadlock victim: the client (or
     * the engine, for an implicit statement) will run it again, and the retry should not be the
     * youngest on the next deadlock cycle again and again.
     */
    private void abortedRetryably(Transaction aborted, RuntimeException error) {
        if (error instanceof TransactionRetryException) {
            retryPriority = Math.min(retryPriority, aborted.priority());
        }
    }

    /** Jittered exponential back-off, at most about 20 ms, so retrying writers spread out. */
    private static void backOff(int attempt) {
        long maxMicros = Math.min(20_000, 500L << Math.min(attempt, 10));
        try {
            TimeUnit.MICROSECONDS.sleep(ThreadLocalRandom.current().nextLong(maxMicros));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BasaltException(SqlState.QUERY_CANCELED, "interrupted while retrying the statement");
        }
    }

    /** An error inside the explicit transaction: roll it back now, refuse statements until ROLLBACK. */
    private BasaltException failTransaction(RuntimeException error) {
        BasaltException translated = translate(error);
        Transaction current = txn;
        txn = null;
        failed = true;
        if (current != null) {
            abortedRetryably(current, error);
            current.rollback();
        }
        return translated;
    }

    private void checkWritable() {
        if (effectiveReadOnly()) {
            throw new BasaltException(SqlState.READ_ONLY_SQL_TRANSACTION,
                    "cannot execute a write in a read-only transaction");
        }
    }

    private PlannedStatement plan(String sql) {
        try {
            return engine.plans().get(sql, engine.catalog().current());
        } catch (RuntimeException e) {
            BasaltException translated = translate(e);
            if (inExplicitTransaction()) {
                failTransaction(translated);
            }
            throw translated;
        }
    }

    BasaltException translate(Throwable error) {
        return ErrorTranslator.translate(error, engine.catalog().current());
    }

    private void ensureOpen() {
        if (closed) {
            throw new BasaltException(SqlState.CONNECTION_DOES_NOT_EXIST, "the session is closed");
        }
    }

    /** A prepared statement: the SQL and what it looks like; the plan itself lives in the shared cache. */
    private static final class Handle implements PreparedStatementHandle {
        private final String sql;
        private final List<ParameterMetadata> parameters;
        private final List<ColumnMetadata> columns;
        private final boolean query;
        private volatile boolean closed;

        Handle(String sql, List<ParameterMetadata> parameters, List<ColumnMetadata> columns, boolean query) {
            this.sql = sql;
            this.parameters = parameters;
            this.columns = columns;
            this.query = query;
        }

        @Override
        public String sql() {
            return sql;
        }

        @Override
        public List<ParameterMetadata> parameters() {
            return parameters;
        }

        @Override
        public List<ColumnMetadata> columns() {
            return columns;
        }

        @Override
        public boolean isQuery() {
            return query;
        }

        @Override
        public void close() {
            closed = true;
        }
    }
}

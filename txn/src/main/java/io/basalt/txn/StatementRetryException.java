package io.basalt.txn;

import io.basalt.common.error.SqlState;

/**
 * A statement wrote a row that another transaction had changed after the statement's snapshot, so
 * the values it computed may be stale: the statement must be undone and run again at a newer
 * snapshot. The transaction keeps an exclusive lock on that row meanwhile, so the second run finds
 * it unchanged. Thrown at READ COMMITTED (where PostgreSQL re-checks the row instead, EvalPlanQual)
 * and for the first statement of a snapshot or SSI transaction (CockroachDB's automatic retry of a
 * transaction that has not yet returned results). Sessions catch it and retry the statement; if it
 * ever reaches a client it is an ordinary 40001.
 */
public final class StatementRetryException extends TransactionRetryException {
    private static final long serialVersionUID = 1L;

    public StatementRetryException(long txnId, long newerCommitTs) {
        super(SqlState.SERIALIZATION_FAILURE, "a row changed after the statement's snapshot [txnId=" + txnId
                + ", newerCommitTs=" + newerCommitTs + "]");
    }
}

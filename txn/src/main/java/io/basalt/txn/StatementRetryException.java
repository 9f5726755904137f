package io.basalt.txn;

import io.basalt.common.error.SqlState;

/**
 * A READ COMMITTED statement wrote a row that another transaction had changed after the
 * statement's snapshot, so the values it computed may be stale: the statement must be undone and
 * run again at a newer snapshot (what PostgreSQL does by re-checking the row, EvalPlanQual).
 * Sessions catch it and retry the statement; if it ever reaches a client it is an ordinary 40001.
 */
public final class StatementRetryException extends TransactionRetryException {
    private static final long serialVersionUID = 1L;

    public StatementRetryException(long txnId, long newerCommitTs) {
        super(SqlState.SERIALIZATION_FAILURE, "a row changed after the statement's snapshot [txnId=" + txnId
                + ", newerCommitTs=" + newerCommitTs + "]");
    }
}

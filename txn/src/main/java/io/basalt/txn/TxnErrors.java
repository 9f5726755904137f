package io.basalt.txn;

import io.basalt.common.error.BasaltException;
import io.basalt.common.error.SqlState;

/** The messages of the transaction layer, written once (STYLE.md section 5). */
public final class TxnErrors {
    private TxnErrors() {
    }

    public static TransactionRetryException writeTooOld(long txnId, long newerCommitTs) {
        return new TransactionRetryException(SqlState.SERIALIZATION_FAILURE,
                "write conflict: a concurrent transaction committed a newer version of the row "
                        + "[txnId=" + txnId + ", conflictingCommitTs=" + newerCommitTs + "]");
    }

    public static TransactionRetryException deadlockVictim(long txnId) {
        return new TransactionRetryException(SqlState.DEADLOCK_DETECTED,
                "deadlock detected: this transaction was chosen as the victim [txnId=" + txnId + "]");
    }

    public static TransactionRetryException dangerousStructure(long txnId) {
        return new TransactionRetryException(SqlState.SERIALIZATION_FAILURE,
                "could not serialize access due to read/write dependencies among transactions [txnId=" + txnId + "]");
    }

    public static BasaltException lockNotAvailable(long txnId, long holderTxnId) {
        return new BasaltException(SqlState.LOCK_NOT_AVAILABLE,
                "could not obtain lock on row: another transaction holds it [txnId=" + txnId + ", holderTxnId="
                        + holderTxnId + "]");
    }

    public static TransactionRetryException abortedByOther(long txnId) {
        return new TransactionRetryException(SqlState.SERIALIZATION_FAILURE,
                "the transaction was aborted by a concurrent transaction [txnId=" + txnId + "]");
    }

    public static BasaltException lockTimeout(long txnId, long holderTxnId, long waitedMillis) {
        return new BasaltException(SqlState.LOCK_NOT_AVAILABLE,
                "lock wait timed out after " + waitedMillis + " ms [txnId=" + txnId + ", holderTxnId=" + holderTxnId + "]");
    }

    public static BasaltException notActive(long txnId, String state) {
        return new BasaltException(SqlState.INVALID_TRANSACTION_STATE,
                "the transaction is " + state + " [txnId=" + txnId + "]");
    }

    public static BasaltException interrupted(long txnId) {
        return new BasaltException(SqlState.QUERY_CANCELED, "interrupted while waiting [txnId=" + txnId + "]");
    }
}

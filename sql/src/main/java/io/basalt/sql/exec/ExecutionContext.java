package io.basalt.sql.exec;

import io.basalt.txn.Transaction;

/**
 * What running operators need from the session that runs them: the transaction to read and write
 * in. Found in the statement's {@code DataContext} under {@link #KEY}.
 */
public record ExecutionContext(Transaction transaction, int partitionCount) {
    public static final String KEY = "basalt.execution";
}

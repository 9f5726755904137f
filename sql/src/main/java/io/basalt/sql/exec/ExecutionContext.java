package io.basalt.sql.exec;

import io.basalt.sql.catalog.Catalog;
import io.basalt.sql.sequence.SequenceAllocator;
import io.basalt.txn.LockStrength;
import io.basalt.txn.Transaction;
import io.basalt.txn.TransactionManager;

/**
 * What running operators need from the session that runs them: the transaction to read and write
 * in, and for {@code SELECT ... FOR UPDATE / FOR SHARE} the row lock to take on what they read.
 * Found in the statement's {@code DataContext} under {@link #KEY}.
 *
 * @param rowLock the lock to take on every row a scan returns, or null
 * @param noWait fail at once (55P03) instead of waiting for a row lock
 * @param catalog the catalog current when the statement started (after its transaction began):
 *     writers maintain the indexes it names, which may be newer than the plan's
 * @param transactions for reads outside the statement's transaction, at the latest snapshot
 *     (foreign-key checks at READ COMMITTED and SNAPSHOT, see {@code RowWrites})
 * @param sequences where {@code NEXT VALUE FOR} takes its values
 * @param generatedKeys where an INSERT records the identity values it generated, or null
 * @param user the session's user, what {@code CURRENT_USER} and {@code SESSION_USER} return
 */
public record ExecutionContext(Transaction transaction, int partitionCount, LockStrength rowLock, boolean noWait,
                               Catalog catalog, TransactionManager transactions, SequenceAllocator sequences,
                               GeneratedKeys generatedKeys, String user) {
    public static final String KEY = "basalt.execution";
    /** The user of an embedded session that named none (PostgreSQL's would be the OS user's role). */
    public static final String DEFAULT_USER = "basalt";

    public ExecutionContext(Transaction transaction, int partitionCount) {
        this(transaction, partitionCount, null, false, null, null, null, null, DEFAULT_USER);
    }
}

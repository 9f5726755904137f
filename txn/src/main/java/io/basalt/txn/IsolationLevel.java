package io.basalt.txn;

import io.basalt.txn.participant.TxnMeta;

/**
 * The isolation levels of ARCHITECTURE.md section 3 and how each one reads and writes.
 *
 * <pre>
 *   level             snapshot         newer committed version on write   reads lock   SSI tracking
 *   READ_COMMITTED    per statement    restart the statement              no           no
 *   SNAPSHOT          per transaction  40001 (first-updater-wins) *       no           no
 *   SERIALIZABLE_SSI  per transaction  40001 *                            no           yes
 *   SERIALIZABLE_2PL  latest, locked   allowed (reads hold locks)         shared/range no
 * </pre>
 * (*) except in the transaction's first statement, which restarts at a newer snapshot instead:
 * nothing it read has reached the client yet (see {@link StatementRetryException}).
 */
public enum IsolationLevel {
    READ_COMMITTED(true, TxnMeta.NewerVersionPolicy.RETRY_STATEMENT, false, false),
    SNAPSHOT(false, TxnMeta.NewerVersionPolicy.FAIL_TRANSACTION, false, false),
    SERIALIZABLE_SSI(false, TxnMeta.NewerVersionPolicy.FAIL_TRANSACTION, false, true),
    SERIALIZABLE_2PL(false, TxnMeta.NewerVersionPolicy.ALLOW, true, false);

    private final boolean snapshotPerStatement;
    private final TxnMeta.NewerVersionPolicy newerVersions;
    private final boolean lockingReads;
    private final boolean ssi;

    IsolationLevel(boolean snapshotPerStatement, TxnMeta.NewerVersionPolicy newerVersions, boolean lockingReads,
                   boolean ssi) {
        this.snapshotPerStatement = snapshotPerStatement;
        this.newerVersions = newerVersions;
        this.lockingReads = lockingReads;
        this.ssi = ssi;
    }

    /** Whether each statement reads a fresh snapshot (read committed). */
    public boolean snapshotPerStatement() {
        return snapshotPerStatement;
    }

    public TxnMeta.NewerVersionPolicy newerVersions() {
        return newerVersions;
    }

    /** Whether reads take shared locks and read the latest versions (two-phase locking). */
    public boolean lockingReads() {
        return lockingReads;
    }

    /** Whether reads leave SSI markers and rw-antidependencies are tracked. */
    public boolean ssi() {
        return ssi;
    }
}

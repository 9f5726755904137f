package io.basalt.txn.participant;

/**
 * What a participant needs to know about a writing transaction.
 *
 * @param txnId unique id, also the start timestamp
 * @param readTs the snapshot of the current statement (the transaction's, except at READ COMMITTED)
 * @param recordKey the key that anchors the transaction record
 * @param seq the current statement's sequence number (intents remember it, see {@code Intent})
 * @param newerVersions what a committed version newer than {@code readTs} means for this level
 * @param ssi whether the transaction runs serializable snapshot isolation (its writes report readers)
 */
public record TxnMeta(long txnId, long readTs, byte[] recordKey, int seq, NewerVersionPolicy newerVersions, boolean ssi) {

    /** What to do when a write finds a version committed after the writer's snapshot. */
    public enum NewerVersionPolicy {
        /** Snapshot and SSI: first-updater-wins, 40001. */
        FAIL_TRANSACTION,
        /**
         * Read committed, and the first statement of a snapshot or SSI transaction (nothing it read
         * has reached the client yet, so the whole transaction may as well have started later): the
         * statement read stale data; lock the key and run the statement again at a newer snapshot.
         */
        RETRY_STATEMENT,
        /** Two-phase locking reads the latest version under locks, so a newer version is expected. */
        ALLOW
    }
}

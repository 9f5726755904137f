package io.basalt.txn.participant;

/**
 * A transaction's state as its record says.
 *
 * @param commitTs the commit timestamp when COMMITTED, else 0
 * @param abortedAsExpired this very request aborted the transaction because its coordinator's
 *     heartbeats had stopped (counted once, by whoever did it)
 */
public record TxnStatusReply(TxnStatus status, long commitTs, boolean abortedAsExpired) {
    public static final TxnStatusReply MISSING = new TxnStatusReply(TxnStatus.MISSING, 0, false);

    public TxnStatusReply(TxnStatus status, long commitTs) {
        this(status, commitTs, false);
    }
}

package io.basalt.txn.participant;

/**
 * A transaction's state as its record says.
 *
 * @param commitTs the commit timestamp when COMMITTED, else 0
 */
public record TxnStatusReply(TxnStatus status, long commitTs) {
    public static final TxnStatusReply MISSING = new TxnStatusReply(TxnStatus.MISSING, 0);
}

package io.basalt.txn.participant;

/** The state of a transaction record; MISSING means there is none (never written, or cleaned up after the end). */
public enum TxnStatus {
    PENDING,
    COMMITTED,
    ABORTED,
    MISSING;

    public boolean isFinal() {
        return this != PENDING;
    }
}

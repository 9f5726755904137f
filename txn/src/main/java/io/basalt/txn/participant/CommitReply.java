package io.basalt.txn.participant;

/**
 * The outcome of {@link CommitTxnCommand}.
 *
 * @param minCommitTs with TIMESTAMP_TOO_LOW, the lowest timestamp the transaction may commit at
 */
public record CommitReply(Outcome outcome, long minCommitTs) {

    public enum Outcome {
        COMMITTED,
        /** A concurrent transaction aborted this one; nothing was committed. */
        ABORTED,
        /** A reader pushed the transaction above the proposed timestamp; retry with a later one. */
        TIMESTAMP_TOO_LOW
    }

    public static final CommitReply COMMITTED = new CommitReply(Outcome.COMMITTED, 0);
    public static final CommitReply ABORTED = new CommitReply(Outcome.ABORTED, 0);
}

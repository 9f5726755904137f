package io.basalt.txn.participant;

/**
 * The outcome of {@link OnePhaseCommitCommand}: committed at {@code commitTs}, or not attempted
 * for {@code fallback}'s reason, with nothing written and nothing left behind (the coordinator then
 * takes the intent path, which reaches the same decision the way it always did).
 */
public record OnePhaseCommitReply(long commitTs, Fallback fallback) {

    /** Why a one-batch commit handed the transaction back to the intent path. */
    public enum Fallback {
        /** Another transaction's intent, lock or queued request on a key: the intent path waits. */
        BLOCKED,
        /** A version committed after the snapshot: the intent path fails, restarts or allows it. */
        NEWER_VERSION,
        /** An INSERT over a live row: the intent path reports the duplicate. */
        DUPLICATE_KEY,
        /** A key written twice in the batch, or a lock-only write: left to the intent path's rules. */
        UNUSUAL_WRITE,
        /** A serializable reader marked a written key: the intent path records the rw-antidependency. */
        SSI_READERS,
        /** This participant cannot take commit timestamps (no oracle). */
        UNSUPPORTED
    }

    public static OnePhaseCommitReply committed(long commitTs) {
        return new OnePhaseCommitReply(commitTs, null);
    }

    public static OnePhaseCommitReply fallback(Fallback reason) {
        return new OnePhaseCommitReply(0, reason);
    }

    public boolean isCommitted() {
        return fallback == null;
    }
}

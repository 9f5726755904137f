package io.basalt.txn.participant;

import io.basalt.kv.mvcc.Intent;

/**
 * The outcome of {@link WriteIntentsCommand}, one of three:
 * <ul>
 *   <li>written: every intent was written;</li>
 *   <li>blocked: nothing was written; {@code conflictKey} is held by another transaction's intent
 *       ({@code conflict}) and/or other transactions' locks or queued requests ({@code blockers});</li>
 *   <li>restart the statement: nothing of the statement was written, but {@code conflictKey} had a
 *       version committed after the statement's snapshot ({@code newerCommitTs}) and the
 *       transaction now holds an exclusive lock on it (a lock-only intent that outlives the
 *       statement), so the statement can run again at a newer snapshot without queueing again.</li>
 * </ul>
 *
 * @param ssiReaders when written: for each written key, serializable transactions that read it
 *     (the writer has an rw-antidependency from each); empty otherwise
 */
public record WriteIntentsReply(Intent conflict, byte[] conflictKey, long[] blockers, long[] ssiReaders, long newerCommitTs) {
    private static final long[] NONE = new long[0];

    public static WriteIntentsReply written(long[] ssiReaders) {
        return new WriteIntentsReply(null, null, NONE, ssiReaders, 0);
    }

    public static WriteIntentsReply blockedByIntent(Intent conflict, byte[] key) {
        return new WriteIntentsReply(conflict, key, new long[] {conflict.txnId()}, NONE, 0);
    }

    public static WriteIntentsReply blockedByLocks(byte[] key, long[] blockers) {
        return new WriteIntentsReply(null, key, blockers, NONE, 0);
    }

    public static WriteIntentsReply restartStatement(byte[] lockedKey, long newerCommitTs) {
        return new WriteIntentsReply(null, lockedKey, NONE, NONE, newerCommitTs);
    }

    public boolean written() {
        return conflictKey == null;
    }

    public boolean restartStatement() {
        return newerCommitTs != 0;
    }
}

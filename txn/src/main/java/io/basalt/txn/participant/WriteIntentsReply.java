package io.basalt.txn.participant;

import io.basalt.kv.mvcc.Intent;

/**
 * The outcome of {@link WriteIntentsCommand}: either every intent was written, or nothing was and
 * the reply says what stood in the way of {@code conflictKey}: another transaction's intent
 * ({@code conflict}) and/or other transactions' locks or queued requests ({@code blockers}).
 *
 * @param ssiReaders when written: for each written key, serializable transactions that read it
 *     (the writer has an rw-antidependency from each); empty otherwise
 */
public record WriteIntentsReply(Intent conflict, byte[] conflictKey, long[] blockers, long[] ssiReaders) {
    private static final long[] NONE = new long[0];

    public static WriteIntentsReply written(long[] ssiReaders) {
        return new WriteIntentsReply(null, null, NONE, ssiReaders);
    }

    public static WriteIntentsReply blockedByIntent(Intent conflict, byte[] key) {
        return new WriteIntentsReply(conflict, key, new long[] {conflict.txnId()}, NONE);
    }

    public static WriteIntentsReply blockedByLocks(byte[] key, long[] blockers) {
        return new WriteIntentsReply(null, key, blockers, NONE);
    }

    public boolean written() {
        return conflictKey == null;
    }
}

package io.basalt.txn.participant;

import io.basalt.kv.mvcc.Intent;

/**
 * The outcome of {@link WriteIntentsCommand}: either every intent was written, or nothing was and
 * {@code conflict} is another transaction's intent that stood in the way.
 */
public record WriteIntentsReply(Intent conflict, byte[] conflictKey) {
    public static final WriteIntentsReply WRITTEN = new WriteIntentsReply(null, null);

    public boolean written() {
        return conflict == null;
    }
}

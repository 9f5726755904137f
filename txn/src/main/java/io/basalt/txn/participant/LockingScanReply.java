package io.basalt.txn.participant;

import io.basalt.kv.mvcc.ScanBatch;

/** The outcome of a locking scan: a page of the range, or the transactions whose intents stand in the way. */
public record LockingScanReply(ScanBatch batch, long[] blockers, byte[] blockedKey) {
    public boolean granted() {
        return blockers.length == 0;
    }
}

package io.basalt.txn.participant;

import io.basalt.kv.mvcc.MvccEntry;

/**
 * The outcome of a locking read: the entry (latest committed version plus any own intent), or the
 * transactions that hold or queue for conflicting locks, in which case nothing was locked.
 */
public record LockingReadReply(MvccEntry entry, long[] blockers) {
    public boolean granted() {
        return blockers.length == 0;
    }
}

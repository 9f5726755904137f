package io.basalt.txn.participant;

import io.basalt.kv.mvcc.Intent;
import io.basalt.kv.mvcc.MvccEntry;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Two-phase locking read (and {@code SELECT ... FOR SHARE}): takes a shared lock on the key, then
 * reads its latest committed version. Refused, with nothing locked, while another transaction
 * holds the key's exclusive lock (an intent) or queues for it ahead of this reader; the reply then
 * names them so the coordinator can wait.
 */
public record LockingReadCommand(byte[] key, long txnId, boolean wokenWaiter) implements PartitionCommand<LockingReadReply> {
    private static final long[] NONE = new long[0];

    @Override
    public CompletableFuture<LockingReadReply> execute(Participant participant) {
        return CompletableFuture.completedFuture(participant.latched(List.of(key), null, () -> {
            Intent intent = participant.reader().intent(key);
            if (intent != null && intent.txnId() != txnId) {
                return new LockingReadReply(null, new long[] {intent.txnId()});
            }
            if (intent == null) {
                long[] blockers = participant.lockTable().tryAcquireShared(key, txnId, wokenWaiter);
                if (blockers.length > 0) {
                    return new LockingReadReply(null, blockers);
                }
            }
            MvccEntry latest = participant.reader().get(key, Long.MAX_VALUE);
            return new LockingReadReply(latest, NONE);
        }));
    }
}

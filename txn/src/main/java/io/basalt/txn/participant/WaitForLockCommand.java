package io.basalt.txn.participant;

import io.basalt.kv.mvcc.Intent;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/**
 * Queues the transaction for a key (see {@link LockTable}); the future completes when the key is
 * released and the transaction should retry, or fails if it was chosen as a deadlock victim. The
 * caller bounds the wait (lock timeout) and cancels the future when it gives up.
 *
 * <p>The conflict is checked again under the key's latch before queueing: intents are removed
 * under that latch before their waiters are woken, so a release that happened between the
 * refused command and this one is seen here (the future is then already complete) instead of
 * being missed.
 */
public record WaitForLockCommand(byte[] key, long txnId, LockTable.Mode mode, boolean front)
        implements PartitionCommand<Void> {

    @Override
    public CompletableFuture<Void> execute(Participant participant) {
        return participant.latched(List.of(key), null, () -> {
            Set<Long> blockers = new LinkedHashSet<>();
            Intent intent = participant.reader().intent(key);
            if (intent != null && intent.txnId() != txnId) {
                blockers.add(intent.txnId());
            }
            long[] locks = mode == LockTable.Mode.EXCLUSIVE
                    ? participant.lockTable().exclusiveBlockers(key, txnId, front)
                    : participant.lockTable().sharedBlockers(key, txnId, front);
            for (long blocker : locks) {
                blockers.add(blocker);
            }
            if (blockers.isEmpty()) {
                return CompletableFuture.<Void>completedFuture(null);
            }
            long[] ids = blockers.stream().mapToLong(Long::longValue).toArray();
            return participant.lockTable().enqueue(key, txnId, mode, ids, front);
        });
    }
}

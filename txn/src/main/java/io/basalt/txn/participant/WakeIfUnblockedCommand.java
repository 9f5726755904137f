package io.basalt.txn.participant;

import io.basalt.kv.mvcc.Intent;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Asked by a waiter once per wait slice: wakes it if it heads the key's queue and nothing holds
 * the key any more (see {@link LockTable#wakeIfUnblocked}). The key's intent is checked under its
 * latch, the same latch under which intents are removed before their waiters are woken.
 */
public record WakeIfUnblockedCommand(byte[] key, long txnId) implements PartitionCommand<Boolean> {

    @Override
    public CompletableFuture<Boolean> execute(Participant participant) {
        return CompletableFuture.completedFuture(participant.latched(List.of(key), null, () -> {
            Intent intent = participant.reader().intent(key);
            if (intent != null && intent.txnId() != txnId) {
                return false;
            }
            return participant.lockTable().wakeIfUnblocked(key, txnId);
        }));
    }
}

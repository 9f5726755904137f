package io.basalt.txn.participant;

import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Releases a finished transaction's shared and range locks on this partition and wakes the
 * waiters of {@code keys}, whose intents it has already resolved (or of none: where it only read).
 */
public record ReleaseLocksCommand(long txnId, List<byte[]> keys) implements PartitionCommand<Void> {

    public ReleaseLocksCommand(long txnId) {
        this(txnId, List.of());
    }

    @Override
    public CompletableFuture<Void> execute(Participant participant) {
        participant.afterTransactionEnded(txnId, keys);
        return CompletableFuture.completedFuture(null);
    }
}

package io.basalt.txn.participant;

import java.util.List;
import java.util.concurrent.CompletableFuture;

/** Releases a finished transaction's shared and range locks on this partition (where it wrote nothing). */
public record ReleaseLocksCommand(long txnId) implements PartitionCommand<Void> {

    @Override
    public CompletableFuture<Void> execute(Participant participant) {
        participant.afterTransactionEnded(txnId, List.of());
        return CompletableFuture.completedFuture(null);
    }
}

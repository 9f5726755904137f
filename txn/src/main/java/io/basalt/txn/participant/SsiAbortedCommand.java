package io.basalt.txn.participant;

import java.util.concurrent.CompletableFuture;

/** Records at its home that a serializable transaction aborted, so its edges stop counting. */
public record SsiAbortedCommand(long txnId) implements PartitionCommand<Void> {

    @Override
    public CompletableFuture<Void> execute(Participant participant) {
        participant.conflicts().aborted(txnId);
        return CompletableFuture.completedFuture(null);
    }
}

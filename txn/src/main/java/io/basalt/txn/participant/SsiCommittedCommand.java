package io.basalt.txn.participant;

import java.util.concurrent.CompletableFuture;

/** Records a serializable transaction's commit timestamp at its home. */
public record SsiCommittedCommand(long txnId, long commitTs) implements PartitionCommand<Void> {

    @Override
    public CompletableFuture<Void> execute(Participant participant) {
        participant.conflicts().committed(txnId, commitTs);
        return CompletableFuture.completedFuture(null);
    }
}

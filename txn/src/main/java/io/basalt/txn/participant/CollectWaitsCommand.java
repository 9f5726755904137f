package io.basalt.txn.participant;

import java.util.List;
import java.util.concurrent.CompletableFuture;

/** The wait-for edges of this partition's waiters, for the deadlock detector. */
public record CollectWaitsCommand() implements PartitionCommand<List<LockTable.WaitEdge>> {

    @Override
    public CompletableFuture<List<LockTable.WaitEdge>> execute(Participant participant) {
        return CompletableFuture.completedFuture(participant.lockTable().waitEdges());
    }
}

package io.basalt.txn.participant;

import java.util.concurrent.CompletableFuture;

/** Records one end of an rw-antidependency at the home of {@code txnId}; returns what the home knows of it after. */
public record SsiEdgeCommand(long txnId, SsiConflicts.Side side, long other) implements PartitionCommand<SsiConflicts.Entry> {

    @Override
    public CompletableFuture<SsiConflicts.Entry> execute(Participant participant) {
        return CompletableFuture.completedFuture(participant.conflicts().markEdge(txnId, side, other));
    }
}

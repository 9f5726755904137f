package io.basalt.txn.participant;

import java.util.concurrent.CompletableFuture;

/**
 * Removes one end of an rw-antidependency at the home of {@code txnId}: the edge turned out to be
 * no dependency between concurrent transactions (its other end committed before {@code txnId}'s
 * snapshot moved past it).
 */
public record SsiUnmarkEdgeCommand(long txnId, SsiConflicts.Side side, long other) implements PartitionCommand<Void> {

    @Override
    public CompletableFuture<Void> execute(Participant participant) {
        participant.conflicts().unmarkEdge(txnId, side, other);
        return CompletableFuture.completedFuture(null);
    }
}

package io.basalt.txn.participant;

import java.util.Set;
import java.util.concurrent.CompletableFuture;

/**
 * Marks a serializable transaction COMMITTING at its home unless it is a pivot (edges to
 * {@code ignored}, aborted or not concurrent, do not count); returns whether it may commit.
 */
public record SsiPrepareCommitCommand(long txnId, Set<Long> ignored) implements PartitionCommand<Boolean> {

    @Override
    public CompletableFuture<Boolean> execute(Participant participant) {
        return CompletableFuture.completedFuture(participant.conflicts().prepareCommit(txnId, ignored));
    }
}

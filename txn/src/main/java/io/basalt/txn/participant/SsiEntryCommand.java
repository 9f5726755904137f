package io.basalt.txn.participant;

import java.util.concurrent.CompletableFuture;

/** What the home of {@code txnId} knows about it: its edges and state. */
public record SsiEntryCommand(long txnId) implements PartitionCommand<SsiConflicts.Entry> {

    @Override
    public CompletableFuture<SsiConflicts.Entry> execute(Participant participant) {
        return CompletableFuture.completedFuture(participant.conflicts().entry(txnId));
    }
}

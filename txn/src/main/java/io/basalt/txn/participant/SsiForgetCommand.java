package io.basalt.txn.participant;

import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Drops the read markers and conflict flags of serializable transactions that can no longer be
 * part of a dangerous structure: they ended before every active transaction began.
 */
public record SsiForgetCommand(List<Long> txnIds) implements PartitionCommand<Void> {

    @Override
    public CompletableFuture<Void> execute(Participant participant) {
        participant.readMarkers().forget(txnIds);
        participant.conflicts().forget(txnIds);
        return CompletableFuture.completedFuture(null);
    }
}

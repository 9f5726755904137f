package io.basalt.txn.participant;

import io.basalt.txn.TxnErrors;
import java.util.concurrent.CompletableFuture;

/** Ends every wait of a transaction chosen as a deadlock victim with 40P01; returns whether it waited here. */
public record FailWaitsCommand(long txnId) implements PartitionCommand<Boolean> {

    @Override
    public CompletableFuture<Boolean> execute(Participant participant) {
        return CompletableFuture.completedFuture(
                participant.lockTable().failWaits(txnId, TxnErrors.deadlockVictim(txnId)));
    }
}

package io.basalt.txn.participant;

import java.util.concurrent.CompletableFuture;

/**
 * Completes when the transaction's record is final (or gone). Sent to the record's partition by a
 * writer blocked by that transaction's intent; the caller bounds the wait with its lock timeout.
 */
public record WaitForTxnCommand(byte[] recordKey, long txnId) implements PartitionCommand<Void> {

    @Override
    public CompletableFuture<Void> execute(Participant participant) {
        participant.waitQueue().forgetAbandoned();
        return participant.waitQueue().await(txnId, () -> participant.recordStatus(recordKey, txnId));
    }
}

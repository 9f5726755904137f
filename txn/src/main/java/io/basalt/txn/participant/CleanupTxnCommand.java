package io.basalt.txn.participant;

import io.basalt.kv.engine.EngineBatch;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Deletes a final transaction record once no intent refers to it any more. A reader that met one
 * of those intents earlier and now finds no record reads the key again (the intent is gone by then).
 */
public record CleanupTxnCommand(byte[] recordKey, long txnId) implements PartitionCommand<Void> {

    @Override
    public CompletableFuture<Void> execute(Participant participant) {
        return CompletableFuture.completedFuture(participant.latched(List.of(), recordKey, () -> {
            TxnRecord record = participant.readRecord(recordKey, txnId);
            if (record != null && record.status().isFinal()) {
                try (EngineBatch batch = participant.engine().newBatch()) {
                    participant.deleteRecord(batch, recordKey, txnId);
                    participant.engine().write(batch, false);
                }
            }
            return null;
        }));
    }
}

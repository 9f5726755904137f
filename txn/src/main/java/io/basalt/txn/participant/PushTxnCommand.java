package io.basalt.txn.participant;

import io.basalt.kv.engine.EngineBatch;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Asks for a transaction's fate at its record, and if it is still pending, pushes its earliest
 * possible commit timestamp to {@code pushTo}. A reader at timestamp {@code r} that skips a
 * pending intent pushes to {@code r + 1}: the writer can then never commit at or below {@code r},
 * so skipping its intent was right (CockroachDB's timestamp push). {@code pushTo = 0} only asks.
 */
public record PushTxnCommand(byte[] recordKey, long txnId, long pushTo) implements PartitionCommand<TxnStatusReply> {

    @Override
    public CompletableFuture<TxnStatusReply> execute(Participant participant) {
        return CompletableFuture.completedFuture(participant.latched(List.of(), recordKey, () -> {
            TxnRecord record = participant.readRecord(recordKey, txnId);
            if (record == null) {
                return TxnStatusReply.MISSING;
            }
            if (record.status() == TxnStatus.PENDING && pushTo > record.minCommitTs()) {
                try (EngineBatch batch = participant.engine().newBatch()) {
                    participant.putRecord(batch, recordKey, record.pushedTo(pushTo));
                    participant.engine().write(batch, false);
                }
            }
            return record.reply();
        }));
    }
}

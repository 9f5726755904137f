package io.basalt.txn.participant;

import io.basalt.kv.engine.EngineBatch;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * The coordinator is alive: stamps the record with this partition's clock, so that nobody aborts
 * the transaction as abandoned. The reply tells the coordinator if someone already did.
 */
public record HeartbeatCommand(byte[] recordKey, long txnId) implements PartitionCommand<TxnStatusReply> {

    @Override
    public CompletableFuture<TxnStatusReply> execute(Participant participant) {
        return CompletableFuture.completedFuture(participant.latched(List.of(), recordKey, () -> {
            TxnRecord record = participant.readRecord(recordKey, txnId);
            if (record == null) {
                return TxnStatusReply.MISSING;
            }
            if (record.status() == TxnStatus.PENDING) {
                try (EngineBatch batch = participant.engine().newBatch()) {
                    participant.putRecord(batch, recordKey, record.heartbeat(participant.nowMillis()));
                    participant.engine().write(batch, false);
                }
            }
            return record.reply();
        }));
    }
}

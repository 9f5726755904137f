package io.basalt.txn.participant;

import io.basalt.kv.engine.EngineBatch;
import io.basalt.kv.mvcc.Intent;
import io.basalt.kv.mvcc.MvccWriter;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Marks a transaction ABORTED at its record (unless it already COMMITTED, which wins) and removes
 * its intents on this partition in the same batch. Used by the coordinator's rollback and, later,
 * by anyone who finds a transaction abandoned. A MISSING record is written as ABORTED too, so a
 * late first write of that transaction cannot create a PENDING record afterwards.
 */
public record AbortTxnCommand(byte[] recordKey, long txnId, List<byte[]> localKeys)
        implements PartitionCommand<TxnStatusReply> {

    @Override
    public CompletableFuture<TxnStatusReply> execute(Participant participant) {
        TxnStatusReply reply = participant.latched(localKeys, recordKey, () -> abortLatched(participant));
        participant.afterTransactionEnded(txnId, localKeys);
        return CompletableFuture.completedFuture(reply);
    }

    private TxnStatusReply abortLatched(Participant participant) {
        TxnRecord record = participant.readRecord(recordKey, txnId);
        if (record != null && record.status() == TxnStatus.COMMITTED) {
            return record.reply();
        }
        TxnRecord aborted = (record == null ? TxnRecord.pending(txnId, participant.nowMillis()) : record)
                .withStatus(TxnStatus.ABORTED, 0);
        try (EngineBatch batch = participant.engine().newBatch()) {
            for (byte[] key : localKeys) {
                Intent intent = participant.reader().intent(key);
                if (intent != null && intent.txnId() == txnId) {
                    MvccWriter.removeIntent(batch, key);
                }
            }
            participant.putRecord(batch, recordKey, aborted);
            participant.engine().write(batch, false);
        }
        return aborted.reply();
    }
}

package io.basalt.txn.participant;

import io.basalt.kv.engine.EngineBatch;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Asks for a transaction's fate at its record. If it is still pending:
 * <ul>
 *   <li>its earliest possible commit timestamp is pushed to {@code pushTo}: a reader at timestamp
 *       {@code r} that skips a pending intent pushes to {@code r + 1}, so the writer can never
 *       commit at or below {@code r} and skipping its intent was right (CockroachDB's timestamp
 *       push); {@code pushTo = 0} only asks;</li>
 *   <li>with {@code abortIfExpired}, if its coordinator has not sent a heartbeat within the
 *       partition's expiry, it is aborted here and now: a dead coordinator never blocks anyone.</li>
 * </ul>
 */
public record PushTxnCommand(byte[] recordKey, long txnId, long pushTo, boolean abortIfExpired)
        implements PartitionCommand<TxnStatusReply> {

    public PushTxnCommand(byte[] recordKey, long txnId, long pushTo) {
        this(recordKey, txnId, pushTo, true);
    }

    @Override
    public CompletableFuture<TxnStatusReply> execute(Participant participant) {
        return CompletableFuture.completedFuture(participant.latched(List.of(), recordKey, () -> {
            TxnRecord record = participant.readRecord(recordKey, txnId);
            if (record == null) {
                return TxnStatusReply.MISSING;
            }
            if (record.status() != TxnStatus.PENDING) {
                return record.reply();
            }
            TxnRecord updated = record;
            boolean expired = abortIfExpired && record.expired(participant.nowMillis(), participant.txnExpiryMillis());
            if (expired) {
                updated = record.withStatus(TxnStatus.ABORTED, 0);
            } else if (pushTo > record.minCommitTs()) {
                updated = record.pushedTo(pushTo);
            }
            if (updated != record) {
                try (EngineBatch batch = participant.engine().newBatch()) {
                    participant.putRecord(batch, recordKey, updated);
                    participant.engine().write(batch, false);
                }
            }
            return expired ? new TxnStatusReply(TxnStatus.ABORTED, 0, true) : updated.reply();
        }));
    }
}

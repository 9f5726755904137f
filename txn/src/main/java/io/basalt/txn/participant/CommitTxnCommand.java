package io.basalt.txn.participant;

import io.basalt.kv.engine.EngineBatch;
import io.basalt.kv.mvcc.Intent;
import io.basalt.kv.mvcc.MvccWriter;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * The commit point, executed at the partition of the transaction record, in one synced batch:
 * the intents on this partition become versions at {@code commitTs}, and the record becomes
 * COMMITTED (two-phase commit: other partitions' intents are resolved afterwards) or disappears
 * ({@code onePhase}: every intent was here, so nothing can refer to the record any more).
 *
 * <p>Refused, with nothing written, when the record is ABORTED or MISSING (a concurrent
 * transaction aborted this one) or when a reader pushed the record's minimum commit timestamp
 * above {@code commitTs}. A retry after COMMITTED is answered COMMITTED again (idempotent).
 *
 * <p>Without {@code wakeWaiters}, the transaction's locks here stay in the lock table until the
 * coordinator sends {@link ReleaseLocksCommand}: a serializable transaction first publishes its
 * commit timestamp to its SSI home, so that the waiters it wakes can tell it committed before
 * their new snapshots (otherwise it counts as concurrent with them: a false pivot).
 */
public record CommitTxnCommand(byte[] recordKey, long txnId, long commitTs, List<byte[]> localKeys, boolean onePhase,
                               boolean wakeWaiters) implements PartitionCommand<CommitReply> {

    @Override
    public CompletableFuture<CommitReply> execute(Participant participant) {
        CommitReply reply = participant.latched(localKeys, recordKey, () -> commitLatched(participant));
        if (reply.outcome() == CommitReply.Outcome.COMMITTED && wakeWaiters) {
            participant.afterTransactionEnded(txnId, localKeys);
        }
        return CompletableFuture.completedFuture(reply);
    }

    private CommitReply commitLatched(Participant participant) {
        TxnRecord record = participant.readRecord(recordKey, txnId);
        if (record == null || record.status() == TxnStatus.ABORTED) {
            return CommitReply.ABORTED;
        }
        if (record.status() == TxnStatus.COMMITTED) {
            return CommitReply.COMMITTED;
        }
        if (commitTs < record.minCommitTs()) {
            return new CommitReply(CommitReply.Outcome.TIMESTAMP_TOO_LOW, record.minCommitTs());
        }
        try (EngineBatch batch = participant.engine().newBatch()) {
            for (byte[] key : localKeys) {
                Intent intent = participant.reader().intent(key);
                if (intent != null && intent.txnId() == txnId) {
                    MvccWriter.commitIntent(batch, key, intent, commitTs);
                }
            }
            if (onePhase) {
                participant.deleteRecord(batch, recordKey, txnId);
            } else {
                participant.putRecord(batch, recordKey, record.withStatus(TxnStatus.COMMITTED, commitTs));
            }
            participant.engine().write(batch, true);
        }
        return CommitReply.COMMITTED;
    }
}

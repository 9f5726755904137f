package io.basalt.txn.participant;

import io.basalt.kv.engine.EngineBatch;
import io.basalt.kv.mvcc.Intent;
import io.basalt.kv.mvcc.MvccWriter;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Phase two: turns a finished transaction's intents on this partition into versions at
 * {@code commitTs}, or removes them when {@code commitTs} is 0 (aborted), releases its shared and
 * range locks here, and wakes whoever waits for those keys. Only that transaction's intents are
 * touched, so resolving twice, or after someone else did, is harmless.
 *
 * <p>Not synced: the record stays until resolution is done, and the WAL replays in order, so after
 * a crash either this batch survived or the record did, and recovery finishes the job.
 *
 * @return the number of intents resolved
 */
public record ResolveIntentsCommand(long txnId, List<byte[]> keys, long commitTs) implements PartitionCommand<Integer> {

    public static ResolveIntentsCommand abort(long txnId, List<byte[]> keys) {
        return new ResolveIntentsCommand(txnId, keys, 0);
    }

    @Override
    public CompletableFuture<Integer> execute(Participant participant) {
        int resolved = participant.latched(keys, null, () -> resolveLatched(participant));
        participant.afterTransactionEnded(txnId, keys);
        return CompletableFuture.completedFuture(resolved);
    }

    private int resolveLatched(Participant participant) {
        int resolved = 0;
        try (EngineBatch batch = participant.engine().newBatch()) {
            for (byte[] key : keys) {
                Intent intent = participant.reader().intent(key);
                if (intent == null || intent.txnId() != txnId) {
                    continue;
                }
                if (commitTs > 0) {
                    MvccWriter.commitIntent(batch, key, intent, commitTs);
                } else {
                    MvccWriter.removeIntent(batch, key);
                }
                resolved++;
            }
            if (resolved > 0) {
                participant.engine().write(batch, false);
            }
        }
        return resolved;
    }
}

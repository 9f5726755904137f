package io.basalt.txn.participant;

import io.basalt.kv.gc.GcHorizon;
import io.basalt.kv.gc.GcResult;
import java.util.concurrent.CompletableFuture;

/**
 * Removes one batch of the versions in {@code [start, end)} (end null: unbounded), a range of this
 * partition, that no reader the {@code horizon} describes can see (see
 * {@link io.basalt.kv.gc.VersionGarbageCollector} for the rules); the result says where the next
 * batch starts. The caller promises that every transaction reads at or above the horizon's
 * {@code gcTs} or at one of its snapshots, now and later.
 *
 * <p>Takes no latch: the collector deletes only versions hidden below a newer one that a reader
 * of the horizon sees, and writers only add versions above every existing one, so the two never
 * disagree about a key. Deterministic given the partition's state and the horizon, so a
 * replicated partition can apply it on every replica.
 */
public record CollectVersionsCommand(byte[] start, byte[] end, GcHorizon horizon, int maxDeletions) implements PartitionCommand<GcResult> {

    @Override
    public CompletableFuture<GcResult> execute(Participant participant) {
        return CompletableFuture.completedFuture(
                participant.versionCollector().collect(start, end, horizon, maxDeletions, Integer.MAX_VALUE));
    }
}

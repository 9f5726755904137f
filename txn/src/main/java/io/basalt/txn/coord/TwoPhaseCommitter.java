package io.basalt.txn.coord;

import io.basalt.txn.CoordinatorCrash;
import io.basalt.txn.FaultPoint;
import io.basalt.txn.TxnErrors;
import io.basalt.txn.TxnStats;
import io.basalt.txn.participant.AbortTxnCommand;
import io.basalt.txn.participant.CleanupTxnCommand;
import io.basalt.txn.participant.CommitReply;
import io.basalt.txn.participant.CommitTxnCommand;
import io.basalt.txn.participant.Mutation;
import io.basalt.txn.participant.OnePhaseCommitCommand;
import io.basalt.txn.participant.OnePhaseCommitReply;
import io.basalt.txn.participant.ReleaseLocksCommand;
import io.basalt.txn.participant.ResolveIntentsCommand;
import io.basalt.txn.participant.TxnMeta;
import io.basalt.txn.timestamp.TimestampOracle;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.LongConsumer;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Ends a transaction that wrote: commit in one phase or two, or abort.
 *
 * <h2>Protocol</h2>
 * Phase one has already happened when we get here: every write was accepted as a durable intent
 * by its partition (each {@code WriteIntentsCommand} that succeeded is that partition's yes vote;
 * a partition that refuses fails the statement, and the transaction rolls back).
 * <ol>
 *   <li>Take the commit timestamp from the oracle <em>after</em> all intents exist. A reader whose
 *       snapshot predates the commit timestamp either saw an intent (and pushed us) or read
 *       before the intent existed; either way it must not, and does not, see our writes.</li>
 *   <li>Commit point: one synced batch at the record's partition writes COMMITTED(commitTs) and
 *       resolves that partition's intents. If only that partition was written, the same batch
 *       deletes the record: one-phase commit, one command.</li>
 *   <li>Phase two: resolve the other partitions' intents, then delete the record.
 *       Failures here lose nothing: the record still says COMMITTED, readers resolve through it,
 *       and recovery finishes the job.</li>
 * </ol>
 * If a reader pushed the record's minimum commit timestamp above ours, the commit is refused and
 * we retry with a fresh timestamp, which the oracle guarantees is above the pusher's snapshot.
 *
 * <h2>One-phase commit in one batch</h2>
 * A transaction that reaches its commit with every write still buffered, all for one partition,
 * skips the protocol above: {@link #tryCommitInOneBatch} sends the writes themselves as the commit
 * ({@link OnePhaseCommitCommand}), which checks them as intents would be checked and writes the
 * versions at a commit timestamp it takes itself, in one synced batch: one trip through the
 * engine's write queue instead of two, no record, nothing to resolve. If the partition finds
 * anything unusual (a lock, a newer version, a duplicate, an SSI reader) it writes nothing and the
 * coordinator goes the intent way, so every conflict is decided by the code that always decided it.
 *
 * <h2>Failure</h2>
 * The coordinator dying before step 2 leaves a PENDING record and intents: the transaction is
 * aborted by whoever finds it abandoned (at start-up, by recovery). Dying after step 2 leaves a
 * COMMITTED record: the transaction is committed, and recovery resolves the rest.
 * Two-phase commit blocks nobody here, because the decision is one replicated record that every
 * participant can read, not the coordinator's memory (ARCHITECTURE.md section 3).
 */
final class TwoPhaseCommitter {
    private static final Logger LOG = LoggerFactory.getLogger(TwoPhaseCommitter.class);

    private final long txnId;
    private final PartitionCalls calls;
    private final TimestampOracle tso;
    private final TxnStats stats;

    TwoPhaseCommitter(long txnId, PartitionCalls calls, TxnContext context) {
        this.txnId = txnId;
        this.calls = calls;
        this.tso = context.tso();
        this.stats = context.stats();
    }

    /**
     * Commits; returns the commit timestamp. {@code writtenKeys} maps each written partition to its
     * keys; {@code lockedPartitions} are where the transaction also holds shared or range locks,
     * released after the commit point (strict two-phase locking). {@code atCommitPoint}, if not
     * null, runs right after the commit point, before any waiter is woken.
     */
    long commit(byte[] recordKey, int recordPartition, Map<Integer, List<byte[]>> writtenKeys,
                Set<Integer> lockedPartitions, Consumer<FaultPoint> faults, LongConsumer atCommitPoint) {
        boolean onePhase = writtenKeys.size() == 1 && writtenKeys.containsKey(recordPartition);
        List<byte[]> localKeys = writtenKeys.getOrDefault(recordPartition, List.of());
        long commitTs = tso.next();
        while (true) {
            CommitReply reply = calls.call(recordPartition,
                    new CommitTxnCommand(recordKey, txnId, commitTs, localKeys, onePhase, atCommitPoint == null));
            switch (reply.outcome()) {
                case COMMITTED -> {
                    if (atCommitPoint != null) {
                        atCommitPoint.accept(commitTs);
                        calls.call(recordPartition, new ReleaseLocksCommand(txnId, localKeys));
                    }
                    if (onePhase) {
                        stats.onePhaseCommit();
                    } else {
                        stats.twoPhaseCommit();
                        faults.accept(FaultPoint.AFTER_COMMIT_POINT);
                        resolveRemote(recordKey, recordPartition, writtenKeys, commitTs, faults);
                    }
                    releaseLocks(lockedPartitions, writtenKeys);
                    return commitTs;
                }
                case TIMESTAMP_TOO_LOW -> commitTs = Math.max(tso.next(), reply.minCommitTs());
                case ABORTED -> {
                    stats.retryableAbort();
                    throw TxnErrors.abortedByOther(txnId);
                }
                default -> throw new IllegalStateException("unknown outcome " + reply);
            }
        }
    }

    /**
     * Commits {@code mutations}, every write of the transaction, all on {@code partition}, in one
     * synced batch; returns the commit timestamp, or 0 when the partition handed the transaction
     * back (nothing was written: write intents and {@link #commit} as usual). {@code atCommitPoint}
     * as for {@link #commit}; a serializable transaction has passed its pivot check already.
     */
    long tryCommitInOneBatch(int partition, TxnMeta txn, List<Mutation> mutations, Set<Integer> lockedPartitions,
                             LongConsumer atCommitPoint) {
        OnePhaseCommitReply reply = calls.call(partition, new OnePhaseCommitCommand(txn, mutations, atCommitPoint == null));
        if (!reply.isCommitted()) {
            stats.onePhaseBatchFallback();
            return 0;
        }
        List<byte[]> keys = new ArrayList<>(mutations.size());
        mutations.forEach(m -> keys.add(m.key()));
        if (atCommitPoint != null) {
            atCommitPoint.accept(reply.commitTs());
            calls.call(partition, new ReleaseLocksCommand(txnId, keys));
        }
        stats.onePhaseBatchCommit();
        releaseLocks(lockedPartitions, Map.of(partition, keys));
        return reply.commitTs();
    }

    private void resolveRemote(byte[] recordKey, int recordPartition, Map<Integer, List<byte[]>> writtenKeys, long commitTs,
                               Consumer<FaultPoint> faults) {
        try {
            boolean first = true;
            for (Map.Entry<Integer, List<byte[]>> entry : writtenKeys.entrySet()) {
                if (entry.getKey() != recordPartition) {
                    calls.call(entry.getKey(), new ResolveIntentsCommand(txnId, entry.getValue(), commitTs));
                    if (first) {
                        faults.accept(FaultPoint.DURING_RESOLUTION);
                        first = false;
                    }
                }
            }
            calls.call(recordPartition, new CleanupTxnCommand(recordKey, txnId));
        } catch (CoordinatorCrash crash) {
            throw crash;
        } catch (RuntimeException e) {
            // The transaction is committed: the record says so. Readers resolve the leftovers.
            LOG.warn("Intent resolution after commit failed; readers and recovery will finish it [txnId={}]", txnId, e);
        }
    }

    /** Releases shared and range locks where the transaction wrote nothing (elsewhere resolution releases them). */
    void releaseLocks(Set<Integer> lockedPartitions, Map<Integer, List<byte[]>> writtenKeys) {
        for (int partition : lockedPartitions) {
            if (!writtenKeys.containsKey(partition)) {
                try {
                    calls.call(partition, new ReleaseLocksCommand(txnId));
                } catch (RuntimeException e) {
                    LOG.warn("Releasing locks failed [txnId={}, partition={}]", txnId, partition, e);
                }
            }
        }
    }

    /** Aborts at the record, removes every intent, then the record; releases locks. Best effort after the record is ABORTED. */
    void abort(byte[] recordKey, int recordPartition, Map<Integer, List<byte[]>> writtenKeys, Set<Integer> lockedPartitions) {
        calls.call(recordPartition, new AbortTxnCommand(recordKey, txnId,
                writtenKeys.getOrDefault(recordPartition, List.of())));
        try {
            List<CompletableFuture<Integer>> removals = new ArrayList<>();
            writtenKeys.forEach((partition, keys) -> {
                if (partition != recordPartition) {
                    removals.add(calls.send(partition, ResolveIntentsCommand.abort(txnId, keys)));
                }
            });
            removals.forEach(PartitionCalls::await);
            calls.call(recordPartition, new CleanupTxnCommand(recordKey, txnId));
        } catch (RuntimeException e) {
            LOG.warn("Intent removal after abort failed; readers will remove them [txnId={}]", txnId, e);
        } finally {
            releaseLocks(lockedPartitions, writtenKeys);
        }
    }
}

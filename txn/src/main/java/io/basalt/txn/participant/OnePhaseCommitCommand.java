package io.basalt.txn.participant;

import io.basalt.kv.engine.EngineBatch;
import io.basalt.kv.mvcc.Intent;
import io.basalt.kv.mvcc.MvccEntry;
import io.basalt.kv.mvcc.MvccWriter;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.locks.Lock;

/**
 * Commits a transaction whose every write is in {@code mutations} and lands on this partition, in
 * one synced batch of committed versions: no intents, no transaction record, no resolution. It
 * replaces {@link WriteIntentsCommand} + {@link CommitTxnCommand} (an unsynced and a synced trip
 * through the engine's single write queue) for the commonest transaction, when nothing unusual
 * happens; anything unusual hands the transaction back to that path untouched.
 *
 * <h2>Protocol, under the keys' latches and the shared range latch</h2>
 * <ol>
 *   <li><b>Check</b> every key as {@link WriteIntentsCommand} does, writing nothing: another
 *       transaction's intent, shared or range lock or queued request; a version committed after
 *       the snapshot (unless the level allows it); an INSERT over a live row. Any of these, or a
 *       key written twice or a lock-only write, answers {@link OnePhaseCommitReply.Fallback}: the
 *       coordinator then writes intents and commits as before, which reaches the same outcome
 *       (wait, 40001, restart, 23505) with the same code.</li>
 *   <li><b>Register</b> the keys in {@link PendingCommits}: from here on, latch-free readers that
 *       could be owed this write wait for it.</li>
 *   <li><b>SSI</b>: only now look for read markers on the keys (a reader marks before it checks
 *       the pending set, so one of us sees the other; the SSI bug fixed in WriteIntentsCommand was
 *       looking before the write was visible). A marker from another transaction answers
 *       {@code SSI_READERS}: the intent path records that rw-antidependency before the pivot
 *       check.</li>
 *   <li><b>Timestamp</b>: take the commit timestamp from the oracle now, after the registration,
 *       so every snapshot above it was issued after the keys became pending.</li>
 *   <li><b>Write</b> the versions at the commit timestamp in one batch with sync: the commit point.
 *       Then unregister the keys (the versions are visible) and, unless the coordinator must first
 *       publish an SSI commit timestamp ({@code wakeWaiters} false), release the transaction's
 *       shared locks here and wake waiters.</li>
 * </ol>
 *
 * <h2>Why no intent and no record are needed</h2>
 * Nothing of the transaction is visible before the commit point, so no reader can push it, no
 * writer can queue behind it and no recovery can find it: an intent exists to be found between
 * the vote and the decision, and here the vote and the decision are one batch. The latches make
 * check and write atomic against every other writer, 2PL reader and range-lock grant (all latch);
 * the pending set covers the latch-free snapshot readers.
 *
 * <h2>Failure</h2>
 * A crash before the batch reaches the WAL leaves nothing; after it, the versions are committed
 * and durable (synced), with nothing to resolve. The in-memory pending set dies with the process.
 * An exception between registration and the write unregisters the keys and writes nothing.
 *
 * <p>Lock order as everywhere: key latches (ascending stripes), range latch, then monitors (lock
 * table, read markers); the oracle is called holding latches (as {@code CommitTxnCommand} holds
 * them over its synced write).
 *
 * <p>See also {@code docs/design/transactions.md}, "One-phase commit in one batch".
 *
 * @param wakeWaiters false for SSI: the coordinator publishes the commit timestamp at the
 *     transaction's home first, then sends {@link ReleaseLocksCommand} (see {@link CommitTxnCommand})
 */
public record OnePhaseCommitCommand(TxnMeta txn, List<Mutation> mutations, boolean wakeWaiters)
        implements PartitionCommand<OnePhaseCommitReply> {

    @Override
    public CompletableFuture<OnePhaseCommitReply> execute(Participant participant) {
        if (participant.timestamps() == null) {
            return CompletableFuture.completedFuture(OnePhaseCommitReply.fallback(OnePhaseCommitReply.Fallback.UNSUPPORTED));
        }
        List<byte[]> keys = new ArrayList<>(mutations.size());
        mutations.forEach(m -> keys.add(m.key()));
        Lock shared = participant.rangeLatch().readLock();
        OnePhaseCommitReply reply = participant.latched(keys, null, () -> {
            shared.lock();
            try {
                return commitLatched(participant, keys);
            } finally {
                shared.unlock();
            }
        });
        if (reply.isCommitted() && wakeWaiters) {
            participant.afterTransactionEnded(txn.txnId(), keys);
        }
        return CompletableFuture.completedFuture(reply);
    }

    private OnePhaseCommitReply commitLatched(Participant participant, List<byte[]> keys) {
        OnePhaseCommitReply.Fallback refused = check(participant);
        if (refused != null) {
            return OnePhaseCommitReply.fallback(refused);
        }
        PendingCommits pending = participant.pendingCommits();
        CompletableFuture<Void> registered = pending.register(keys);
        long commitTs;
        try {
            if (txn.ssi() && markedByOthers(participant, keys)) {
                return OnePhaseCommitReply.fallback(OnePhaseCommitReply.Fallback.SSI_READERS);
            }
            commitTs = participant.timestamps().next();
            try (EngineBatch batch = participant.engine().newBatch()) {
                for (Mutation mutation : mutations) {
                    byte[] value = mutation.kind() == Mutation.Kind.DELETE ? null : mutation.value();
                    MvccWriter.putVersion(batch, mutation.key(), commitTs, value, txn.txnId());
                }
                participant.engine().write(batch, true);
            }
        } finally {
            pending.finish(keys, registered);
        }
        // A grant the queue may have made to this transaction earlier is used up: pass it on.
        keys.forEach(key -> participant.lockTable().claimed(key, txn.txnId()));
        return OnePhaseCommitReply.committed(commitTs);
    }

    /** {@link WriteIntentsCommand}'s checks, writing nothing; null when every key may be written. */
    private OnePhaseCommitReply.Fallback check(Participant participant) {
        Set<ByteBuffer> seen = new HashSet<>();
        for (Mutation mutation : mutations) {
            byte[] key = mutation.key();
            if (mutation.kind() == Mutation.Kind.LOCK || !seen.add(ByteBuffer.wrap(key))) {
                return OnePhaseCommitReply.Fallback.UNUSUAL_WRITE;
            }
            Intent stored = participant.reader().intent(key);
            if (stored != null) {
                // Another transaction's lock, or (which the coordinator rules out) its own intent.
                return stored.txnId() == txn.txnId()
                        ? OnePhaseCommitReply.Fallback.UNUSUAL_WRITE : OnePhaseCommitReply.Fallback.BLOCKED;
            }
            if (participant.lockTable().exclusiveBlockers(key, txn.txnId(), false).length > 0) {
                return OnePhaseCommitReply.Fallback.BLOCKED;
            }
            MvccEntry newest = participant.reader().newestVersion(key);
            if (newest.committedTs() > txn.readTs() && txn.newerVersions() != TxnMeta.NewerVersionPolicy.ALLOW) {
                return OnePhaseCommitReply.Fallback.NEWER_VERSION;
            }
            if (mutation.kind() == Mutation.Kind.INSERT && newest.committedValue() != null) {
                return OnePhaseCommitReply.Fallback.DUPLICATE_KEY;
            }
        }
        return null;
    }

    private boolean markedByOthers(Participant participant, List<byte[]> keys) {
        for (byte[] key : keys) {
            if (participant.readMarkers().readersOf(key, txn.txnId()).length > 0) {
                return true;
            }
        }
        return false;
    }
}

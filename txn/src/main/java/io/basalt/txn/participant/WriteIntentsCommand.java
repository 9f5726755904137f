package io.basalt.txn.participant;

import io.basalt.kv.engine.EngineBatch;
import io.basalt.kv.mvcc.Intent;
import io.basalt.kv.mvcc.MvccEntry;
import io.basalt.kv.mvcc.MvccWriter;
import io.basalt.txn.DuplicateKeyException;
import io.basalt.txn.TxnErrors;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.locks.Lock;

/**
 * Writes a batch of a transaction's mutations to this partition as intents, all or nothing
 * (phase one of the commit protocol: each participant accepts its writes durably, or refuses).
 *
 * <p>Per key, under the key's latch and the shared range latch:
 * <ol>
 *   <li>another transaction's intent, shared lock, range lock, or a queued request ahead of this
 *       one: nothing is written and the reply names the blockers (the coordinator waits in the
 *       key's queue, then retries);</li>
 *   <li>no own intent and a committed version newer than the statement's snapshot: what that means
 *       depends on the statement ({@link TxnMeta.NewerVersionPolicy}): 40001 (first-updater-wins),
 *       a statement restart that keeps an exclusive lock on the key (read committed, and the first
 *       statement of a snapshot or SSI transaction), or nothing (two-phase locking);</li>
 *   <li>an INSERT over a live row (committed, or the transaction's own intent): {@link DuplicateKeyException};</li>
 *   <li>otherwise the intent is written; an own earlier intent goes into the new one's history.</li>
 * </ol>
 * With {@code createRecord} the transaction's PENDING record is written in the same batch; the
 * coordinator sends that batch first, so a record exists before any of its intents can be seen.
 * A record that is already final (a concurrent transaction aborted this one) fails the write.
 * The reply lists the serializable readers of the written keys, for SSI.
 *
 * @param wokenWaiter the coordinator was just woken from a key's queue and retries: the queue
 *     behind it does not block it
 */
public record WriteIntentsCommand(TxnMeta txn, List<Mutation> mutations, boolean createRecord, boolean wokenWaiter)
        implements PartitionCommand<WriteIntentsReply> {
    private static final long[] NO_BLOCKERS = new long[0];

    @Override
    public CompletableFuture<WriteIntentsReply> execute(Participant participant) {
        List<byte[]> keys = new ArrayList<>(mutations.size());
        mutations.forEach(m -> keys.add(m.key()));
        Lock shared = participant.rangeLatch().readLock();
        return CompletableFuture.completedFuture(participant.latched(keys, txn.recordKey(), () -> {
            shared.lock();
            try {
                return writeLatched(participant);
            } finally {
                shared.unlock();
            }
        }));
    }

    private WriteIntentsReply writeLatched(Participant participant) {
        TxnRecord existingRecord = participant.readRecord(txn.recordKey(), txn.txnId());
        if (existingRecord != null && existingRecord.status() != TxnStatus.PENDING) {
            throw TxnErrors.abortedByOther(txn.txnId());
        }
        Map<ByteBuffer, Intent> written = new HashMap<>();
        Set<Long> readers = new LinkedHashSet<>();
        try (EngineBatch batch = participant.engine().newBatch()) {
            for (Mutation mutation : mutations) {
                byte[] key = mutation.key();
                Intent own = written.get(ByteBuffer.wrap(key));
                if (own == null) {
                    Intent stored = participant.reader().intent(key);
                    if (stored != null && stored.txnId() != txn.txnId()) {
                        return WriteIntentsReply.blockedByIntent(stored, key);
                    }
                    // Its own intent is its exclusive lock: nothing shared can coexist with it, and
                    // the waiters queued behind it wait for this very transaction.
                    long[] blockers = stored != null ? NO_BLOCKERS
                            : participant.lockTable().exclusiveBlockers(key, txn.txnId(), wokenWaiter);
                    if (blockers.length > 0) {
                        return WriteIntentsReply.blockedByLocks(key, blockers);
                    }
                    own = stored;
                }
                boolean liveRow;
                if (own != null && !own.isLockOnly()) {
                    liveRow = !own.isDelete();
                } else {
                    MvccEntry newest = participant.reader().newestVersion(key);
                    if (newest.committedTs() > txn.readTs()) {
                        switch (txn.newerVersions()) {
                            case FAIL_TRANSACTION -> throw TxnErrors.writeTooOld(txn.txnId(), newest.committedTs());
                            case RETRY_STATEMENT -> {
                                return lockForRestart(participant, key, own, existingRecord, newest.committedTs());
                            }
                            case ALLOW -> { }
                            default -> throw new IllegalStateException(txn.newerVersions().name());
                        }
                    }
                    liveRow = newest.committedValue() != null;
                }
                if (mutation.kind() == Mutation.Kind.INSERT && liveRow) {
                    throw new DuplicateKeyException(key);
                }
                Intent intent = nextIntent(own, mutation);
                written.put(ByteBuffer.wrap(key), intent);
                MvccWriter.putIntent(batch, key, intent);
            }
            if (createRecord && existingRecord == null) {
                participant.putRecord(batch, txn.recordKey(), TxnRecord.pending(txn.txnId(), participant.nowMillis()));
            }
            participant.engine().write(batch, false);
        }
        // Read markers are checked only now that the intents are visible. A reader marks before it
        // reads (ReadCommand, ScanCommand) and takes no latch, so: either its marker is here now,
        // or it is placed later and its read then sees these intents (and records the edge itself).
        // Checked before the write, a reader could mark and read in between and be missed.
        for (Mutation mutation : mutations) {
            participant.lockTable().claimed(mutation.key(), txn.txnId());
            if (mutation.kind() == Mutation.Kind.LOCK) {
                continue; // a lock changes no row: no reader missed anything
            }
            for (long reader : participant.readMarkers().readersOf(mutation.key(), txn.txnId())) {
                readers.add(reader);
            }
        }
        return WriteIntentsReply.written(readers.stream().mapToLong(Long::longValue).toArray());
    }

    /**
     * The statement's snapshot is older than the key's newest version, so what it computed may be
     * stale. Rather than give up its place (and queue again behind everyone, forever under
     * contention), the transaction keeps the key: a lock-only intent stamped with the previous
     * statement's sequence number, so that undoing this statement leaves it. Nothing else of the
     * command is written. The statement then runs again at a snapshot that includes the newer
     * version, which nobody else can replace while the lock is held.
     */
    private WriteIntentsReply lockForRestart(Participant participant, byte[] key, Intent own, TxnRecord existingRecord,
                                             long newerCommitTs) {
        if (own == null) {
            try (EngineBatch batch = participant.engine().newBatch()) {
                MvccWriter.putIntent(batch, key, Intent.lock(txn.txnId(), txn.seq() - 1, txn.recordKey()));
                if (createRecord && existingRecord == null) {
                    participant.putRecord(batch, txn.recordKey(), TxnRecord.pending(txn.txnId(), participant.nowMillis()));
                }
                participant.engine().write(batch, false);
            }
            participant.lockTable().claimed(key, txn.txnId());
        }
        return WriteIntentsReply.restartStatement(key, newerCommitTs);
    }

    private Intent nextIntent(Intent own, Mutation mutation) {
        Intent.Kind kind = switch (mutation.kind()) {
            case PUT, INSERT -> Intent.Kind.PUT;
            case DELETE -> Intent.Kind.DELETE;
            case LOCK -> Intent.Kind.LOCK;
        };
        if (own == null) {
            return kind == Intent.Kind.LOCK
                    ? Intent.lock(txn.txnId(), txn.seq(), txn.recordKey())
                    : new Intent(txn.txnId(), txn.seq(), txn.recordKey(), kind, mutation.value(), List.of());
        }
        if (kind == Intent.Kind.LOCK) {
            return own; // already exclusively locked, and maybe written: a lock changes nothing
        }
        return own.overwrittenBy(txn.seq(), kind, mutation.value());
    }
}

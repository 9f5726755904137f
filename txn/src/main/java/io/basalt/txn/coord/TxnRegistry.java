package io.basalt.txn.coord;

import io.basalt.kv.gc.GcHorizon;
import io.basalt.txn.timestamp.LocalTimestampOracle;
import io.basalt.txn.timestamp.TimestampOracle;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Supplier;

/**
 * The transactions this gateway coordinates: which are active (for heartbeats, the GC safe point
 * and SSI clean-up), how many are waiting for locks (so the deadlock detector only works when it
 * must), and which serializable transactions ended and still have markers somewhere.
 *
 * <p>Thread-safe: coordinators register and end on their sessions' threads; the maintenance thread
 * reads. Every structure is a concurrent collection; no lock is held across calls.
 */
public final class TxnRegistry {

    /**
     * A serializable transaction that ended at {@code endTs}; its markers (on {@code markedPartitions})
     * and its conflict flags (at its home) matter until every transaction active then has ended.
     */
    public record EndedSsi(long txnId, long endTs, BitSet markedPartitions) {
    }

    private final ConcurrentSkipListMap<Long, TxnCoordinator> active = new ConcurrentSkipListMap<>();
    /**
     * Read-held while a transaction takes its id and registers, or moves its snapshot; write-held
     * while the GC horizon is computed: otherwise a transaction could take a timestamp, the horizon
     * pass it before the registry shows it, and versions it must read be collected.
     */
    private final ReentrantReadWriteLock registering = new ReentrantReadWriteLock();
    private final Queue<EndedSsi> endedSsi = new ConcurrentLinkedQueue<>();
    /** The same ended serializable transactions by id, for {@link #ssiEndedBefore}. */
    private final Map<Long, Long> ssiEndTs = new ConcurrentHashMap<>();
    private final AtomicInteger waiting = new AtomicInteger();

    /** Creates a transaction (which takes its id, its start timestamp, from the oracle) and registers it, atomically with respect to {@link #gcHorizon}. */
    TxnCoordinator register(Supplier<TxnCoordinator> create) {
        registering.readLock().lock();
        try {
            TxnCoordinator txn = create.get();
            active.put(txn.id(), txn);
            return txn;
        } finally {
            registering.readLock().unlock();
        }
    }

    /** Runs {@code change}, which moves a transaction's snapshot to a fresh timestamp, atomically with respect to {@link #gcHorizon}. */
    void moveSnapshot(Runnable change) {
        registering.readLock().lock();
        try {
            change.run();
        } finally {
            registering.readLock().unlock();
        }
    }

    /**
     * What garbage collection must keep readable for this gateway's transactions, now and later:
     * everything from {@code retentionMillis} before now, everything above the snapshot of every
     * serializable (SSI) transaction (which must see the writers of versions it skips to find its
     * rw-antidependencies), and the versions every other active snapshot reads. Transactions begun
     * later, and snapshots moved later, read above the horizon's {@code gcTs}.
     */
    public GcHorizon gcHorizon(TimestampOracle tso, long retentionMillis) {
        registering.writeLock().lock();
        try {
            long gcTs = LocalTimestampOracle.minusMillis(tso.next(), retentionMillis);
            List<Long> snapshots = new ArrayList<>();
            for (TxnCoordinator txn : active.values()) {
                long snapshot = txn.readTimestamp();
                if (txn.isolation().ssi()) {
                    gcTs = Math.min(gcTs, snapshot);
                } else {
                    snapshots.add(snapshot);
                }
            }
            return new GcHorizon(gcTs, snapshots.stream().mapToLong(Long::longValue).toArray());
        } finally {
            registering.writeLock().unlock();
        }
    }

    void ended(TxnCoordinator txn, boolean ssi, long endTs) {
        active.remove(txn.id());
        if (ssi) {
            endedSsi.add(new EndedSsi(txn.id(), endTs, txn.ssiMarkedPartitions()));
            ssiEndTs.put(txn.id(), endTs);
        }
    }

    /**
     * Whether the serializable transaction {@code txnId} of this gateway ended (committed or
     * aborted) before timestamp {@code ts}: its reads then are no rw-antidependency of a writer
     * whose snapshot is {@code ts} (not concurrent, or aborted). A local answer that spares a
     * command to its SSI home; false when unknown (another gateway's, or forgotten).
     */
    public boolean ssiEndedBefore(long txnId, long ts) {
        Long endTs = ssiEndTs.get(txnId);
        return endTs != null && endTs < ts;
    }

    /** The deadlock priority of an active transaction of this gateway ({@link io.basalt.txn.Transaction#priority}); its id when unknown here. */
    public long priorityOf(long txnId) {
        TxnCoordinator txn = active.get(txnId);
        return txn == null ? txnId : txn.priority();
    }

    /** The id (start timestamp) of the oldest active transaction, or {@code Long.MAX_VALUE} if none. */
    public long oldestActive() {
        try {
            return active.firstKey();
        } catch (java.util.NoSuchElementException e) {
            return Long.MAX_VALUE;
        }
    }

    public Collection<TxnCoordinator> activeTransactions() {
        return active.values();
    }

    public int activeCount() {
        return active.size();
    }

    /**
     * Removes and returns the ended serializable transactions older than every active one. The
     * queue is in end order but for races between ending threads, so the drain stops at the first
     * entry still needed: one that could have been freed waits for a later sweep, which is safe
     * (markers kept longer only cost memory), and a sweep that frees nothing costs one peek.
     */
    public List<EndedSsi> drainForgettableSsi() {
        long horizon = oldestActive();
        List<EndedSsi> forgettable = new ArrayList<>();
        for (EndedSsi ended = endedSsi.peek(); ended != null && ended.endTs() < horizon; ended = endedSsi.peek()) {
            endedSsi.poll();
            forgettable.add(ended);
            ssiEndTs.remove(ended.txnId());
        }
        return forgettable;
    }

    void waitStarted() {
        waiting.incrementAndGet();
    }

    void waitEnded() {
        waiting.decrementAndGet();
    }

    public int waitingCount() {
        return waiting.get();
    }
}

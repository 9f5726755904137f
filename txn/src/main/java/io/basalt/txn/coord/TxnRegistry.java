package io.basalt.txn.coord;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The transactions this gateway coordinates: which are active (for heartbeats, the GC safe point
 * and SSI clean-up), how many are waiting for locks (so the deadlock detector only works when it
 * must), and which serializable transactions ended and still have markers somewhere.
 *
 * <p>Thread-safe: coordinators register and end on their sessions' threads; the maintenance thread
 * reads. Every structure is a concurrent collection; no lock is held across calls.
 */
public final class TxnRegistry {

    /** A serializable transaction that ended at {@code endTs}; its markers matter until every transaction active then has ended. */
    public record EndedSsi(long txnId, long endTs) {
    }

    private final ConcurrentSkipListMap<Long, TxnCoordinator> active = new ConcurrentSkipListMap<>();
    private final Queue<EndedSsi> endedSsi = new ConcurrentLinkedQueue<>();
    private final AtomicInteger waiting = new AtomicInteger();

    void started(TxnCoordinator txn) {
        active.put(txn.id(), txn);
    }

    void ended(TxnCoordinator txn, boolean ssi, long endTs) {
        active.remove(txn.id());
        if (ssi) {
            endedSsi.add(new EndedSsi(txn.id(), endTs));
        }
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

    /** Removes and returns the ended serializable transactions older than every active one. */
    public List<Long> drainForgettableSsi() {
        long horizon = oldestActive();
        List<Long> forgettable = new ArrayList<>();
        for (var it = endedSsi.iterator(); it.hasNext(); ) {
            EndedSsi ended = it.next();
            if (ended.endTs() < horizon) {
                forgettable.add(ended.txnId());
                it.remove();
            }
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

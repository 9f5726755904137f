package io.basalt.txn.participant;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * Transactions waiting for another transaction to finish, kept at the partition that holds the
 * awaited transaction's record (CockroachDB's txn wait queue). A writer that meets a pending
 * intent waits here instead of spinning; it is woken when the record becomes final.
 *
 * <p>Invariant: a waiter is either completed, or registered while the record was pending and
 * completed by the {@link #release} that follows the record's finalisation. This holds because
 * the status check in {@link #await} and the registration happen under this object's monitor,
 * and finalising commands write the record before calling {@link #release} (which takes the
 * same monitor): a check that saw PENDING registered before the release ran.
 *
 * <p>This queue is in-memory and unreplicated: after a leader change waiters are lost, and their
 * coordinators time out and retry (they never wait forever; see the coordinator's lock timeout).
 */
public final class TxnWaitQueue {
    /** Guarded by this. */
    private final Map<Long, List<CompletableFuture<Void>>> waiters = new HashMap<>();

    /**
     * A future that completes when {@code txnId}'s record is final. {@code status} reads the record;
     * it is called under the monitor.
     */
    public synchronized CompletableFuture<Void> await(long txnId, Supplier<TxnStatus> status) {
        if (status.get().isFinal()) {
            return CompletableFuture.completedFuture(null);
        }
        CompletableFuture<Void> future = new CompletableFuture<>();
        waiters.computeIfAbsent(txnId, id -> new ArrayList<>()).add(future);
        return future;
    }

    /** Wakes everyone waiting for {@code txnId}; call after its final record is written. */
    public void release(long txnId) {
        List<CompletableFuture<Void>> woken;
        synchronized (this) {
            woken = waiters.remove(txnId);
        }
        if (woken != null) {
            woken.forEach(f -> f.complete(null));
        }
    }

    /** Drops waiters that gave up (timed out or were cancelled), so the map does not grow. */
    public synchronized void forgetAbandoned() {
        waiters.values().forEach(list -> list.removeIf(CompletableFuture::isDone));
        waiters.values().removeIf(List::isEmpty);
    }

    public synchronized int waiterCount() {
        return waiters.values().stream().mapToInt(List::size).sum();
    }
}

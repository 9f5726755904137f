package io.basalt.txn.participant;

import java.nio.ByteBuffer;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/**
 * The locks of one partition that are not intents, and everyone waiting for any lock.
 *
 * <h2>Purpose</h2>
 * Exclusive locks are intents, which are durable and live in the store. This table holds the
 * rest, in memory beside the partition's state machine (ARCHITECTURE.md section 1): shared key
 * locks (two-phase locking reads, {@code FOR SHARE}), shared range locks (two-phase locking scans:
 * the scanned range including its gaps, so inserts into it wait: no phantoms), and the FIFO queue
 * of transactions waiting for each key. It also answers the deadlock detector with the wait-for
 * edges of its waiters.
 *
 * <h2>Invariants</h2>
 * <ol>
 *   <li>A key's waiters are woken in the order they queued (a re-queued waiter that lost a race
 *       after being woken goes back to the front).</li>
 *   <li>A shared key lock and another transaction's intent never exist together on a key: both
 *       are granted only after checking for the other under the key's latch.</li>
 *   <li>A range lock and another transaction's intent inside the range never exist together:
 *       range locks are granted only while holding the partition's range latch exclusively, and
 *       writers check range locks while holding it shared ({@link Participant#rangeLatch()}).</li>
 *   <li>Every waiter's future is completed exactly once: woken (normally), failed (deadlock
 *       victim), or cancelled by its owner (timeout); it then leaves the queue. A head that
 *       leaves wakes the next head, which may have waited only for it.</li>
 *   <li>A key granted to a woken waiter (a reservation) and not yet written is passed on to the
 *       next head when its holder queues again at the back, rolls back the statement, or ends;
 *       it is never simply dropped while others queue behind it.</li>
 * </ol>
 * Waiters still ask {@link #wakeIfUnblocked} once per wait slice: should a wake-up be lost in a
 * path these rules missed, the wait ends within a slice instead of never.
 *
 * <h2>Threading</h2>
 * Every method is synchronized on this table; no method blocks or does I/O. Futures are completed
 * after leaving the monitor, so a waiter's continuation never runs while the table is locked.
 * Lock order: key latches, then the range latch, then this monitor.
 *
 * <h2>Lifecycle of a wait</h2>
 * <pre>
 *   command finds a conflict -> reply names the blockers
 *   coordinator -> enqueue(key, blockers)   future pending, edges waiter -> blockers
 *   holder's intent resolved / locks released -> released(key) -> head woken
 *   woken coordinator retries its command; on a new conflict it enqueues again, at the front
 * </pre>
 *
 * <h2>Worked interleaving: two waiters, one release</h2>
 * T1 holds an intent on k. T2 then T3 try to write k and enqueue (T2 first). T1 commits:
 * resolving k calls {@code released(k)}, which wakes T2 only. T2 writes its intent; T3 stays
 * queued with its edge now pointing at T2 (blockers are refreshed when T3's retry conflicts).
 *
 * <h2>Alternatives considered</h2>
 * Waiting on the holder's transaction record (CockroachDB's txn wait queue), as the first
 * release did: simple, but not FIFO per key and blind to shared locks. Waking every waiter on
 * release: a thundering herd and no order. Granting reservations to the woken head: fair, but a
 * head that never returns would block the key; re-queuing at the front is fair enough.
 *
 * <p>Unreplicated: after a leader change the table starts empty; shared locks and range locks
 * are then lost, so the transactions that held them must not commit (the coordinator learns it
 * from its lock-epoch check, a later release's work). See docs/design/transactions.md.
 */
public final class LockTable {

    /** Kinds of locks a waiter wants. */
    public enum Mode { SHARED, EXCLUSIVE }

    /** Someone waiting for a key. */
    private static final class Waiter {
        final long txnId;
        final Mode mode;
        final long[] blockers;
        final CompletableFuture<Void> woken = new CompletableFuture<>();

        Waiter(long txnId, Mode mode, long[] blockers) {
            this.txnId = txnId;
            this.mode = mode;
            this.blockers = blockers;
        }
    }

    /** Locks and waiters of one key; exists while it has either. */
    private static final class KeyState {
        final Set<Long> sharedHolders = new LinkedHashSet<>();
        final Deque<Waiter> waiters = new ArrayDeque<>();
        /** The woken exclusive waiter the key is granted to, until it writes its intent (0: none). */
        long reservedFor;
        long reservedAtMillis;

        boolean isEmpty() {
            return sharedHolders.isEmpty() && waiters.isEmpty() && reservedFor == 0;
        }
    }

    /** A shared lock on the user keys in {@code [start, end)}; end null means no upper bound. */
    private record RangeLock(long txnId, byte[] start, byte[] end) {
        boolean covers(byte[] key) {
            return Arrays.compareUnsigned(key, start) >= 0 && (end == null || Arrays.compareUnsigned(key, end) < 0);
        }
    }

    /**
     * @param clockMillis the partition's clock
     * @param reservationExpiryMillis a reservation its holder never claimed is ignored after this
     *     long (the holder's coordinator died between waking and retrying)
     */
    public LockTable(java.util.function.LongSupplier clockMillis, long reservationExpiryMillis) {
        this.clockMillis = clockMillis;
        this.reservationExpiryMillis = reservationExpiryMillis;
    }

    /** One edge of the wait-for graph: {@code waiter} waits for {@code blocker}. */
    public record WaitEdge(long waiter, long blocker) {
    }

    private final java.util.function.LongSupplier clockMillis;
    private final long reservationExpiryMillis;
    private final Map<ByteBuffer, KeyState> keys = new HashMap<>();
    private final List<RangeLock> ranges = new ArrayList<>();
    /** Keys on which each transaction holds shared locks. */
    private final Map<Long, Set<ByteBuffer>> sharedByTxn = new HashMap<>();

    /**
     * Transactions other than {@code txnId} whose locks (shared key locks, range locks) or queued
     * requests stand in the way of an exclusive write of {@code key}. Empty: go ahead.
     *
     * @param wokenWaiter the requester was just woken from this key's queue: everyone still queued
     *     is behind it, so the queue does not block it
     */
    public synchronized long[] exclusiveBlockers(byte[] key, long txnId, boolean wokenWaiter) {
        Set<Long> blockers = new LinkedHashSet<>();
        KeyState state = keys.get(ByteBuffer.wrap(key));
        if (state != null) {
            for (long holder : state.sharedHolders) {
                if (holder != txnId) {
                    blockers.add(holder);
                }
            }
            long reserved = reservation(state);
            if (reserved != 0 && reserved != txnId) {
                blockers.add(reserved);
            }
            if (!wokenWaiter && reserved != txnId) { // a reservation means it was granted the key: nobody is ahead
                addQueuedAhead(state, txnId, blockers);
            }
        }
        for (RangeLock range : ranges) {
            if (range.txnId != txnId && range.covers(key)) {
                blockers.add(range.txnId);
            }
        }
        return toArray(blockers);
    }

    /**
     * Grants {@code txnId} a shared lock on {@code key}, unless a queued exclusive request is ahead
     * (FIFO: readers do not overtake waiting writers); then returns the blockers and grants
     * nothing. The caller has checked that no other transaction holds an intent on the key.
     */
    public synchronized long[] tryAcquireShared(byte[] key, long txnId, boolean wokenWaiter) {
        ByteBuffer wrapped = ByteBuffer.wrap(key.clone());
        KeyState state = keys.computeIfAbsent(wrapped, k -> new KeyState());
        long[] blockers = sharedBlockers(state, txnId, wokenWaiter);
        if (blockers.length > 0) {
            if (state.isEmpty()) {
                keys.remove(wrapped);
            }
            return blockers;
        }
        state.sharedHolders.add(txnId);
        sharedByTxn.computeIfAbsent(txnId, id -> new HashSet<>()).add(wrapped);
        return NONE;
    }

    /**
     * Transactions that stand in the way of a shared lock on {@code key} for {@code txnId}, taking
     * nothing: a grant to another transaction and, unless it was just woken from the queue,
     * exclusive requests queued ahead (readers do not overtake waiting writers).
     */
    public synchronized long[] sharedBlockers(byte[] key, long txnId, boolean wokenWaiter) {
        KeyState state = keys.get(ByteBuffer.wrap(key));
        return state == null ? NONE : sharedBlockers(state, txnId, wokenWaiter);
    }

    private long[] sharedBlockers(KeyState state, long txnId, boolean wokenWaiter) {
        Set<Long> blockers = new LinkedHashSet<>();
        long reserved = reservation(state);
        if (reserved != 0 && reserved != txnId) {
            blockers.add(reserved);
        }
        if (!wokenWaiter) {
            for (Waiter waiter : state.waiters) {
                if (waiter.txnId != txnId && waiter.mode == Mode.EXCLUSIVE) {
                    blockers.add(waiter.txnId);
                }
            }
        }
        return toArray(blockers);
    }

    /** {@code txnId} wrote its intent on {@code key}: its reservation, if any, has become the real lock. */
    public synchronized void claimed(byte[] key, long txnId) {
        ByteBuffer wrapped = ByteBuffer.wrap(key);
        KeyState state = keys.get(wrapped);
        if (state != null && state.reservedFor == txnId) {
            state.reservedFor = 0;
            if (state.isEmpty()) {
                keys.remove(wrapped);
            }
        }
    }

    /** Grants a shared range lock; the caller holds the range latch exclusively and found no foreign intent in the range. */
    public synchronized void acquireRange(long txnId, byte[] start, byte[] end) {
        ranges.add(new RangeLock(txnId, start.clone(), end == null ? null : end.clone()));
    }

    /** Whether {@code txnId} holds a shared lock on {@code key} (its own reads do not block its upgrade). */
    public synchronized boolean holdsShared(byte[] key, long txnId) {
        KeyState state = keys.get(ByteBuffer.wrap(key));
        return state != null && state.sharedHolders.contains(txnId);
    }

    /**
     * Queues {@code txnId} for {@code key}. The future completes when the key is released (then
     * retry), or fails if the waiter is chosen as a deadlock victim. {@code front}: a woken waiter
     * that lost its turn goes back to the head of the queue.
     */
    public CompletableFuture<Void> enqueue(byte[] key, long txnId, Mode mode, long[] blockers, boolean front) {
        Waiter waiter = new Waiter(txnId, mode, blockers.clone());
        List<Waiter> woken = List.of();
        synchronized (this) {
            KeyState state = keys.computeIfAbsent(ByteBuffer.wrap(key.clone()), k -> new KeyState());
            boolean gaveUpReservation = state.reservedFor == txnId;
            if (gaveUpReservation) {
                state.reservedFor = 0; // it waits again instead of holding: the next release wakes it
            }
            if (front) {
                state.waiters.addFirst(waiter);
            } else {
                state.waiters.addLast(waiter);
                if (gaveUpReservation) {
                    woken = wakeHead(state); // the key was granted to it; it passes the grant on
                }
            }
        }
        woken.forEach(w -> w.woken.complete(null));
        // A waiter that gives up (timeout, cancel) leaves the queue, and whoever queued behind it moves up.
        waiter.woken.whenComplete((ignored, error) -> {
            if (error != null) {
                leave(key, waiter);
            }
        });
        return waiter.woken;
    }

    /**
     * A waiter gave up (timeout, deadlock victim). It held nothing, but the waiters queued behind
     * it may have been waiting only because it was ahead of them (FIFO): if it was the head, the
     * new head is woken to retry; if something else still blocks it, it queues again at the front.
     */
    private void leave(byte[] key, Waiter waiter) {
        List<Waiter> woken = List.of();
        synchronized (this) {
            ByteBuffer wrapped = ByteBuffer.wrap(key);
            KeyState state = keys.get(wrapped);
            if (state == null) {
                return;
            }
            boolean wasHead = state.waiters.peekFirst() == waiter;
            if (!state.waiters.remove(waiter)) {
                return;
            }
            if (wasHead && reservation(state) == 0) {
                woken = wakeHead(state);
            }
            if (state.isEmpty()) {
                keys.remove(wrapped);
            }
        }
        woken.forEach(w -> w.woken.complete(null));
    }

    /**
     * The key's exclusive holder may be gone (its intent was resolved or rolled back): grant the
     * key to the head of its queue (and wake every shared waiter right behind a shared head).
     */
    public void released(byte[] key) {
        List<Waiter> woken;
        synchronized (this) {
            ByteBuffer wrapped = ByteBuffer.wrap(key);
            KeyState state = keys.get(wrapped);
            if (state == null) {
                return;
            }
            woken = reservation(state) == 0 ? wakeHead(state) : List.of();
            if (state.isEmpty()) {
                keys.remove(wrapped);
            }
        }
        woken.forEach(w -> w.woken.complete(null));
    }

    /** Releases every shared and range lock of {@code txnId} and wakes the waiters that may now proceed. */
    public void releaseAll(long txnId) {
        List<Waiter> woken = new ArrayList<>();
        synchronized (this) {
            Set<ByteBuffer> held = sharedByTxn.remove(txnId);
            if (held != null) {
                for (ByteBuffer key : held) {
                    KeyState state = keys.get(key);
                    if (state != null) {
                        state.sharedHolders.remove(txnId);
                        if (reservation(state) == 0 && onlyHeadHoldsShared(state)) {
                            woken.addAll(wakeHead(state));
                        }
                        if (state.isEmpty()) {
                            keys.remove(key);
                        }
                    }
                }
            }
            for (Iterator<Map.Entry<ByteBuffer, KeyState>> it = keys.entrySet().iterator(); it.hasNext(); ) {
                KeyState state = it.next().getValue();
                if (state.reservedFor == txnId) {
                    state.reservedFor = 0;
                    woken.addAll(wakeHead(state));
                    if (state.isEmpty()) {
                        it.remove();
                    }
                }
            }
            List<RangeLock> released = new ArrayList<>();
            for (Iterator<RangeLock> it = ranges.iterator(); it.hasNext(); ) {
                RangeLock range = it.next();
                if (range.txnId == txnId) {
                    released.add(range);
                    it.remove();
                }
            }
            if (!released.isEmpty()) {
                for (Map.Entry<ByteBuffer, KeyState> entry : keys.entrySet()) {
                    byte[] key = toBytes(entry.getKey());
                    if (released.stream().anyMatch(r -> r.covers(key)) && reservation(entry.getValue()) == 0) {
                        woken.addAll(wakeHead(entry.getValue()));
                    }
                }
            }
        }
        woken.forEach(w -> w.woken.complete(null));
    }

    /**
     * {@code txnId} rolled back a statement: the keys it was granted but never wrote go to the
     * next in their queues (the statement that wanted them runs again and queues anew if it must).
     */
    public void dropReservations(long txnId) {
        List<Waiter> woken = new ArrayList<>();
        synchronized (this) {
            for (Iterator<KeyState> it = keys.values().iterator(); it.hasNext(); ) {
                KeyState state = it.next();
                if (state.reservedFor == txnId) {
                    state.reservedFor = 0;
                    woken.addAll(wakeHead(state));
                    if (state.isEmpty()) {
                        it.remove();
                    }
                }
            }
        }
        woken.forEach(w -> w.woken.complete(null));
    }

    /**
     * The safety net against a lost wake-up, asked once per wait slice by a waiter that is still
     * waiting: if it heads the queue of {@code key} and no lock this table knows of stands in its
     * way (the caller has checked the key's intent under the key's latch), it is woken now.
     * Returns whether it was.
     */
    public boolean wakeIfUnblocked(byte[] key, long txnId) {
        List<Waiter> woken;
        synchronized (this) {
            KeyState state = keys.get(ByteBuffer.wrap(key));
            Waiter head = state == null ? null : state.waiters.peekFirst();
            if (head == null || head.txnId != txnId || reservation(state) != 0) {
                return false;
            }
            if (head.mode == Mode.EXCLUSIVE && (!onlyHeadHoldsShared(state) || coveredByForeignRange(key, txnId))) {
                return false;
            }
            woken = wakeHead(state);
        }
        woken.forEach(w -> w.woken.complete(null));
        return true;
    }

    private boolean coveredByForeignRange(byte[] key, long txnId) {
        for (RangeLock range : ranges) {
            if (range.txnId != txnId && range.covers(key)) {
                return true;
            }
        }
        return false;
    }

    /** Fails every wait of {@code txnId} with {@code reason} (it was chosen as a deadlock victim). Returns whether it waited here. */
    public boolean failWaits(long txnId, RuntimeException reason) {
        List<Waiter> failed = new ArrayList<>();
        synchronized (this) {
            for (KeyState state : keys.values()) {
                for (Waiter waiter : state.waiters) {
                    if (waiter.txnId == txnId) {
                        failed.add(waiter);
                    }
                }
            }
        }
        failed.forEach(w -> w.woken.completeExceptionally(reason));
        return !failed.isEmpty();
    }

    /** The wait-for edges of everyone waiting here: to the blockers they named and to conflicting waiters queued ahead. */
    public synchronized List<WaitEdge> waitEdges() {
        List<WaitEdge> edges = new ArrayList<>();
        for (KeyState state : keys.values()) {
            List<Waiter> ahead = new ArrayList<>();
            long reserved = reservation(state);
            for (Waiter waiter : state.waiters) {
                for (long blocker : waiter.blockers) {
                    edges.add(new WaitEdge(waiter.txnId, blocker));
                }
                if (reserved != 0 && reserved != waiter.txnId) {
                    edges.add(new WaitEdge(waiter.txnId, reserved));
                }
                for (long holder : state.sharedHolders) {
                    if (holder != waiter.txnId && waiter.mode == Mode.EXCLUSIVE) {
                        edges.add(new WaitEdge(waiter.txnId, holder));
                    }
                }
                for (Waiter before : ahead) {
                    if (before.txnId != waiter.txnId && (before.mode == Mode.EXCLUSIVE || waiter.mode == Mode.EXCLUSIVE)) {
                        edges.add(new WaitEdge(waiter.txnId, before.txnId));
                    }
                }
                ahead.add(waiter);
            }
        }
        return edges;
    }

    /** The ids of the transactions queued for each key that has waiters (the key's exclusive holder, an intent, blocks them all). */
    public synchronized Map<ByteBuffer, long[]> waitersByKey() {
        Map<ByteBuffer, long[]> waiting = new HashMap<>();
        keys.forEach((key, state) -> {
            if (!state.waiters.isEmpty()) {
                waiting.put(key, state.waiters.stream().mapToLong(w -> w.txnId).toArray());
            }
        });
        return waiting;
    }

    /** The table's state, for logs and debugging: per key its shared holders, grant and queue. */
    @Override
    public synchronized String toString() {
        StringBuilder out = new StringBuilder("LockTable[");
        keys.forEach((key, state) -> {
            out.append("\n  ").append(java.util.HexFormat.of().formatHex(toBytes(key)))
                    .append(" shared=").append(state.sharedHolders).append(" granted=").append(state.reservedFor)
                    .append(" queue=");
            state.waiters.forEach(w -> out.append(w.txnId).append('/').append(w.mode).append(Arrays.toString(w.blockers)).append(' '));
        });
        ranges.forEach(r -> out.append("\n  range ").append(r.txnId));
        return out.append("\n]").toString();
    }

    public synchronized int waiterCount() {
        return keys.values().stream().mapToInt(s -> s.waiters.size()).sum();
    }

    public synchronized int sharedLockCount() {
        return sharedByTxn.values().stream().mapToInt(Set::size).sum() + ranges.size();
    }

    /**
     * Removes and returns the waiters to wake: the head, plus consecutive shared waiters behind a
     * shared head. An exclusive head is granted the key (a reservation) until it writes its intent,
     * so that nobody barging in takes it first and the others keep waiting behind it: a woken head
     * that goes elsewhere never strands them (PostgreSQL grants on release the same way).
     */
    private List<Waiter> wakeHead(KeyState state) {
        List<Waiter> woken = new ArrayList<>();
        Waiter head = state.waiters.pollFirst();
        if (head == null) {
            return woken;
        }
        woken.add(head);
        if (head.mode == Mode.EXCLUSIVE) {
            state.reservedFor = head.txnId;
            state.reservedAtMillis = clockMillis.getAsLong();
        } else {
            while (!state.waiters.isEmpty() && state.waiters.peekFirst().mode == Mode.SHARED) {
                woken.add(state.waiters.pollFirst());
            }
        }
        return woken;
    }

    /** No shared holder stands in the head's way: none, or just the head itself (an upgrade). */
    private static boolean onlyHeadHoldsShared(KeyState state) {
        Waiter head = state.waiters.peekFirst();
        return state.sharedHolders.isEmpty()
                || head != null && state.sharedHolders.size() == 1 && state.sharedHolders.contains(head.txnId);
    }

    /** The key's live reservation, or 0; an expired one is dropped. */
    private long reservation(KeyState state) {
        if (state.reservedFor != 0 && clockMillis.getAsLong() - state.reservedAtMillis > reservationExpiryMillis) {
            state.reservedFor = 0;
        }
        return state.reservedFor;
    }

    /** Conflicting requests queued ahead of a newcomer: the newcomer queues behind them (FIFO). */
    private static void addQueuedAhead(KeyState state, long txnId, Set<Long> blockers) {
        for (Waiter waiter : state.waiters) {
            if (waiter.txnId != txnId) {
                blockers.add(waiter.txnId);
            }
        }
    }

    private static final long[] NONE = new long[0];

    private static long[] toArray(Set<Long> ids) {
        return ids.isEmpty() ? NONE : ids.stream().mapToLong(Long::longValue).toArray();
    }

    private static byte[] toBytes(ByteBuffer buffer) {
        byte[] out = new byte[buffer.remaining()];
        buffer.duplicate().get(out);
        return out;
    }
}

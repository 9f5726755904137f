package io.basalt.kv.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;

/**
 * Idle iterators over the latest data of one column family, kept for reuse by point reads.
 *
 * <p>Why: a point read used to create and close a RocksDB iterator per call; creation, close and
 * the first seek on a fresh iterator were about 20% of the read. A reused iterator is refreshed
 * instead ({@code Iterator::Refresh}, cheap when no flush or compaction changed the column
 * family's SuperVersion), which makes it read exactly what a new iterator would: the latest
 * committed sequence number at refresh time. Readers that need a point in time use snapshots and
 * new iterators, never this pool.
 *
 * <p>Invariants:
 * <ul>
 *   <li>An iterator is either in the pool (idle, unbound, used by nobody) or borrowed by exactly
 *       one {@link EnginePin}; the queue's hand-off orders the owner threads' accesses.</li>
 *   <li>A borrowed iterator is refreshed after it leaves the pool and before its first seek, so
 *       it never serves data older than the borrow (see {@code MvccReader}'s point-read argument,
 *       which needs the versions read to start after the intent read).</li>
 * </ul>
 *
 * <p>Cost of idling: an iterator pins the SuperVersion it last refreshed to, so an idle pooled
 * iterator keeps a flushed memtable in memory and compacted-away SST files on disk until its next
 * use or the engine's close. The queue is FIFO so that every pooled iterator is used, and thus
 * refreshed, in turn under load; the capacity bounds the worst case (that many stale
 * SuperVersions after a burst of concurrency followed by silence). Capacity: twice the cores,
 * at least 4, a guess that covers a saturated node's reader threads; raise it if the close path
 * in {@link RocksEngine#release} shows up in profiles under high concurrency.
 *
 * <p>Rejected: a thread-local iterator per reader thread. It needs no hand-off, but embedded
 * applications call in on threads of their own, unbounded in number, each of which would keep an
 * iterator (and a SuperVersion) until the engine closes.
 */
final class IteratorPool {
    static final int CAPACITY = Math.max(4, 2 * Runtime.getRuntime().availableProcessors());

    private final ArrayBlockingQueue<EngineIterator> idle = new ArrayBlockingQueue<>(CAPACITY);

    /** An idle iterator, or null. */
    EngineIterator poll() {
        return idle.poll();
    }

    /** Whether {@code it} was taken back; if not (pool full) the caller closes it. */
    boolean offer(EngineIterator it) {
        return idle.offer(it);
    }

    /** Empties the pool (engine close; the engine closes the iterators through its open list). */
    List<EngineIterator> drain() {
        List<EngineIterator> out = new ArrayList<>();
        idle.drainTo(out);
        return out;
    }
}

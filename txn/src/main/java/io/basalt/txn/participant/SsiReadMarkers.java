package io.basalt.txn.participant;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Who read what, for serializable snapshot isolation: the SIREAD "locks" of PostgreSQL's SSI,
 * kept in memory beside one partition. A serializable reader leaves a marker on every key it read
 * and every range it scanned; a writer of a marked key learns its readers and reports the
 * rw-antidependencies (reader -> writer) to both transactions' conflict flags.
 *
 * <h2>Invariants</h2>
 * <ol>
 *   <li>A marker is never dropped while its transaction or any transaction concurrent with it may
 *       still commit; only {@link #forget} removes markers, and the transaction manager calls it
 *       for transactions that ended before every active transaction began (or aborted).</li>
 *   <li>Memory is bounded: above {@link #MAX_KEY_MARKERS} key markers, the transaction with the
 *       most key markers here has them coarsened into one range marker covering them all. A
 *       coarse marker makes more writes conflict (false aborts), never fewer (no missed anomalies).
 *       Only a transaction with at least {@link #MIN_COARSENED_KEYS} markers is worth coarsening:
 *       many short readers with a marker or two each are the janitor's to free, and turning them
 *       into range markers would make every later write scan a long range list. The search for
 *       the largest is rerun only after another {@link #COARSEN_CHECK_INTERVAL} markers, so
 *       being over the bound never costs a full pass per read.</li>
 * </ol>
 *
 * <h2>Threading</h2>
 * Synchronized; no I/O, no blocking. Lock order: key latches, then this monitor.
 *
 * <p>Unreplicated: after a leader change markers are lost, which would miss anomalies; the
 * replicated release must abort the serializable transactions active on a partition whose leader
 * changed (see docs/design/transactions.md).
 */
public final class SsiReadMarkers {
    /** Chosen so that a partition's markers stay within a few MB; coarsening is rare below it in OLTP. */
    static final int MAX_KEY_MARKERS = 100_000;
    static final int MIN_COARSENED_KEYS = 64;
    static final int COARSEN_CHECK_INTERVAL = 1_024;

    private record RangeMarker(long txnId, byte[] start, byte[] end) {
        boolean covers(byte[] key) {
            return Arrays.compareUnsigned(key, start) >= 0 && (end == null || Arrays.compareUnsigned(key, end) < 0);
        }
    }

    /**
     * The readers of one key: a handful of ids at most in OLTP, so a plain array with a linear
     * search beats a hash set (no boxing, one small allocation per key).
     */
    private static final class Readers {
        final ByteBuffer key;
        private long[] ids = new long[2];
        private int size;

        Readers(ByteBuffer key) {
            this.key = key;
        }

        boolean add(long txnId) {
            for (int i = 0; i < size; i++) {
                if (ids[i] == txnId) {
                    return false;
                }
            }
            if (size == ids.length) {
                ids = Arrays.copyOf(ids, size * 2);
            }
            ids[size++] = txnId;
            return true;
        }

        void remove(long txnId) {
            for (int i = 0; i < size; i++) {
                if (ids[i] == txnId) {
                    ids[i] = ids[--size];
                    return;
                }
            }
        }

        boolean isEmpty() {
            return size == 0;
        }
    }

    private final Map<ByteBuffer, Readers> readersByKey = new HashMap<>();
    /** Each transaction's marked keys, without duplicates (a key enters only when its Readers gained the id). */
    private final Map<Long, List<ByteBuffer>> keysByTxn = new HashMap<>();
    private final List<RangeMarker> ranges = new ArrayList<>();
    private int keyMarkers;
    private final int maxKeyMarkers;
    private final int minCoarsenedKeys;
    private int nextCoarsenCheck;

    public SsiReadMarkers() {
        this(MAX_KEY_MARKERS, MIN_COARSENED_KEYS);
    }

    SsiReadMarkers(int maxKeyMarkers, int minCoarsenedKeys) {
        this.maxKeyMarkers = maxKeyMarkers;
        this.minCoarsenedKeys = minCoarsenedKeys;
        this.nextCoarsenCheck = maxKeyMarkers;
    }

    public synchronized void markKey(byte[] key, long txnId) {
        Readers readers = readersByKey.get(ByteBuffer.wrap(key));
        if (readers == null) {
            readers = new Readers(ByteBuffer.wrap(key.clone())); // the map keeps it: never the caller's array
            readersByKey.put(readers.key, readers);
        }
        if (readers.add(txnId)) {
            keysByTxn.computeIfAbsent(txnId, id -> new ArrayList<>(4)).add(readers.key);
            countMarker();
        }
    }

    private void countMarker() {
        keyMarkers++;
        if (keyMarkers > nextCoarsenCheck) {
            coarsenLargest();
            nextCoarsenCheck = Math.max(maxKeyMarkers, keyMarkers + COARSEN_CHECK_INTERVAL);
        }
    }

    /** Marks the scanned range {@code [start, end)}; end null: to the end of the partition. */
    public synchronized void markRange(byte[] start, byte[] end, long txnId) {
        ranges.add(new RangeMarker(txnId, start.clone(), end == null ? null : end.clone()));
    }

    /**
     * Shrinks the range marker {@code [start, end)} of {@code txnId}, placed by {@link #markRange},
     * to {@code [start, newEnd)}: a scan page that stopped early read nothing from newEnd on. Safe
     * because a later page marks its own range before it reads, and a write there in between is
     * a version or intent newer than the snapshot, which that read reports. Without it, a
     * reader that takes the first rows of a long range (ORDER BY key LIMIT n) would conflict
     * with every insert anywhere in the range.
     */
    public synchronized void narrowRange(byte[] start, byte[] end, byte[] newEnd, long txnId) {
        for (int i = ranges.size() - 1; i >= 0; i--) {
            RangeMarker range = ranges.get(i);
            if (range.txnId == txnId && Arrays.equals(range.start, start) && Arrays.equals(range.end, end)) {
                ranges.set(i, new RangeMarker(txnId, range.start, newEnd.clone()));
                return;
            }
        }
    }

    /** The transactions other than {@code writerTxnId} that read {@code key} or scanned over it. */
    public synchronized long[] readersOf(byte[] key, long writerTxnId) {
        Readers onKey = readersByKey.get(ByteBuffer.wrap(key));
        if (ranges.isEmpty()) {
            if (onKey == null) {
                return new long[0];
            }
            return Arrays.stream(onKey.ids, 0, onKey.size).filter(id -> id != writerTxnId).toArray();
        }
        Set<Long> readers = new LinkedHashSet<>();
        if (onKey != null) {
            for (int i = 0; i < onKey.size; i++) {
                readers.add(onKey.ids[i]);
            }
        }
        for (RangeMarker range : ranges) {
            if (range.covers(key)) {
                readers.add(range.txnId);
            }
        }
        readers.remove(writerTxnId);
        return readers.stream().mapToLong(Long::longValue).toArray();
    }

    /** Drops every marker of the given transactions. */
    public synchronized void forget(Collection<Long> txnIds) {
        for (long txnId : txnIds) {
            List<ByteBuffer> keys = keysByTxn.remove(txnId);
            if (keys != null) {
                for (ByteBuffer key : keys) {
                    Readers readers = readersByKey.get(key);
                    readers.remove(txnId);
                    keyMarkers--;
                    if (readers.isEmpty()) {
                        readersByKey.remove(key);
                    }
                }
            }
        }
        if (!ranges.isEmpty()) {
            Set<Long> ids = new HashSet<>(txnIds);
            ranges.removeIf(range -> ids.contains(range.txnId));
        }
    }

    /** The transactions that have markers here (for the manager's clean-up). */
    public synchronized Set<Long> markedTransactions() {
        Set<Long> ids = new LinkedHashSet<>(keysByTxn.keySet());
        ranges.forEach(range -> ids.add(range.txnId));
        return ids;
    }

    public synchronized int keyMarkerCount() {
        return keyMarkers;
    }

    public synchronized int rangeMarkerCount() {
        return ranges.size();
    }

    private void coarsenLargest() {
        long largest = 0;
        int most = -1;
        for (Map.Entry<Long, List<ByteBuffer>> entry : keysByTxn.entrySet()) {
            if (entry.getValue().size() > most) {
                most = entry.getValue().size();
                largest = entry.getKey();
            }
        }
        if (most < minCoarsenedKeys) {
            return; // only short readers: the janitor frees them soon, a range each would cost more
        }
        byte[] min = null;
        byte[] max = null;
        for (ByteBuffer buffer : keysByTxn.get(largest)) {
            byte[] key = toBytes(buffer);
            if (min == null || Arrays.compareUnsigned(key, min) < 0) {
                min = key;
            }
            if (max == null || Arrays.compareUnsigned(key, max) > 0) {
                max = key;
            }
        }
        forget(List.of(largest));
        byte[] endExclusive = Arrays.copyOf(max, max.length + 1); // the smallest key after max
        ranges.add(new RangeMarker(largest, min, endExclusive));
    }

    private static byte[] toBytes(ByteBuffer buffer) {
        byte[] out = new byte[buffer.remaining()];
        buffer.duplicate().get(out);
        return out;
    }
}

package io.basalt.txn.participant;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
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
 *       coarse marker makes more writes conflict (false aborts), never fewer (no missed anomalies).</li>
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

    private record RangeMarker(long txnId, byte[] start, byte[] end) {
        boolean covers(byte[] key) {
            return Arrays.compareUnsigned(key, start) >= 0 && (end == null || Arrays.compareUnsigned(key, end) < 0);
        }
    }

    private final Map<ByteBuffer, Set<Long>> readersByKey = new HashMap<>();
    private final Map<Long, Set<ByteBuffer>> keysByTxn = new HashMap<>();
    private final List<RangeMarker> ranges = new ArrayList<>();
    private int keyMarkers;
    private final int maxKeyMarkers;

    public SsiReadMarkers() {
        this(MAX_KEY_MARKERS);
    }

    SsiReadMarkers(int maxKeyMarkers) {
        this.maxKeyMarkers = maxKeyMarkers;
    }

    public synchronized void markKey(byte[] key, long txnId) {
        ByteBuffer wrapped = ByteBuffer.wrap(key.clone());
        if (readersByKey.computeIfAbsent(wrapped, k -> new LinkedHashSet<>()).add(txnId)) {
            keysByTxn.computeIfAbsent(txnId, id -> new LinkedHashSet<>()).add(wrapped);
            keyMarkers++;
            if (keyMarkers > maxKeyMarkers) {
                coarsenLargest();
            }
        }
    }

    /** Marks the scanned range {@code [start, end)}; end null: to the end of the partition. */
    public synchronized void markRange(byte[] start, byte[] end, long txnId) {
        ranges.add(new RangeMarker(txnId, start.clone(), end == null ? null : end.clone()));
    }

    /** The transactions other than {@code writerTxnId} that read {@code key} or scanned over it. */
    public synchronized long[] readersOf(byte[] key, long writerTxnId) {
        Set<Long> readers = new LinkedHashSet<>();
        Set<Long> onKey = readersByKey.get(ByteBuffer.wrap(key));
        if (onKey != null) {
            readers.addAll(onKey);
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
            Set<ByteBuffer> keys = keysByTxn.remove(txnId);
            if (keys != null) {
                for (ByteBuffer key : keys) {
                    Set<Long> readers = readersByKey.get(key);
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
        for (Map.Entry<Long, Set<ByteBuffer>> entry : keysByTxn.entrySet()) {
            if (entry.getValue().size() > most) {
                most = entry.getValue().size();
                largest = entry.getKey();
            }
        }
        Set<ByteBuffer> keys = keysByTxn.get(largest);
        byte[] min = null;
        byte[] max = null;
        for (Iterator<ByteBuffer> it = keys.iterator(); it.hasNext(); ) {
            byte[] key = toBytes(it.next());
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

package io.basalt.txn.participant;

import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * The rw-antidependencies of serializable transactions whose <em>home</em> is this partition (a
 * transaction's home is chosen by hashing its id, so every partition can find it). Edges found on
 * any partition meet here: an edge reader -> writer is recorded as an out-edge of the reader and
 * an in-edge of the writer. A transaction with a live in-edge and a live out-edge is the pivot of a
 * possible dangerous structure and must not commit (Cahill; the edge sets rather than two flags
 * let an aborted neighbour's edges be ignored, as PostgreSQL's SSI does).
 *
 * <h2>Invariants</h2>
 * <ol>
 *   <li>{@link #prepareCommit} and {@link #markEdge} are atomic with respect to each other (this
 *       monitor): a transaction becomes COMMITTING only if, at that instant, it was no pivot
 *       counting every edge except those the caller showed cannot count; an edge added
 *       later sees it COMMITTING and the transaction that added it decides (a committed pivot
 *       cannot abort, so the newcomer does).</li>
 *   <li>Entries are kept until {@link #forget} (after the transaction and everything concurrent
 *       with it ended).</li>
 * </ol>
 * Unreplicated, like read markers (see {@link SsiReadMarkers}).
 */
public final class SsiConflicts {

    /** Lifecycle of a transaction as its home knows it. */
    public enum State { ACTIVE, COMMITTING, ABORTED }

    /**
     * What the home knows about one transaction.
     *
     * @param commitTs when COMMITTING: the commit timestamp once known, else {@code Long.MAX_VALUE}
     */
    public record Entry(Set<Long> in, Set<Long> out, State state, long commitTs) {
        public Entry {
            in = Set.copyOf(in);
            out = Set.copyOf(out);
        }

        /** Whether it has an edge each way to transactions other than {@code ignored}. */
        public boolean isPivot(Set<Long> ignored) {
            return in.stream().anyMatch(id -> !ignored.contains(id)) && out.stream().anyMatch(id -> !ignored.contains(id));
        }

        public boolean committing() {
            return state == State.COMMITTING;
        }
    }

    /** Which end of an rw-antidependency the transaction is. */
    public enum Side { READER, WRITER }

    private static final class Mutable {
        final Set<Long> in = new LinkedHashSet<>();
        final Set<Long> out = new LinkedHashSet<>();
        State state = State.ACTIVE;
        long commitTs = Long.MAX_VALUE;

        Entry snapshot() {
            return new Entry(in, out, state, commitTs);
        }
    }

    private final Map<Long, Mutable> entries = new HashMap<>();

    /** Records that {@code txnId} read what {@code other} wrote later (READER) or wrote what {@code other} had read (WRITER). */
    public synchronized Entry markEdge(long txnId, Side side, long other) {
        Mutable entry = entries.computeIfAbsent(txnId, id -> new Mutable());
        (side == Side.READER ? entry.out : entry.in).add(other);
        return entry.snapshot();
    }

    /** Forgets an edge recorded by {@link #markEdge} (see {@link SsiUnmarkEdgeCommand}). */
    public synchronized void unmarkEdge(long txnId, Side side, long other) {
        Mutable entry = entries.get(txnId);
        if (entry != null) {
            (side == Side.READER ? entry.out : entry.in).remove(other);
        }
    }

    /**
     * Marks the transaction COMMITTING unless it is a pivot, ignoring edges to {@code ignored}
     * (neighbours the caller found aborted, or committed before its snapshot); returns whether it
     * may commit.
     */
    public synchronized boolean prepareCommit(long txnId, Set<Long> ignored) {
        Mutable entry = entries.computeIfAbsent(txnId, id -> new Mutable());
        if (entry.state == State.ABORTED || entry.snapshot().isPivot(ignored)) {
            return false;
        }
        entry.state = State.COMMITTING;
        return true;
    }

    /** Records the commit timestamp once known (until then a COMMITTING transaction counts as concurrent with everyone). */
    public synchronized void committed(long txnId, long commitTs) {
        Mutable entry = entries.get(txnId);
        if (entry != null) {
            entry.commitTs = commitTs;
        }
    }

    /** The transaction aborted: its edges no longer make anyone a pivot. */
    public synchronized void aborted(long txnId) {
        entries.computeIfAbsent(txnId, id -> new Mutable()).state = State.ABORTED;
    }

    public synchronized Entry entry(long txnId) {
        Mutable entry = entries.get(txnId);
        return entry == null ? new Entry(Set.of(), Set.of(), State.ACTIVE, Long.MAX_VALUE) : entry.snapshot();
    }

    public synchronized void forget(Collection<Long> txnIds) {
        txnIds.forEach(entries::remove);
    }

    public synchronized int size() {
        return entries.size();
    }
}

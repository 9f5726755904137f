package io.basalt.txn.coord;

import io.basalt.txn.TxnErrors;
import io.basalt.txn.participant.SsiAbortedCommand;
import io.basalt.txn.participant.SsiCommittedCommand;
import io.basalt.txn.participant.SsiConflicts;
import io.basalt.txn.participant.SsiEdgeCommand;
import io.basalt.txn.participant.SsiEntryCommand;
import io.basalt.txn.participant.SsiPrepareCommitCommand;
import io.basalt.txn.participant.SsiUnmarkEdgeCommand;
import java.util.HashSet;
import java.util.Set;

/**
 * The coordinator's side of serializable snapshot isolation (Cahill's algorithm). Partitions find
 * rw-antidependencies (a read skipping a newer or pending version; a write meeting another
 * transaction's read marker) and report them in their replies; this class records each edge
 * {@code reader -> writer} at both transactions' homes (see {@link SsiConflicts}) and decides who
 * must abort:
 * <ul>
 *   <li>at commit, the transaction fetches its edges, asks its neighbours' homes which of them
 *       aborted, and the home marks it committing only if it is no pivot among the rest;</li>
 *   <li>an edge to or from a transaction that is already committing and is a pivot by this edge
 *       cannot abort that one: the transaction that found the edge aborts instead.</li>
 * </ul>
 * An edge from a reader that committed before this writer started is no antidependency between
 * concurrent transactions and is ignored. False aborts are possible (no commit-order refinement),
 * missed anomalies are not.
 */
final class SsiGuard {
    private final long txnId;
    private final TxnContext context;
    private final PartitionCalls calls;
    private boolean hasEdges;

    SsiGuard(long txnId, TxnContext context, PartitionCalls calls) {
        this.txnId = txnId;
        this.context = context;
        this.calls = calls;
    }

    /** This transaction read past versions (or pending intents) written by {@code writers} after its snapshot. */
    void readPast(long... writers) {
        for (long writer : writers) {
            if (writer == txnId || writer == 0) {
                continue;
            }
            mark(txnId, SsiConflicts.Side.READER, writer);
            SsiConflicts.Entry theirs = mark(writer, SsiConflicts.Side.WRITER, txnId);
            if (theirs.committing() && theirs.isPivot(Set.of())) {
                abort();
            }
        }
    }

    /**
     * This transaction wrote keys that {@code readers} had read (their snapshots miss this write).
     *
     * @param snapshotTs this transaction's snapshot now: a reader that committed before it is not
     *     concurrent (the snapshot moves past the transaction's id when its first statement restarts)
     */
    void overwroteReadsOf(long snapshotTs, long... readers) {
        for (long reader : readers) {
            if (reader == txnId || context.registry().ssiEndedBefore(reader, snapshotTs)) {
                continue; // itself, or a reader that ended before this snapshot: not concurrent (or aborted)
            }
            SsiConflicts.Entry theirs = calls.call(context.homePartition(reader), new SsiEntryCommand(reader));
            if (theirs.committing() && theirs.commitTs() < snapshotTs) {
                continue; // it committed before this transaction's snapshot: not concurrent
            }
            theirs = mark(reader, SsiConflicts.Side.READER, txnId);
            mark(txnId, SsiConflicts.Side.WRITER, reader);
            if (theirs.committing() && theirs.isPivot(Set.of())) {
                abort();
            }
        }
    }

    /**
     * The transaction's first statement restarted at a newer snapshot ({@code snapshotTs}): edges
     * its earlier attempt recorded to transactions that have committed before that snapshot are no
     * dependencies between concurrent transactions any more, and must not make anyone a pivot.
     */
    void snapshotMoved(long snapshotTs) {
        if (!hasEdges) {
            return;
        }
        SsiConflicts.Entry mine = calls.call(context.homePartition(txnId), new SsiEntryCommand(txnId));
        unmarkCommittedBefore(mine.out(), SsiConflicts.Side.READER, snapshotTs);
        unmarkCommittedBefore(mine.in(), SsiConflicts.Side.WRITER, snapshotTs);
    }

    private void unmarkCommittedBefore(Set<Long> neighbours, SsiConflicts.Side side, long snapshotTs) {
        SsiConflicts.Side theirSide = side == SsiConflicts.Side.READER ? SsiConflicts.Side.WRITER : SsiConflicts.Side.READER;
        for (long neighbour : neighbours) {
            SsiConflicts.Entry entry = calls.call(context.homePartition(neighbour), new SsiEntryCommand(neighbour));
            if (entry.committing() && entry.commitTs() < snapshotTs) {
                calls.call(context.homePartition(txnId), new SsiUnmarkEdgeCommand(txnId, side, neighbour));
                calls.call(context.homePartition(neighbour), new SsiUnmarkEdgeCommand(neighbour, theirSide, txnId));
            }
        }
    }

    /**
     * At commit: refuses (40001) if this transaction is a pivot among neighbours that still count:
     * not those that aborted, nor those that committed before its snapshot (not concurrent with
     * it; an edge to one is left over from a first statement that restarted at a newer snapshot).
     */
    void prepareCommit(long snapshotTs) {
        Set<Long> ignored = new HashSet<>();
        if (hasEdges) {
            SsiConflicts.Entry mine = calls.call(context.homePartition(txnId), new SsiEntryCommand(txnId));
            Set<Long> neighbours = new HashSet<>(mine.in());
            neighbours.addAll(mine.out());
            for (long neighbour : neighbours) {
                SsiConflicts.Entry entry = calls.call(context.homePartition(neighbour), new SsiEntryCommand(neighbour));
                if (entry.state() == SsiConflicts.State.ABORTED || entry.committing() && entry.commitTs() < snapshotTs) {
                    ignored.add(neighbour);
                }
            }
        }
        if (!calls.call(context.homePartition(txnId), new SsiPrepareCommitCommand(txnId, ignored))) {
            abort();
        }
    }

    void committed(long commitTs) {
        calls.call(context.homePartition(txnId), new SsiCommittedCommand(txnId, commitTs));
    }

    /** The transaction ended without committing: its edges stop counting for its neighbours. */
    void aborted() {
        if (hasEdges) {
            calls.call(context.homePartition(txnId), new SsiAbortedCommand(txnId));
        }
    }

    private SsiConflicts.Entry mark(long id, SsiConflicts.Side side, long other) {
        if (id == txnId) {
            hasEdges = true;
        }
        return calls.call(context.homePartition(id), new SsiEdgeCommand(id, side, other));
    }

    private void abort() {
        context.stats().ssiAbort();
        aborted();
        throw TxnErrors.dangerousStructure(txnId);
    }
}

package io.basalt.txn.coord;

import io.basalt.txn.TxnErrors;
import io.basalt.txn.participant.SsiAbortedCommand;
import io.basalt.txn.participant.SsiCommittedCommand;
import io.basalt.txn.participant.SsiConflicts;
import io.basalt.txn.participant.SsiEdgeCommand;
import io.basalt.txn.participant.SsiEntryCommand;
import io.basalt.txn.participant.SsiPrepareCommitCommand;
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

    /** This transaction wrote keys that {@code readers} had read (their snapshots miss this write). */
    void overwroteReadsOf(long... readers) {
        for (long reader : readers) {
            if (reader == txnId) {
                continue;
            }
            SsiConflicts.Entry theirs = calls.call(context.homePartition(reader), new SsiEntryCommand(reader));
            if (theirs.committing() && theirs.commitTs() < txnId) {
                continue; // it committed before this transaction began: not concurrent
            }
            theirs = mark(reader, SsiConflicts.Side.READER, txnId);
            mark(txnId, SsiConflicts.Side.WRITER, reader);
            if (theirs.committing() && theirs.isPivot(Set.of())) {
                abort();
            }
        }
    }

    /** At commit: refuses (40001) if this transaction is a pivot among neighbours that did not abort. */
    void prepareCommit() {
        Set<Long> aborted = new HashSet<>();
        if (hasEdges) {
            SsiConflicts.Entry mine = calls.call(context.homePartition(txnId), new SsiEntryCommand(txnId));
            Set<Long> neighbours = new HashSet<>(mine.in());
            neighbours.addAll(mine.out());
            for (long neighbour : neighbours) {
                SsiConflicts.Entry entry = calls.call(context.homePartition(neighbour), new SsiEntryCommand(neighbour));
                if (entry.state() == SsiConflicts.State.ABORTED) {
                    aborted.add(neighbour);
                }
            }
        }
        if (!calls.call(context.homePartition(txnId), new SsiPrepareCommitCommand(txnId, aborted))) {
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

package io.basalt.txn.participant;

import io.basalt.kv.mvcc.ScanBatch;
import java.util.concurrent.CompletableFuture;

/**
 * Reads one page of {@code [start, end)} at a snapshot. A serializable (SSI) reader marks the
 * whole range first (predicate read: an insert into it later is an rw-antidependency), narrows the
 * marker to what the page covered when it stopped early, and learns the writers of versions newer
 * than its snapshot, including rows that appeared after it.
 *
 * @param ssiReaderTxnId the reader's id when it runs SSI, else 0
 */
public record ScanCommand(byte[] start, byte[] end, long readTs, int maxKeys, long ssiReaderTxnId)
        implements PartitionCommand<ScanBatch> {

    public ScanCommand(byte[] start, byte[] end, long readTs, int maxKeys) {
        this(start, end, readTs, maxKeys, 0);
    }

    @Override
    public CompletableFuture<ScanBatch> execute(Participant participant) {
        boolean ssi = ssiReaderTxnId != 0;
        if (ssi) {
            participant.readMarkers().markRange(start, end, ssiReaderTxnId);
        }
        // After the snapshot and the marker, before the read: see PendingCommits.
        participant.pendingCommits().awaitRange(start, end);
        ScanBatch batch = participant.reader().scan(start, end, readTs, maxKeys, ssi);
        if (ssi && batch.resumeKey() != null) {
            participant.readMarkers().narrowRange(start, end, batch.resumeKey(), ssiReaderTxnId);
        }
        return CompletableFuture.completedFuture(batch);
    }
}

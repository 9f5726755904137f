package io.basalt.txn.participant;

import io.basalt.kv.mvcc.MvccEntry;
import java.util.concurrent.CompletableFuture;

/**
 * Reads one key at a snapshot; the reply carries any intent for the coordinator to judge. A
 * serializable (SSI) reader also leaves a read marker and learns the writers of versions newer
 * than its snapshot (it has an rw-antidependency on each).
 *
 * @param ssiReaderTxnId the reader's id when it runs SSI, else 0
 */
public record ReadCommand(byte[] key, long readTs, long ssiReaderTxnId) implements PartitionCommand<MvccEntry> {

    public ReadCommand(byte[] key, long readTs) {
        this(key, readTs, 0);
    }

    @Override
    public CompletableFuture<MvccEntry> execute(Participant participant) {
        boolean ssi = ssiReaderTxnId != 0;
        if (ssi) {
            // Marker first: a writer that commits after this read but misses the marker would have
            // to have written before it, and then this read sees its version or intent.
            participant.readMarkers().markKey(key, ssiReaderTxnId);
        }
        // After the snapshot and the marker, before the read: see PendingCommits.
        participant.pendingCommits().awaitKey(key);
        return CompletableFuture.completedFuture(participant.reader().get(key, readTs, ssi));
    }
}

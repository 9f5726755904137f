package io.basalt.txn.participant;

import io.basalt.kv.mvcc.MvccEntry;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Reads several keys of one partition at one snapshot in a single request: {@link ReadCommand}
 * for each, in order (read markers first under SSI, for the same reason). Used to fetch the rows an
 * index scan found, one request per partition and batch instead of one per row.
 *
 * @param ssiReaderTxnId the reader's id when it runs SSI, else 0
 */
public record MultiReadCommand(List<byte[]> keys, long readTs, long ssiReaderTxnId)
        implements PartitionCommand<List<MvccEntry>> {

    @Override
    public CompletableFuture<List<MvccEntry>> execute(Participant participant) {
        boolean ssi = ssiReaderTxnId != 0;
        List<MvccEntry> entries = new ArrayList<>(keys.size());
        for (byte[] key : keys) {
            if (ssi) {
                participant.readMarkers().markKey(key, ssiReaderTxnId);
            }
            participant.pendingCommits().awaitKey(key); // after the marker, before the read: see PendingCommits
            entries.add(participant.reader().get(key, readTs, ssi));
        }
        return CompletableFuture.completedFuture(entries);
    }
}

package io.basalt.txn.participant;

import io.basalt.kv.mvcc.Intent;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * The wait-for edges of this partition's waiters, for the deadlock detector: those the lock table
 * knows (blockers named when queueing, reservations, shared holders, conflicting waiters ahead)
 * plus an edge from every waiter of a key to the key's current exclusive holder, read from its
 * intent now. The holder may have changed since a waiter queued (a waiter ahead was granted the
 * key and wrote its intent), and a cycle through the new holder must still be seen.
 */
public record CollectWaitsCommand() implements PartitionCommand<List<LockTable.WaitEdge>> {

    @Override
    public CompletableFuture<List<LockTable.WaitEdge>> execute(Participant participant) {
        List<LockTable.WaitEdge> edges = new ArrayList<>(participant.lockTable().waitEdges());
        for (Map.Entry<ByteBuffer, long[]> waited : participant.lockTable().waitersByKey().entrySet()) {
            ByteBuffer key = waited.getKey();
            byte[] raw = new byte[key.remaining()];
            key.duplicate().get(raw);
            Intent holder = participant.reader().intent(raw);
            if (holder == null) {
                continue;
            }
            for (long waiter : waited.getValue()) {
                if (waiter != holder.txnId()) {
                    edges.add(new LockTable.WaitEdge(waiter, holder.txnId()));
                }
            }
        }
        return CompletableFuture.completedFuture(edges);
    }
}

package io.basalt.txn.maintenance;

import io.basalt.txn.coord.TxnContext;
import io.basalt.txn.coord.TxnRegistry;
import io.basalt.txn.participant.SsiForgetCommand;
import io.basalt.txn.routing.PartitionClient;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Frees the read markers and conflict flags of serializable transactions that can no longer be
 * part of a dangerous structure: those that ended before every active transaction began
 * (PostgreSQL frees its SIREAD locks on the same condition). Runs on the maintenance thread.
 */
public final class SsiJanitor {
    private final TxnRegistry registry;
    private final PartitionClient client;
    private final int partitionCount;

    public SsiJanitor(TxnRegistry registry, PartitionClient client, int partitionCount) {
        this.registry = registry;
        this.client = client;
        this.partitionCount = partitionCount;
    }

    /**
     * Forgets what can be forgotten: each partition is sent only the transactions that left
     * markers there or have their conflict flags there (their home), not every id to every one.
     */
    public int sweep() {
        List<TxnRegistry.EndedSsi> forgettable = registry.drainForgettableSsi();
        Map<Integer, List<Long>> byPartition = new TreeMap<>();
        for (TxnRegistry.EndedSsi ended : forgettable) {
            BitSet partitions = (BitSet) ended.markedPartitions().clone();
            partitions.set(TxnContext.homePartition(ended.txnId(), partitionCount));
            partitions.stream().forEach(p -> byPartition.computeIfAbsent(p, k -> new ArrayList<>()).add(ended.txnId()));
        }
        byPartition.forEach((partition, ids) -> client.send(partition, new SsiForgetCommand(ids)).join());
        return forgettable.size();
    }
}

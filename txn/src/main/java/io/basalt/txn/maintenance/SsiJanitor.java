package io.basalt.txn.maintenance;

import io.basalt.txn.coord.TxnRegistry;
import io.basalt.txn.participant.SsiForgetCommand;
import io.basalt.txn.routing.PartitionClient;
import java.util.List;

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

    public int sweep() {
        List<Long> forgettable = registry.drainForgettableSsi();
        if (!forgettable.isEmpty()) {
            for (int partition = 0; partition < partitionCount; partition++) {
                client.send(partition, new SsiForgetCommand(forgettable)).join();
            }
        }
        return forgettable.size();
    }
}

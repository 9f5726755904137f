package io.basalt.cluster.routing;

import io.basalt.kv.codec.Keys;
import io.basalt.kv.partition.PartitionKeys;
import io.basalt.txn.routing.PartitionRouter;

/**
 * Routes a key to the partition named by its first field (see {@link PartitionKeys}). The number
 * of partitions is fixed when the database is created (ARCHITECTURE.md section 2).
 */
public final class PrefixPartitionRouter implements PartitionRouter {
    private final int partitionCount;

    public PrefixPartitionRouter(int partitionCount) {
        if (partitionCount < 1) {
            throw new IllegalArgumentException("partitionCount must be positive");
        }
        this.partitionCount = partitionCount;
    }

    @Override
    public int partitionOf(byte[] key) {
        int partition = PartitionKeys.partitionOf(key);
        if (partition >= partitionCount) {
            throw new IllegalArgumentException("Key names partition " + partition + " of " + partitionCount);
        }
        return partition;
    }

    @Override
    public int partitionCount() {
        return partitionCount;
    }

    @Override
    public byte[] startKey(int partition) {
        return PartitionKeys.prefix(partition);
    }

    @Override
    public byte[] endKey(int partition) {
        return Keys.prefixEnd(PartitionKeys.prefix(partition));
    }
}

package io.basalt.txn.coord;

import io.basalt.txn.FaultInjector;
import io.basalt.txn.TxnConfig;
import io.basalt.txn.TxnStats;
import io.basalt.txn.routing.PartitionClient;
import io.basalt.txn.routing.PartitionRouter;
import io.basalt.txn.timestamp.TimestampOracle;
import java.util.function.Supplier;

/** What every coordinator of one gateway shares: the seam to partitions, the oracle, the registry, settings. */
public record TxnContext(PartitionRouter router, PartitionClient client, TimestampOracle tso, TxnStats stats,
                         TxnConfig config, TxnRegistry registry, Supplier<FaultInjector> faults) {

    PartitionCalls calls() {
        return new PartitionCalls(client);
    }

    /** A serializable transaction's home partition, where its conflict flags live: any partition can compute it. */
    int homePartition(long txnId) {
        return homePartition(txnId, router.partitionCount());
    }

    /** {@link #homePartition(long)} for a store of {@code partitionCount} partitions. */
    public static int homePartition(long txnId, int partitionCount) {
        long mixed = txnId * 0x9E3779B97F4A7C15L;
        return (int) Math.floorMod(mixed ^ (mixed >>> 29), (long) partitionCount);
    }
}

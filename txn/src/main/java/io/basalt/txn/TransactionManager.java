package io.basalt.txn;

import io.basalt.txn.coord.TxnCoordinator;
import io.basalt.txn.participant.ClearRangeCommand;
import io.basalt.txn.routing.PartitionClient;
import io.basalt.txn.routing.PartitionRouter;
import io.basalt.txn.timestamp.TimestampOracle;

/**
 * Begins transactions. One per gateway process; thread-safe. It reaches partitions only through
 * the {@link PartitionRouter} and {@link PartitionClient} it is given, so the same code runs over
 * in-process partitions and, later, over partitions on other nodes.
 */
public final class TransactionManager {
    private final PartitionRouter router;
    private final PartitionClient client;
    private final TimestampOracle tso;
    private final TxnConfig config;
    private final TxnStats stats = new TxnStats();

    public TransactionManager(PartitionRouter router, PartitionClient client, TimestampOracle tso, TxnConfig config) {
        this.router = router;
        this.client = client;
        this.tso = tso;
        this.config = config;
    }

    /**
     * Begins a transaction reading at a fresh snapshot. Every level runs as snapshot isolation in
     * this release; {@link Transaction#isolation()} says so.
     */
    public Transaction begin(IsolationLevel requested) {
        return new TxnCoordinator(tso.next(), router, client, tso, stats, config);
    }

    /**
     * Erases {@code [start, end)}, which must lie inside one partition, outside any transaction
     * (see {@link ClearRangeCommand} for when that is allowed).
     */
    public void clearRange(byte[] start, byte[] end) {
        client.send(router.partitionOf(start), new ClearRangeCommand(start, end)).join();
    }

    public TxnStats stats() {
        return stats;
    }

    public PartitionRouter router() {
        return router;
    }
}

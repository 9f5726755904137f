package io.basalt.txn.maintenance;

import io.basalt.kv.gc.GcHorizon;
import io.basalt.kv.gc.GcResult;
import io.basalt.txn.TxnStats;
import io.basalt.txn.coord.TxnRegistry;
import io.basalt.txn.participant.CollectVersionsCommand;
import io.basalt.txn.routing.PartitionClient;
import io.basalt.txn.routing.PartitionRouter;
import io.basalt.txn.timestamp.TimestampOracle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Removes MVCC versions that no transaction can read any more, partition by partition, in
 * bounded batches (one {@link CollectVersionsCommand} each, so no partition is busy for long).
 *
 * <p>What is kept comes from the registry's {@link GcHorizon}: every version of the last
 * {@code retentionMillis}; every version above the snapshot of an active SSI transaction; and,
 * for each other active snapshot, the one version per key it reads. So a snapshot transaction
 * left open for an hour costs one old version per key it could read, not every update since it
 * began (PostgreSQL's long transactions hold back every dead tuple; RocksDB's compaction keeps
 * one version per snapshot, as here).
 *
 * <p>One gateway per store today. With several gateways (a cluster), the horizon must combine
 * every gateway's, gathered like TiKV's GC safe point; the retention is the margin until then.
 *
 * <p>Runs on the maintenance thread only.
 */
public final class VersionGcJob {
    private static final Logger LOG = LoggerFactory.getLogger(VersionGcJob.class);
    /** Delete operations per command: large enough to amortise the scan, small enough to stay short. */
    static final int BATCH_DELETIONS = 1_000;

    private final TxnRegistry registry;
    private final TimestampOracle tso;
    private final PartitionRouter router;
    private final PartitionClient client;
    private final long retentionMillis;
    private final TxnStats stats;

    public VersionGcJob(TxnRegistry registry, TimestampOracle tso, PartitionRouter router, PartitionClient client,
                        long retentionMillis, TxnStats stats) {
        this.registry = registry;
        this.tso = tso;
        this.router = router;
        this.client = client;
        this.retentionMillis = retentionMillis;
        this.stats = stats;
    }

    /** One pass over every partition; returns the number of versions removed. */
    public long run() {
        GcHorizon horizon = registry.gcHorizon(tso, retentionMillis);
        if (horizon.gcTs() <= 0) {
            return 0;
        }
        long deleted = 0;
        for (int partition = 0; partition < router.partitionCount(); partition++) {
            byte[] start = router.startKey(partition);
            byte[] end = router.endKey(partition);
            do {
                GcResult result = client.send(partition, new CollectVersionsCommand(start, end, horizon, BATCH_DELETIONS)).join();
                deleted += result.deletedVersions();
                start = result.resumeKey();
            } while (start != null);
        }
        stats.versionsCollected(deleted);
        if (deleted > 0) {
            LOG.debug("Collected old versions [horizon={}, deleted={}]", horizon, deleted);
        }
        return deleted;
    }
}

package io.basalt.txn;

import io.basalt.txn.coord.TxnContext;
import io.basalt.txn.coord.TxnCoordinator;
import io.basalt.txn.coord.TxnRegistry;
import io.basalt.txn.maintenance.DeadlockDetector;
import io.basalt.txn.maintenance.Heartbeater;
import io.basalt.txn.maintenance.SsiJanitor;
import io.basalt.txn.maintenance.VersionGcJob;
import io.basalt.txn.participant.ClearRangeCommand;
import io.basalt.txn.routing.PartitionClient;
import io.basalt.txn.routing.PartitionRouter;
import io.basalt.txn.timestamp.TimestampOracle;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Begins transactions, and runs the background work of this gateway's transactions on one
 * maintenance thread: heartbeats of writing transactions, deadlock detection while anyone waits,
 * the clean-up of serializable transactions' markers, and MVCC garbage collection. Thread-safe. It reaches partitions only
 * through the {@link PartitionRouter} and {@link PartitionClient} it is given, so the same code runs
 * over in-process partitions and, later, over partitions on other nodes.
 */
public final class TransactionManager implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(TransactionManager.class);
    /**
     * Often enough that a busy gateway frees read markers before they pile up (each marker costs
     * memory and makes writers look further); a sweep with nothing to free is one queue peek.
     */
    private static final long SSI_SWEEP_MILLIS = 50;

    private final PartitionRouter router;
    private final PartitionClient client;
    private final TxnStats stats = new TxnStats();
    private final TxnRegistry registry = new TxnRegistry();
    private final TxnContext context;
    private final ScheduledExecutorService maintenance;
    private final VersionGcJob versionGc;
    private volatile FaultInjector faults = FaultInjector.NONE;

    public TransactionManager(PartitionRouter router, PartitionClient client, TimestampOracle tso, TxnConfig config) {
        this.router = router;
        this.client = client;
        this.context = new TxnContext(router, client, tso, stats, config, registry, () -> faults);
        this.maintenance = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "basalt-txn-maintenance");
            thread.setDaemon(true);
            return thread;
        });
        Heartbeater heartbeater = new Heartbeater(registry);
        DeadlockDetector deadlocks = new DeadlockDetector(client, router.partitionCount(), registry::priorityOf);
        SsiJanitor janitor = new SsiJanitor(registry, client, router.partitionCount());
        schedule(heartbeater::beat, config.heartbeatMillis());
        schedule(() -> {
            if (registry.waitingCount() > 0) {
                deadlocks.detect();
            }
        }, config.deadlockCheckMillis());
        schedule(janitor::sweep, SSI_SWEEP_MILLIS);
        this.versionGc = new VersionGcJob(registry, tso, router, client, config.gcRetentionMillis(), stats);
        if (config.gcIntervalMillis() > 0) {
            schedule(versionGc::run, config.gcIntervalMillis());
        }
    }

    private void schedule(Runnable task, long periodMillis) {
        maintenance.scheduleWithFixedDelay(() -> {
            try {
                task.run();
            } catch (RuntimeException e) {
                LOG.warn("Transaction maintenance task failed; it runs again next period", e);
            }
        }, periodMillis, periodMillis, TimeUnit.MILLISECONDS);
    }

    /** Begins a transaction at {@code level}, reading at a fresh snapshot. */
    public Transaction begin(IsolationLevel level) {
        return TxnCoordinator.begin(level, context);
    }

    /**
     * Begins the retry of a transaction that aborted: it keeps {@code retriedPriority} (the
     * aborted one's {@link Transaction#priority}) if that is older than its own, so a victim that
     * retries ages instead of being the youngest on every cycle.
     */
    public Transaction beginRetry(IsolationLevel level, long retriedPriority) {
        return TxnCoordinator.begin(level, context, retriedPriority);
    }

    /**
     * Erases {@code [start, end)}, which must lie inside one partition, outside any transaction
     * (see {@link ClearRangeCommand} for when that is allowed).
     */
    public void clearRange(byte[] start, byte[] end) {
        client.send(router.partitionOf(start), new ClearRangeCommand(start, end)).join();
    }

    /**
     * Runs one pass of MVCC garbage collection now, on the maintenance thread (so never beside a
     * scheduled pass), and returns the number of versions removed.
     */
    public long collectGarbage() {
        try {
            return maintenance.submit(versionGc::run).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while collecting garbage", e);
        } catch (java.util.concurrent.ExecutionException e) {
            throw e.getCause() instanceof RuntimeException runtime ? runtime : new IllegalStateException(e.getCause());
        }
    }

    public TxnStats stats() {
        return stats;
    }

    public PartitionRouter router() {
        return router;
    }

    public TxnRegistry registry() {
        return registry;
    }

    /** Tests only: makes coordinators "crash" at chosen points of the commit protocol. */
    public void setFaultInjector(FaultInjector injector) {
        this.faults = injector == null ? FaultInjector.NONE : injector;
    }

    /** Stops the maintenance thread. Transactions still running lose their heartbeats. */
    @Override
    public void close() {
        maintenance.shutdownNow();
        try {
            maintenance.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

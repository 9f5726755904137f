package io.basalt.txn.coord;

import io.basalt.kv.mvcc.Intent;
import io.basalt.txn.TxnConfig;
import io.basalt.txn.TxnErrors;
import io.basalt.txn.TxnStats;
import io.basalt.txn.participant.PushTxnCommand;
import io.basalt.txn.participant.ResolveIntentsCommand;
import io.basalt.txn.participant.TxnStatusReply;
import io.basalt.txn.participant.WaitForTxnCommand;
import io.basalt.txn.routing.PartitionRouter;
import java.util.List;

/**
 * What a writer does about another transaction's intent on a key it wants to write: clear it away
 * if its transaction has finished, otherwise wait or give up by <em>wait-die</em>: an older
 * transaction (smaller id) waits for a younger holder; a younger one aborts with 40001 at once.
 * Waits therefore only ever point from older to younger transactions, so they cannot form a cycle
 * and no deadlock detector is needed for writes at snapshot isolation. (A wait-for-graph detector
 * comes with two-phase locking, where readers wait too.) At snapshot isolation a waiter usually
 * fails anyway when the holder commits (first-updater-wins), so waiting pays only when the holder
 * aborts; dying early costs little.
 */
final class WriteConflictHandler {
    private final long txnId;
    private final PartitionRouter router;
    private final PartitionCalls calls;
    private final TxnStats stats;
    private final TxnConfig config;

    WriteConflictHandler(long txnId, PartitionRouter router, PartitionCalls calls, TxnStats stats, TxnConfig config) {
        this.txnId = txnId;
        this.router = router;
        this.calls = calls;
        this.stats = stats;
        this.config = config;
    }

    /** Returns when the write may be retried; throws when this transaction must give up. */
    void handle(Intent conflict, byte[] key, int keyPartition) {
        int recordPartition = router.partitionOf(conflict.recordKey());
        TxnStatusReply status = calls.call(recordPartition,
                new PushTxnCommand(conflict.recordKey(), conflict.txnId(), 0));
        switch (status.status()) {
            case COMMITTED -> calls.call(keyPartition,
                    new ResolveIntentsCommand(conflict.txnId(), List.of(key), status.commitTs()));
            case ABORTED, MISSING -> calls.call(keyPartition,
                    ResolveIntentsCommand.abort(conflict.txnId(), List.of(key)));
            case PENDING -> waitOrDie(conflict, recordPartition);
            default -> throw new IllegalStateException("unknown status " + status);
        }
    }

    private void waitOrDie(Intent conflict, int recordPartition) {
        if (txnId > conflict.txnId()) {
            stats.retryableAbort();
            throw TxnErrors.writeIntentConflict(txnId, conflict.txnId());
        }
        stats.lockWait();
        boolean finished = PartitionCalls.awaitFor(
                calls.send(recordPartition, new WaitForTxnCommand(conflict.recordKey(), conflict.txnId())),
                config.lockTimeoutMillis(), txnId);
        if (!finished) {
            throw TxnErrors.lockTimeout(txnId, conflict.txnId(), config.lockTimeoutMillis());
        }
    }
}

package io.basalt.txn.coord;

import io.basalt.kv.mvcc.Intent;
import io.basalt.txn.TxnStats;
import io.basalt.txn.participant.PushTxnCommand;
import io.basalt.txn.participant.TxnStatus;
import io.basalt.txn.participant.TxnStatusReply;
import io.basalt.txn.routing.PartitionRouter;
import java.util.HashMap;
import java.util.Map;

/**
 * Decides, for a reader at a snapshot, whether another transaction's intent is visible.
 *
 * <p>An intent of a transaction that started after the snapshot is never visible (it commits
 * above its start). Otherwise the reader pushes the writer at its record: a COMMITTED writer is
 * visible if it committed at or below the snapshot; an ABORTED one never is; a PENDING one has
 * just been pushed above the snapshot, so it is not visible and never will be to this reader.
 * Each answer is final for this reader, so it is cached for the transaction's lifetime and a scan
 * over many intents of one writer pushes once.
 */
final class IntentVisibility {

    enum Decision {
        /** Use the committed value below the intent. */
        COMMITTED_VALUE,
        /** Use the intent's value. */
        INTENT_VALUE,
        /** The writer's record is gone: it finished and cleaned up; read the key again. */
        REREAD
    }

    private final long txnId;
    private final long readTs;
    private final PartitionRouter router;
    private final PartitionCalls calls;
    private final TxnStats stats;
    private final Map<Long, TxnStatusReply> known = new HashMap<>();

    IntentVisibility(long txnId, long readTs, PartitionRouter router, PartitionCalls calls, TxnStats stats) {
        this.txnId = txnId;
        this.readTs = readTs;
        this.router = router;
        this.calls = calls;
        this.stats = stats;
    }

    Decision decide(Intent intent) {
        if (intent.txnId() == txnId) {
            return Decision.INTENT_VALUE;
        }
        if (intent.txnId() > readTs) {
            return Decision.COMMITTED_VALUE;
        }
        TxnStatusReply status = known.get(intent.txnId());
        if (status == null) {
            stats.push();
            status = calls.call(router.partitionOf(intent.recordKey()),
                    new PushTxnCommand(intent.recordKey(), intent.txnId(), readTs + 1));
            if (status.status() == TxnStatus.MISSING) {
                return Decision.REREAD;
            }
            known.put(intent.txnId(), status);
        }
        if (status.status() == TxnStatus.COMMITTED && status.commitTs() <= readTs) {
            return Decision.INTENT_VALUE;
        }
        return Decision.COMMITTED_VALUE;
    }
}

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
 * Decides, for a reader at one snapshot, whether another transaction's intent is visible.
 *
 * <p>A lock-only intent changes nothing, so the committed value stands. An intent of a transaction
 * that started after the snapshot is never visible (it commits above its start). Otherwise the
 * reader pushes the writer at its record: a COMMITTED writer is visible if it committed at or
 * below the snapshot; an ABORTED one never is; a PENDING one has just been pushed above the
 * snapshot, so it is not visible and never will be to this snapshot. Each answer is final for the
 * snapshot, so it is cached and a scan over many intents of one writer pushes once. (A READ
 * COMMITTED transaction makes a new instance per statement, since each has its own snapshot.)
 */
final class IntentVisibility {

    enum Decision {
        /** Use the committed value below the intent. */
        COMMITTED_VALUE,
        /** Use the committed value below the intent, whose write is or will be newer than the snapshot (an SSI reader has an rw-antidependency on its writer). */
        SKIPPED_NEWER,
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
            return intent.isLockOnly() ? Decision.COMMITTED_VALUE : Decision.INTENT_VALUE;
        }
        if (intent.isLockOnly()) {
            return Decision.COMMITTED_VALUE;
        }
        if (intent.txnId() > readTs) {
            return Decision.SKIPPED_NEWER;
        }
        TxnStatusReply status = known.get(intent.txnId());
        if (status == null) {
            stats.push();
            status = calls.call(router.partitionOf(intent.recordKey()),
                    new PushTxnCommand(intent.recordKey(), intent.txnId(), readTs + 1, true));
            if (status.abortedAsExpired()) {
                stats.expiredAbort();
            }
            if (status.status() == TxnStatus.MISSING) {
                return Decision.REREAD;
            }
            known.put(intent.txnId(), status);
        }
        return switch (status.status()) {
            case COMMITTED -> status.commitTs() <= readTs ? Decision.INTENT_VALUE : Decision.SKIPPED_NEWER;
            case PENDING -> Decision.SKIPPED_NEWER;
            default -> Decision.COMMITTED_VALUE;
        };
    }
}

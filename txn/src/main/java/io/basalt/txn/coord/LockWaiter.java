package io.basalt.txn.coord;

import io.basalt.common.error.BasaltException;
import io.basalt.common.error.SqlState;
import io.basalt.txn.Cancellation;
import io.basalt.kv.mvcc.Intent;
import io.basalt.txn.TxnErrors;
import io.basalt.txn.participant.LockTable;
import io.basalt.txn.participant.PushTxnCommand;
import io.basalt.txn.participant.ResolveIntentsCommand;
import io.basalt.txn.participant.TxnStatus;
import io.basalt.txn.participant.TxnStatusReply;
import io.basalt.txn.participant.WaitForLockCommand;
import io.basalt.txn.participant.WakeIfUnblockedCommand;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * What a transaction does when a partition refused its command because of another transaction's
 * lock: clear the lock away if its transaction has finished (or its coordinator died), otherwise
 * queue for the key and wait, FIFO, until it is released.
 *
 * <p>Waiting ends in one of four ways: the key is released (retry the command); the holder turns
 * out finished or abandoned (resolve its intent, retry); the lock timeout passes (55P03); or the
 * deadlock detector picks this transaction as a victim (40P01). While waiting, the holder's record
 * is pushed once per wait slice with {@code abortIfExpired}, so a holder whose coordinator died is
 * aborted after its heartbeats stop: nobody waits for a dead coordinator. Each slice also asks the
 * partition to wake this waiter if it heads the queue and nothing holds the key: a wake-up lost
 * to a path the lock table's rules missed costs one slice, not the transaction. A cancel of the
 * statement ({@link Cancellation}) fails the wait's future at once: the wait ends with 57014 and the
 * lock table drops the waiter, as after a timeout.
 *
 * <p>Threading: runs on the waiting transaction's thread and blocks it; never holds a latch.
 */
final class LockWaiter {
    private final long txnId;
    private final TxnContext context;
    private final PartitionCalls calls;
    /** The running statement's token; set by the owner between statements, read by the owner only. */
    private Cancellation cancellation = Cancellation.NONE;

    LockWaiter(long txnId, TxnContext context, PartitionCalls calls) {
        this.txnId = txnId;
        this.context = context;
        this.calls = calls;
    }

    void cancellation(Cancellation token) {
        cancellation = token;
    }

    /**
     * Returns when the refused command should be retried; {@code true} if this transaction was
     * woken from the key's queue (the retry then goes ahead of the others still queued).
     *
     * @param holder the intent that stood in the way, or null when only in-memory locks did
     * @param requeue this transaction was woken before and lost the race: wait at the front
     */
    boolean await(int partition, byte[] key, Intent holder, LockTable.Mode mode, boolean noWait,
                  long lockTimeoutMillis, boolean requeue) {
        cancellation.check();
        if (holder != null && clearedFinished(partition, key, holder)) {
            return false;
        }
        if (noWait) {
            throw TxnErrors.lockNotAvailable(txnId, holder == null ? 0 : holder.txnId());
        }
        long deadline = lockTimeoutMillis > 0 ? System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(lockTimeoutMillis) : Long.MAX_VALUE;
        long started = System.nanoTime();
        context.stats().lockWait();
        context.registry().waitStarted();
        CompletableFuture<Void> woken = calls.send(partition, new WaitForLockCommand(key, txnId, mode, requeue));
        cancellation.waiting(woken);
        try {
            while (true) {
                long sliceNanos = Math.min(TimeUnit.MILLISECONDS.toNanos(context.config().waitSliceMillis()),
                        deadline - System.nanoTime());
                if (sliceNanos <= 0) {
                    woken.cancel(false);
                    context.stats().lockTimeout();
                    throw TxnErrors.lockTimeout(txnId, holder == null ? 0 : holder.txnId(), lockTimeoutMillis);
                }
                if (waitSlice(woken, sliceNanos)) {
                    return true;
                }
                if (holder != null && clearedFinished(partition, key, holder)) {
                    woken.cancel(false);
                    return false;
                }
                if (calls.call(partition, new WakeIfUnblockedCommand(key, txnId))) { // woken is now complete
                    context.stats().lostWakeupRecovered();
                }

            }
        } finally {
            cancellation.waiting(null);
            context.registry().waitEnded();
            context.stats().lockWaited(TimeUnit.NANOSECONDS.toMicros(System.nanoTime() - started));
        }
    }

    /** Pushes the holder; if it has finished (or was just aborted as abandoned), resolves its intent on the key. */
    private boolean clearedFinished(int partition, byte[] key, Intent holder) {
        TxnStatusReply status = calls.call(context.router().partitionOf(holder.recordKey()),
                new PushTxnCommand(holder.recordKey(), holder.txnId(), 0, true));
        if (status.abortedAsExpired()) {
            context.stats().expiredAbort();
        }
        if (status.status() == TxnStatus.PENDING) {
            return false;
        }
        long commitTs = status.status() == TxnStatus.COMMITTED ? status.commitTs() : 0;
        calls.call(partition, new ResolveIntentsCommand(holder.txnId(), List.of(key), commitTs));
        return true;
    }

    /** Waits up to {@code nanos}; true when woken, false when the slice ran out. Deadlock victims get 40P01. */
    private boolean waitSlice(CompletableFuture<Void> woken, long nanos) {
        try {
            woken.get(nanos, TimeUnit.NANOSECONDS);
            return true;
        } catch (TimeoutException e) {
            return false;
        } catch (InterruptedException e) {
            woken.cancel(false);
            Thread.currentThread().interrupt();
            throw TxnErrors.interrupted(txnId);
        } catch (ExecutionException e) {
            RuntimeException cause = PartitionCalls.unwrap(e);
            if (cause instanceof BasaltException basalt && basalt.sqlState() == SqlState.DEADLOCK_DETECTED) {
                context.stats().deadlockAbort();
            }
            throw cause;
        }
    }
}

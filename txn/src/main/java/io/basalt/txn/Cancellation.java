package io.basalt.txn;

import io.basalt.common.error.BasaltException;
import java.util.concurrent.CompletableFuture;

/**
 * A cooperative cancel flag for one running statement (PostgreSQL's QueryCancelPending): another
 * thread sets it, and the statement's own thread notices it at the next row, the next scan page or
 * while it waits for a lock, and fails with the error given to {@link #cancel} (57014). Nothing is
 * interrupted: {@code Thread.interrupt} would also close NIO channels the thread happens to use and
 * leave the partition's structures half-updated.
 *
 * <p>Invariants:
 * <ol>
 *   <li>Once cancelled, a token stays cancelled; the first error given wins (a timeout and a user
 *       cancel racing report one of them, never a mix).</li>
 *   <li>A lock wait registered with {@link #waiting} ends within the cancel call or at once when it
 *       is registered after it: never does a cancelled statement sleep until its lock timeout.</li>
 *   <li>A token belongs to one statement; the session makes a new one for the next statement, so a
 *       late cancel never hits a statement that started after it.</li>
 * </ol>
 *
 * <p>Threading: {@link #cancel} from any thread (a cancel request's worker, a timer); the other
 * methods from the statement's thread. Both fields are volatile and no lock is taken: the cancel
 * side writes {@code error} then reads {@code wait}; the waiting side writes {@code wait} then reads
 * {@code error}; sequential consistency of volatiles means at least one of them sees the other
 * (Dekker), so a wait is never missed. Completing the wait's future runs the lock table's
 * leave-the-queue callback on the cancelling thread, which briefly takes a key latch: callers
 * must not cancel from a Netty event loop.
 *
 * <p>Interleaving: (1) a statement registers its lock wait, then the user cancels: cancel sees the
 * future and fails it, the waiter's {@code get} throws the 57014 error and the lock table drops
 * the waiter. (2) The user cancels, then the statement reaches a lock: {@code waiting} sees the
 * error and fails the fresh future at once.
 *
 * <p>Alternative considered: a deadline or flag polled only at wait slices (the lock wait already
 * wakes up every {@code waitSliceMillis}); rejected because a cancel should take effect within
 * milliseconds, not a slice.
 */
public final class Cancellation {
    /** A token nobody cancels, for work outside a session statement (maintenance, tests). */
    public static final Cancellation NONE = new Cancellation();

    private volatile BasaltException error;
    private volatile CompletableFuture<?> wait;

    /** Cancels the statement with {@code error} (first call wins); true if this call cancelled it. */
    public boolean cancel(BasaltException cancelError) {
        if (this == NONE) {
            return false;
        }
        synchronized (this) { // only to make "first wins" exact; the readers take no lock
            if (error != null) {
                return false;
            }
            error = cancelError;
        }
        CompletableFuture<?> blocked = wait;
        if (blocked != null) {
            blocked.completeExceptionally(cancelError);
        }
        return true;
    }

    public boolean isCancelled() {
        return error != null;
    }

    /** Throws the cancel error (a fresh copy with this thread's stack) if the statement was cancelled. */
    public void check() {
        BasaltException cancelled = error;
        if (cancelled != null) {
            throw new BasaltException(cancelled.sqlState(), cancelled.getMessage());
        }
    }

    /** The statement now waits on {@code future}: a cancel fails it. Pass null when the wait ends. */
    public void waiting(CompletableFuture<?> future) {
        wait = future;
        BasaltException cancelled = error;
        if (future != null && cancelled != null) {
            future.completeExceptionally(cancelled);
        }
    }
}

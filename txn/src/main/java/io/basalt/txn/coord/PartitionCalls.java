package io.basalt.txn.coord;

import java.util.BitSet;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;

import io.basalt.common.error.BasaltException;
import io.basalt.common.error.SqlState;
import io.basalt.txn.TxnErrors;
import io.basalt.txn.participant.PartitionCommand;
import io.basalt.txn.routing.PartitionClient;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Synchronous calls to partitions for one coordinator, with the futures' wrapping undone. Counts
 * the requests it sends and the partitions they went to (EXPLAIN ANALYZE reports them); the
 * counters may be read from another thread, so they are atomic.
 */
final class PartitionCalls {
    private final PartitionClient client;
    private final AtomicLong requests = new AtomicLong();
    private final AtomicLongArray partitionsTouched = new AtomicLongArray(4); // bit set of up to 256 partitions

    PartitionCalls(PartitionClient client) {
        this.client = client;
    }

    <R> R call(int partition, PartitionCommand<R> command) {
        return await(send(partition, command));
    }

    <R> CompletableFuture<R> send(int partition, PartitionCommand<R> command) {
        requests.incrementAndGet();
        if (partition < 256) {
            partitionsTouched.getAndUpdate(partition >> 6, bits -> bits | (1L << (partition & 63)));
        }
        return client.send(partition, command);
    }

    long requests() {
        return requests.get();
    }

    BitSet partitionsTouched() {
        long[] words = new long[partitionsTouched.length()];
        for (int i = 0; i < words.length; i++) {
            words[i] = partitionsTouched.get(i);
        }
        return BitSet.valueOf(words);
    }

    static <R> R await(CompletableFuture<R> future) {
        try {
            return future.join();
        } catch (CompletionException | CancellationException e) {
            throw unwrap(e);
        }
    }

    /**
     * Waits at most {@code millis}; returns false on timeout (the future is cancelled so its
     * partition can forget the waiter). Interruption surfaces as 57014.
     */
    static boolean awaitFor(CompletableFuture<?> future, long millis, long txnId) {
        try {
            future.get(millis, TimeUnit.MILLISECONDS);
            return true;
        } catch (TimeoutException e) {
            future.cancel(false);
            return false;
        } catch (InterruptedException e) {
            future.cancel(false);
            Thread.currentThread().interrupt();
            throw TxnErrors.interrupted(txnId);
        } catch (ExecutionException e) {
            throw unwrap(e);
        }
    }

    static RuntimeException unwrap(Throwable e) {
        Throwable cause = e;
        while ((cause instanceof CompletionException || cause instanceof ExecutionException) && cause.getCause() != null) {
            cause = cause.getCause();
        }
        if (cause instanceof RuntimeException runtime) {
            return runtime;
        }
        return new BasaltException(SqlState.INTERNAL_ERROR, "partition call failed: " + cause, cause);
    }
}

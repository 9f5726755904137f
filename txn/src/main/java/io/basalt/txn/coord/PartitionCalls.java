package io.basalt.txn.coord;

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

/** Synchronous calls to partitions for the coordinator, with the futures' wrapping undone. */
final class PartitionCalls {
    private final PartitionClient client;

    PartitionCalls(PartitionClient client) {
        this.client = client;
    }

    <R> R call(int partition, PartitionCommand<R> command) {
        return await(client.send(partition, command));
    }

    <R> CompletableFuture<R> send(int partition, PartitionCommand<R> command) {
        return client.send(partition, command);
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

package io.basalt.txn;


import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

/** Runs transaction steps on other threads, so a test can show that one blocks and then proceeds. */
public final class Async {
    private Async() {
    }

    public static <T> CompletableFuture<T> start(Supplier<T> step) {
        return CompletableFuture.supplyAsync(step, runnable -> {
            Thread thread = new Thread(runnable, "test-step");
            thread.setDaemon(true);
            thread.start();
        });
    }

    public static CompletableFuture<Void> run(Runnable step) {
        return start(() -> {
            step.run();
            return null;
        });
    }

    /** Asserts that {@code future} is still running after a short while: the step is blocked. */
    public static void assertBlocked(CompletableFuture<?> future) {
        try {
            future.get(300, TimeUnit.MILLISECONDS);
        } catch (TimeoutException expected) {
            return;
        } catch (InterruptedException | ExecutionException e) {
            throw new AssertionError("expected the step to block, but it ended with " + e, e);
        }
        throw new AssertionError("expected the step to block, but it completed");
    }

    /** The result, waiting at most ten seconds. */
    public static <T> T result(CompletableFuture<T> future) {
        try {
            return future.get(10, TimeUnit.SECONDS);
        } catch (InterruptedException | ExecutionException | TimeoutException e) {
            throw new AssertionError("the step did not complete: " + e, e);
        }
    }

    /** The exception the step failed with, waiting at most ten seconds. */
    public static Throwable failure(CompletableFuture<?> future) {
        try {
            future.get(10, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            return e.getCause();
        } catch (InterruptedException | TimeoutException e) {
            throw new AssertionError("the step did not end: " + e, e);
        }
        throw new AssertionError("expected the step to fail, but it completed");
    }

}

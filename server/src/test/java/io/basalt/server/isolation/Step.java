package io.basalt.server.isolation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.sql.SQLException;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;

/**
 * One statement of a Hermitage interleaving (or a COMMIT / ROLLBACK), issued by the test thread
 * and run on its transaction's own thread, and what became of it: whether it was still running
 * after {@link Hermitage#BLOCKED_PROBE} (it waits for a lock, or queues behind a statement of its
 * transaction that does), and whether it completed, was aborted with a retryable SQLState (the
 * transaction is rolled back), or was skipped because its transaction had already been aborted.
 */
public final class Step {
    /** What became of a statement. */
    public enum Status { COMPLETED, ABORTED, SKIPPED }

    record Outcome(Status status, Object value, String sqlState) {
    }

    private final HermitageTxn txn;
    private final String sql;
    private final Function<TreeMap<Integer, Integer>, Object> model;
    private Future<Outcome> future;
    private boolean blocked;

    Step(HermitageTxn txn, String sql, Function<TreeMap<Integer, Integer>, Object> model) {
        this.txn = txn;
        this.sql = sql;
        this.model = model;
    }

    void started(Future<Outcome> running, boolean queued) {
        this.future = running;
        if (queued) {
            blocked = true;
            return;
        }
        try {
            running.get(Hermitage.BLOCKED_PROBE.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            blocked = true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            // an unexpected error: outcome() reports it
        }
    }

    /** Whether the statement had not finished one probe interval after it was issued. */
    public boolean blocked() {
        return blocked;
    }

    boolean isDoneWithoutWaiting() {
        return future != null && future.isDone();
    }

    /** Waits (bounded) until the statement has finished, as a transaction that waited for a lock eventually does. */
    public Step awaitDone() {
        if (!future.isDone()) {
            await().pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(10)).atMost(Hermitage.COMPLETION)
                    .until(future::isDone);
        }
        return this;
    }

    Outcome outcome() {
        awaitDone();
        try {
            return future.get();
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            String state = cause instanceof SQLException sql ? " (SQLState " + sql.getSQLState() + ")" : "";
            throw new AssertionError(txn.name() + ": unexpected error from " + sql + state, cause);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public Status status() {
        return outcome().status();
    }

    public boolean succeeded() {
        return status() == Status.COMPLETED;
    }

    public boolean aborted() {
        return status() == Status.ABORTED;
    }

    /** The SQLState of the abort, or null when the statement was not aborted. */
    public String sqlState() {
        return outcome().sqlState();
    }

    /** The rows a SELECT returned, by id; fails unless the statement completed. */
    @SuppressWarnings("unchecked")
    public Map<Integer, Integer> rows() {
        assertThat(status()).as("outcome of %s", this).isEqualTo(Status.COMPLETED);
        return (Map<Integer, Integer>) outcome().value();
    }

    /** The number of rows an INSERT, UPDATE or DELETE changed; fails unless the statement completed. */
    public int count() {
        assertThat(status()).as("outcome of %s", this).isEqualTo(Status.COMPLETED);
        return (Integer) outcome().value();
    }

    HermitageTxn txn() {
        return txn;
    }

    /** Applies the statement to the model table, returning what it should have returned; null for COMMIT / ROLLBACK. */
    Object applyTo(TreeMap<Integer, Integer> table) {
        return model == null ? null : model.apply(table);
    }

    Object value() {
        return outcome().value();
    }

    @Override
    public String toString() {
        StringBuilder text = new StringBuilder(txn.name()).append(": ").append(sql);
        if (future == null) {
            return text.toString();
        }
        text.append(blocked ? "  [blocked]" : "");
        if (!future.isDone()) {
            return text.append("  -> still running").toString();
        }
        try {
            Outcome outcome = future.get();
            return text.append("  -> ").append(switch (outcome.status()) {
                case COMPLETED -> outcome.value() == null ? "ok" : outcome.value().toString();
                case ABORTED -> "aborted " + outcome.sqlState();
                case SKIPPED -> "skipped (transaction aborted)";
            }).toString();
        } catch (ExecutionException | InterruptedException e) {
            return text.append("  -> error ").append(e.getCause()).toString();
        }
    }
}

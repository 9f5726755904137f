package io.basalt.bench.tpcc;

import java.sql.SQLException;
import java.util.HashSet;
import java.util.Random;
import java.util.Set;

/**
 * What a terminal does when a transaction fails: run it again after a short random pause, give
 * up after {@code maxRetries} retries, or count it as an unexpected error.
 *
 * <p>Retried SQLStates: 40001 (serialization failure: SI/SSI conflicts in Basalt and PostgreSQL),
 * 40P01 (deadlock victim under 2PL) and 55P03 (lock not available: a lock wait timed out).
 * 55P03 is retried, too, because in this workload it can only mean contention: no statement
 * uses NOWAIT, so a timeout is a conflict that lost, like the other two. A dialect may add its
 * vendor codes for the same situations ({@link SqlDialect#vendorRetryableStates}). Everything
 * else (40003 commit outcome unknown included: retrying could apply a transaction twice) is
 * unexpected.
 *
 * <p>Back-off is "full jitter" (uniform between zero and an exponentially growing cap): two
 * terminals that collided once are unlikely to collide again, and the first retries are quick,
 * because most conflicts here are between two transactions of a few milliseconds.
 */
final class RetryPolicy {
    enum Verdict { RETRY, GIVE_UP, UNEXPECTED }

    static final Set<String> STANDARD_RETRYABLE = Set.of("40001", "40P01", "55P03");
    /** First back-off cap; doubled per retry up to {@link #MAX_BACKOFF_MICROS}. Small: TPC-C transactions take milliseconds. */
    static final long FIRST_BACKOFF_MICROS = 500;
    static final long MAX_BACKOFF_MICROS = 50_000;
    /** The state counted for an exception that carries none (some drivers wrap I/O errors so). */
    static final String NO_STATE = "none";

    private final int maxRetries;
    private final Set<String> retryable;

    RetryPolicy(int maxRetries, Set<String> extraRetryable) {
        if (maxRetries < 0) {
            throw new IllegalArgumentException("retries cannot be negative: " + maxRetries);
        }
        this.maxRetries = maxRetries;
        Set<String> states = new HashSet<>(STANDARD_RETRYABLE);
        states.addAll(extraRetryable);
        this.retryable = Set.copyOf(states);
    }

    int maxRetries() {
        return maxRetries;
    }

    boolean isRetryable(String sqlState) {
        return retryable.contains(sqlState);
    }

    /** The verdict on a failure after {@code retriesSoFar} retries of the same transaction. */
    Verdict onFailure(SQLException failure, int retriesSoFar) {
        if (!isRetryable(sqlState(failure))) {
            return Verdict.UNEXPECTED;
        }
        return retriesSoFar < maxRetries ? Verdict.RETRY : Verdict.GIVE_UP;
    }

    /** The pause before retry number {@code retry} (1 for the first). */
    long backoffMicros(int retry, Random random) {
        long cap = Math.min(MAX_BACKOFF_MICROS, FIRST_BACKOFF_MICROS << Math.min(retry - 1, 20));
        return (long) (random.nextDouble() * cap);
    }

    /**
     * The SQLState of a failure. Drivers and pools sometimes wrap the database's exception (a
     * BatchUpdateException around the real one, for instance), so the first state found along
     * the chain of next exceptions and causes counts.
     */
    static String sqlState(SQLException failure) {
        Throwable at = failure;
        for (int depth = 0; at != null && depth < 10; depth++) {
            if (at instanceof SQLException sql) {
                if (sql.getSQLState() != null) {
                    return sql.getSQLState();
                }
                at = sql.getNextException() != null ? sql.getNextException() : sql.getCause();
            } else {
                at = at.getCause();
            }
        }
        return NO_STATE;
    }
}

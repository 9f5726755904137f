package io.basalt.txn;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;

/**
 * Counters of the transaction layer; tests and EXPLAIN-like tools read them to see which commit
 * path ran (ARCHITECTURE.md section 8: high-frequency events are metrics, not logs). SQL reads
 * them all through {@link #counters()} as {@code BASALT_CATALOG.TRANSACTION_STATISTICS}.
 */
public final class TxnStats {
    private final LongAdder readOnlyCommits = new LongAdder();
    private final LongAdder onePhaseCommits = new LongAdder();
    private final LongAdder onePhaseBatchCommits = new LongAdder();
    private final LongAdder onePhaseBatchFallbacks = new LongAdder();
    private final LongAdder twoPhaseCommits = new LongAdder();
    private final LongAdder rollbacks = new LongAdder();
    private final LongAdder retryableAborts = new LongAdder();
    private final LongAdder writeConflictAborts = new LongAdder();
    private final LongAdder ssiAborts = new LongAdder();
    private final LongAdder deadlockAborts = new LongAdder();
    private final LongAdder lockTimeouts = new LongAdder();
    private final LongAdder expiredAborts = new LongAdder();
    private final LongAdder statementRetries = new LongAdder();
    private final LongAdder pushes = new LongAdder();
    private final LongAdder lockWaits = new LongAdder();
    private final LongAdder lockWaitMicros = new LongAdder();
    private final LongAdder lostWakeupsRecovered = new LongAdder();
    private final LongAdder versionsCollected = new LongAdder();

    public void readOnlyCommit() {
        readOnlyCommits.increment();
    }

    public void onePhaseCommit() {
        onePhaseCommits.increment();
    }

    /** A one-phase commit that wrote its versions in one batch, with no intents (also a one-phase commit). */
    public void onePhaseBatchCommit() {
        onePhaseBatchCommits.increment();
        onePhaseCommits.increment();
    }

    /** A one-batch commit attempt handed back to the intent path (contention, SSI readers, ...). */
    public void onePhaseBatchFallback() {
        onePhaseBatchFallbacks.increment();
    }

    public void twoPhaseCommit() {
        twoPhaseCommits.increment();
    }

    public void rollback() {
        rollbacks.increment();
    }

    public void retryableAbort() {
        retryableAborts.increment();
    }

    /** A first-updater-wins conflict (40001). */
    public void writeConflictAbort() {
        writeConflictAborts.increment();
        retryableAborts.increment();
    }

    /** An SSI dangerous structure (40001). */
    public void ssiAbort() {
        ssiAborts.increment();
        retryableAborts.increment();
    }

    /** A deadlock victim (40P01). */
    public void deadlockAbort() {
        deadlockAborts.increment();
        retryableAborts.increment();
    }

    public void lockTimeout() {
        lockTimeouts.increment();
    }

    /** This gateway aborted a transaction whose coordinator had stopped sending heartbeats (met its intent, pushed it). */
    public void expiredAbort() {
        expiredAborts.increment();
    }

    public void statementRetry() {
        statementRetries.increment();
    }

    public void lockWaited(long micros) {
        lockWaitMicros.add(micros);
    }

    public void push() {
        pushes.increment();
    }

    public void lockWait() {
        lockWaits.increment();
    }

    public long readOnlyCommits() {
        return readOnlyCommits.sum();
    }

    public long onePhaseCommits() {
        return onePhaseCommits.sum();
    }

    public long onePhaseBatchCommits() {
        return onePhaseBatchCommits.sum();
    }

    public long onePhaseBatchFallbacks() {
        return onePhaseBatchFallbacks.sum();
    }

    public long twoPhaseCommits() {
        return twoPhaseCommits.sum();
    }

    public long rollbacks() {
        return rollbacks.sum();
    }

    public long retryableAborts() {
        return retryableAborts.sum();
    }

    public long writeConflictAborts() {
        return writeConflictAborts.sum();
    }

    public long ssiAborts() {
        return ssiAborts.sum();
    }

    public long deadlockAborts() {
        return deadlockAborts.sum();
    }

    public long lockTimeouts() {
        return lockTimeouts.sum();
    }

    public long expiredAborts() {
        return expiredAborts.sum();
    }

    public long statementRetries() {
        return statementRetries.sum();
    }

    public long lockWaitMicros() {
        return lockWaitMicros.sum();
    }

    public long pushes() {
        return pushes.sum();
    }

    public long lockWaits() {
        return lockWaits.sum();
    }

    /** A waiter found, one slice into its wait, that nothing held its key any more: a wake-up was lost. Should stay 0. */
    public void lostWakeupRecovered() {
        lostWakeupsRecovered.increment();
    }

    public long lostWakeupsRecovered() {
        return lostWakeupsRecovered.sum();
    }

    public void versionsCollected(long count) {
        versionsCollected.add(count);
    }

    /** Old MVCC versions removed by garbage collection. */
    public long versionsCollected() {
        return versionsCollected.sum();
    }

    /**
     * Every counter under a stable lower_snake_case name, in a fixed order: the rows of
     * {@code BASALT_CATALOG.TRANSACTION_STATISTICS}. Names are an interface (dashboards and tests
     * query them): add a counter here when adding one above, and never rename one.
     *
     * <p>Each value is summed on its own while transactions go on, so under load the values are
     * not one instant's: {@code retryable_aborts} may briefly lag the three kinds it includes.
     */
    public Map<String, Long> counters() {
        Map<String, Long> counters = new LinkedHashMap<>();
        counters.put("read_only_commits", readOnlyCommits());
        counters.put("one_phase_commits", onePhaseCommits());
        counters.put("two_phase_commits", twoPhaseCommits());
        counters.put("rollbacks", rollbacks());
        counters.put("retryable_aborts", retryableAborts());
        counters.put("write_conflict_aborts", writeConflictAborts());
        counters.put("ssi_aborts", ssiAborts());
        counters.put("deadlock_aborts", deadlockAborts());
        counters.put("lock_timeouts", lockTimeouts());
        counters.put("expired_aborts", expiredAborts());
        counters.put("statement_retries", statementRetries());
        counters.put("lock_waits", lockWaits());
        counters.put("lock_wait_micros", lockWaitMicros());
        counters.put("pushes", pushes());
        counters.put("lost_wakeups_recovered", lostWakeupsRecovered());
        counters.put("versions_collected", versionsCollected());
        counters.put("one_phase_batch_commits", onePhaseBatchCommits());
        counters.put("one_phase_batch_fallbacks", onePhaseBatchFallbacks());
        return Collections.unmodifiableMap(counters);
    }
}

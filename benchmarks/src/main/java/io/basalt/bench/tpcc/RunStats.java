package io.basalt.bench.tpcc;

import java.sql.SQLException;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the terminals record while they run, shared by all of them, and read once a second by
 * the runner's sampler.
 *
 * <p>Latencies go into one HdrHistogram {@link Recorder} per transaction type: recording is
 * wait-free and allocation-free for any number of writer threads, and the sampler swaps out an
 * interval histogram without stopping them, so each second's percentiles come for free. Counters
 * are {@link LongAdder}s (cells per thread, no contended CAS). SQLState maps are keyed by the few
 * states seen; after the first occurrence of a state a lookup allocates nothing.
 */
final class RunStats {
    private static final Logger LOG = LoggerFactory.getLogger(RunStats.class);
    /** One hour in microseconds: anything slower is a hang, not a latency. */
    static final long HIGHEST_MICROS = TimeUnit.HOURS.toMicros(1);
    static final int SIGNIFICANT_DIGITS = 3;

    private final Recorder[] latency = new Recorder[TxnType.values().length];
    private final LongAdder newOrderRolledBack = new LongAdder();
    private final LongAdder retriesTotal = new LongAdder();
    private final LongAdder giveUpsTotal = new LongAdder();
    private final LongAdder unexpectedTotal = new LongAdder();
    private final Map<String, LongAdder> retries = new ConcurrentHashMap<>();
    private final Map<String, LongAdder> giveUps = new ConcurrentHashMap<>();
    private final Map<String, LongAdder> unexpected = new ConcurrentHashMap<>();

    RunStats() {
        for (int i = 0; i < latency.length; i++) {
            latency[i] = new Recorder(HIGHEST_MICROS, SIGNIFICANT_DIGITS);
        }
    }

    static Histogram newHistogram() {
        return new Histogram(HIGHEST_MICROS, SIGNIFICANT_DIGITS);
    }

    // ---- written by terminals -----------------------------------------------------------------

    void completed(TxnType type, long micros) {
        latency[type.ordinal()].recordValue(Math.min(Math.max(micros, 0), HIGHEST_MICROS));
    }

    void newOrderRolledBack() {
        newOrderRolledBack.increment();
    }

    void retried(String sqlState) {
        retriesTotal.increment();
        retries.computeIfAbsent(sqlState, s -> new LongAdder()).increment();
    }

    void gaveUp(String sqlState) {
        giveUpsTotal.increment();
        giveUps.computeIfAbsent(sqlState, s -> new LongAdder()).increment();
    }

    /**
     * Counts an unexpected error; the first of each kind (what failed: a type label or
     * "connect"; SQLState; exception class) is logged.
     */
    void unexpected(String what, SQLException failure) {
        unexpectedTotal.increment();
        String kind = what + " " + RetryPolicy.sqlState(failure) + " " + failure.getClass().getSimpleName();
        LongAdder count = unexpected.get(kind);
        if (count == null) {
            LongAdder fresh = new LongAdder();
            count = unexpected.putIfAbsent(kind, fresh);
            if (count == null) {
                count = fresh;
                LOG.warn("Unexpected error; counting the rest of this kind silently [kind={}]", kind, failure);
            }
        }
        count.increment();
    }

    // ---- read by the sampler ------------------------------------------------------------------

    /** This type's latencies since the last call, into {@code recycle} (which may be null the first time). */
    Histogram intervalLatency(TxnType type, Histogram recycle) {
        return latency[type.ordinal()].getIntervalHistogram(recycle);
    }

    long newOrderRolledBackTotal() {
        return newOrderRolledBack.sum();
    }

    /** Retries and give-ups so far: the "aborts" of the per-second line. */
    long abortsTotal() {
        return retriesTotal.sum() + giveUpsTotal.sum();
    }

    long unexpectedTotal() {
        return unexpectedTotal.sum();
    }

    Map<String, Long> retries() {
        return snapshot(retries);
    }

    Map<String, Long> giveUps() {
        return snapshot(giveUps);
    }

    Map<String, Long> unexpected() {
        return snapshot(unexpected);
    }

    private static Map<String, Long> snapshot(Map<String, LongAdder> counters) {
        Map<String, Long> copy = new TreeMap<>();
        counters.forEach((key, count) -> copy.put(key, count.sum()));
        return copy;
    }
}

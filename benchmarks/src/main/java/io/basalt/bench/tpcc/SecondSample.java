package io.basalt.bench.tpcc;

import java.util.Map;

/**
 * One second of a run, as the sampler saw it.
 *
 * @param second seconds since the terminals started (1 is the first second)
 * @param warmup whether this second was warm-up (not in the summary)
 * @param txnPerSecond transactions completed in this second, all types
 * @param newOrderPerMinute New-Orders per minute of measured time so far (0 during warm-up)
 * @param abortsPerSecond retries plus give-ups in this second
 * @param p99Ms 99th percentile latency of this second, all types together
 * @param completed transactions completed in this second, by type label
 * @param p99MsByType 99th percentile latency of this second, by type label (types with none left out)
 */
public record SecondSample(int second, boolean warmup, long txnPerSecond, double newOrderPerMinute,
                           long abortsPerSecond, double p99Ms, Map<String, Long> completed,
                           Map<String, Double> p99MsByType) {
}

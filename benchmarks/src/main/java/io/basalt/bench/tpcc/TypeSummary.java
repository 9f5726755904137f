package io.basalt.bench.tpcc;

/** One transaction type over the measured time: how many, how fast, latency percentiles in ms. */
public record TypeSummary(String type, long count, double perSecond, double p50Ms, double p95Ms, double p99Ms,
                          double maxMs) {
}

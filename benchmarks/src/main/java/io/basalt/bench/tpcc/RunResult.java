package io.basalt.bench.tpcc;

import java.util.List;

/** A whole run as the JSON result file holds it: what was asked, each second, and the summary. */
public record RunResult(String startedAt, String database, RunConfig config, double loadSeconds,
                        List<SecondSample> series, RunSummary summary) {
}

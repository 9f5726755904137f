package io.basalt.bench.tpcc;

import java.util.Locale;
import java.util.Map;

/** The text a run prints: one line a second while it runs, a summary table at the end. */
final class ConsoleReport {
    private ConsoleReport() {
    }

    static String secondLine(SecondSample sample) {
        return String.format(Locale.ROOT, "%5ds %-7s %7d txn/s  NewOrder/min %9.0f  aborts/s %5d  p99 %8.1f ms",
                sample.second(), sample.warmup() ? "warm-up" : "", sample.txnPerSecond(), sample.newOrderPerMinute(),
                sample.abortsPerSecond(), sample.p99Ms());
    }

    static String summary(RunResult result) {
        RunSummary summary = result.summary();
        RunConfig config = result.config();
        StringBuilder text = new StringBuilder();
        String nl = System.lineSeparator();
        text.append(nl).append("TPC-C-like run on ").append(result.database()).append(nl);
        text.append(String.format(Locale.ROOT, "%d warehouse(s), %d terminal(s), isolation %s, %.1f s measured after %d s"
                        + " warm-up%n", config.warehouses(), config.terminals(), config.isolation(),
                summary.measuredSeconds(), config.warmupSeconds()));
        text.append(String.format(Locale.ROOT, "tpmC-like: %,.0f New-Orders/min  (no think time, not audited;"
                + " %d rolled back on purpose)%n", summary.tpmC(), summary.newOrderRolledBack()));
        text.append(String.format(Locale.ROOT, "throughput: %,.1f txn/s, all types%n%n", summary.txnPerSecond()));
        text.append(String.format(Locale.ROOT, "%-12s %9s %9s %9s %9s %9s %9s%n", "type", "count", "txn/s", "p50 ms",
                "p95 ms", "p99 ms", "max ms"));
        for (TypeSummary type : summary.types()) {
            text.append(String.format(Locale.ROOT, "%-12s %9d %9.1f %9.2f %9.2f %9.2f %9.2f%n", type.type(), type.count(),
                    type.perSecond(), type.p50Ms(), type.p95Ms(), type.p99Ms(), type.maxMs()));
        }
        text.append(nl);
        text.append("retries by SQLState:    ").append(counts(summary.retries())).append(nl);
        text.append("give-ups by SQLState:   ").append(counts(summary.giveUps())).append(nl);
        text.append("unexpected errors:      ").append(counts(summary.unexpected())).append(nl);
        if (summary.consistencyViolations().isEmpty()) {
            text.append("consistency:            conditions hold").append(nl);
        } else {
            text.append(nl).append("!!! CONSISTENCY VIOLATED !!!").append(nl);
            for (String violation : summary.consistencyViolations()) {
                text.append("!!! condition ").append(violation).append(nl);
            }
        }
        return text.toString();
    }

    private static String counts(Map<String, Long> counts) {
        if (counts.isEmpty()) {
            return "none";
        }
        StringBuilder text = new StringBuilder();
        counts.forEach((key, count) -> text.append(text.length() == 0 ? "" : ", ").append(key).append(": ").append(count));
        return text.toString();
    }
}

package io.basalt.bench.tpcc;

import java.util.List;
import java.util.Map;

/**
 * The outcome of the measured part of a run (warm-up excluded).
 *
 * @param tpmC New-Orders completed per minute of measured time, the 1% rolled back on purpose
 *     included as the specification counts them (clause 5.4.1); with no think time and no audit
 *     this is "tpmC-like", not comparable with published results
 * @param newOrderRolledBack New-Orders rolled back on purpose (an unused item id) in the whole run
 * @param retries retries by SQLState in the whole run, warm-up included
 * @param giveUps transactions abandoned after the last retry, by SQLState
 * @param unexpected errors that are not retried, by "type SQLState exception-class"
 * @param consistencyViolations the consistency conditions that failed after the run; empty if all held
 */
public record RunSummary(double measuredSeconds, double tpmC, double txnPerSecond, long newOrderRolledBack,
                         List<TypeSummary> types, Map<String, Long> retries, Map<String, Long> giveUps,
                         Map<String, Long> unexpected, List<String> consistencyViolations) {

    public long unexpectedTotal() {
        return unexpected.values().stream().mapToLong(Long::longValue).sum();
    }

    /** 0 when all went well; 1 for unexpected errors, 2 for a consistency violation, 3 for both. */
    public int exitStatus() {
        return (unexpectedTotal() > 0 ? 1 : 0) | (consistencyViolations.isEmpty() ? 0 : 2);
    }
}

package io.basalt.sql.session;

import io.basalt.common.client.RowCursor;
import io.basalt.sql.exec.OperatorProbe;
import io.basalt.sql.plan.QueryPlanner;
import io.basalt.txn.Transaction;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Locale;

/**
 * What EXPLAIN ANALYZE measures of one run and how it prints it: the plan with each operator's
 * actual rows and time, then the totals. The session creates one for an EXPLAIN ANALYZE only, so
 * ordinary statements pay nothing; {@link #started} records the transaction's request counters
 * when the statement starts (each retry starts again).
 */
final class ExplainAnalyzeReport {
    private final QueryPlanner.Instrumented instrumented;
    private Transaction transaction;
    private long requestsBefore;
    private BitSet partitionsBefore = new BitSet();

    ExplainAnalyzeReport(QueryPlanner.Instrumented instrumented) {
        this.instrumented = instrumented;
    }

    void started(Transaction in) {
        transaction = in;
        requestsBefore = in.requestCount();
        partitionsBefore = in.partitionsTouched();
    }

    RowCursor print(long produced, double millis, int partitionCount) {
        List<String> lines = new ArrayList<>();
        String[] planLines = instrumented.statement().plan().split("\n");
        List<OperatorProbe> probes = instrumented.probes();
        for (int i = 0; i < planLines.length; i++) {
            OperatorProbe probe = i < probes.size() ? probes.get(i) : null;
            lines.add(probe == null ? planLines[i] : planLines[i] + String.format(Locale.ROOT,
                    "  (actual rows=%d, time=%.3f ms)", probe.rows(), probe.millis()));
        }
        lines.add(String.format(Locale.ROOT, "Execution: %d %s in %.3f ms", produced,
                instrumented.statement().isQuery() ? "rows" : "rows changed", millis));
        if (transaction != null) {
            BitSet partitions = transaction.partitionsTouched();
            partitions.andNot(partitionsBefore);
            lines.add("KV requests: " + (transaction.requestCount() - requestsBefore));
            lines.add("Partitions touched: " + partitions.cardinality() + " of " + partitionCount + " " + partitions);
        }
        return ListCursor.ofText("PLAN", lines);
    }
}

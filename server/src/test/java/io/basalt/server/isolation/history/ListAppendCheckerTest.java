package io.basalt.server.isolation.history;

import static io.basalt.server.isolation.history.Op.append;
import static io.basalt.server.isolation.history.Op.read;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The checker on small hand-made histories: one without anomalies, and one for each kind it
 * must find, so that a clean report from a real run means something.
 */
class ListAppendCheckerTest {

    @Test
    void serialHistoryHasNoAnomalies() {
        List<Txn> history = List.of(
                Txn.committed(1, append(1, 1), read(1, List.of(1))),
                Txn.committed(2, read(1, List.of(1)), append(1, 2), append(2, 1)),
                Txn.committed(3, read(1, List.of(1, 2)), read(2, List.of(1))),
                Txn.aborted(4, append(2, 2)),
                Txn.committed(5, read(2, List.of(1)), append(2, 3), read(2, List.of(1, 3))));

        CheckReport report = ListAppendChecker.check(history, Map.of(1, List.of(1, 2), 2, List.of(1, 3)));

        assertThat(report.anomalies()).as(report.toString()).isEmpty();
        assertThat(report.toString()).contains("4 committed of 5 transactions");
    }

    @Test
    void findsAWriteCycleAsG0() {
        // T1 appended to key 1 before T2, but to key 2 after T2.
        List<Txn> history = List.of(
                Txn.committed(1, append(1, 1), append(2, 2)),
                Txn.committed(2, append(1, 2), append(2, 1)));

        CheckReport report = ListAppendChecker.check(history, Map.of(1, List.of(1, 2), 2, List.of(1, 2)));

        assertThat(report.anomalies()).as(report.toString()).containsExactly(HistoryAnomaly.G0);
        assertThat(report.examples(HistoryAnomaly.G0).get(0)).contains("-ww->").contains("T1").contains("T2");
    }

    @Test
    void findsCircularInformationFlowAsG1c() {
        // Each read the other's append.
        List<Txn> history = List.of(
                Txn.committed(1, append(1, 1), read(2, List.of(1))),
                Txn.committed(2, append(2, 1), read(1, List.of(1))));

        CheckReport report = ListAppendChecker.check(history, Map.of(1, List.of(1), 2, List.of(1)));

        assertThat(report.anomalies()).as(report.toString()).containsExactly(HistoryAnomaly.G1C);
        assertThat(report.examples(HistoryAnomaly.G1C).get(0)).contains("-wr->");
    }

    @Test
    void findsReadSkewAsGSingle() {
        // T1 sees T2's append to key 2 but not its append to key 1.
        List<Txn> history = List.of(
                Txn.committed(1, read(1, List.of()), read(2, List.of(1))),
                Txn.committed(2, append(1, 1), append(2, 1)));

        CheckReport report = ListAppendChecker.check(history, Map.of(1, List.of(1), 2, List.of(1)));

        assertThat(report.anomalies()).as(report.toString()).containsExactly(HistoryAnomaly.G_SINGLE);
        assertThat(report.examples(HistoryAnomaly.G_SINGLE).get(0)).isIn("T1 -rw-> T2 -wr-> T1", "T2 -wr-> T1 -rw-> T2");
    }

    @Test
    void findsWriteSkewAsG2() {
        // Each read the key the other appended to, and missed the append.
        List<Txn> history = List.of(
                Txn.committed(1, read(1, List.of()), append(2, 1)),
                Txn.committed(2, read(2, List.of()), append(1, 1)));

        CheckReport report = ListAppendChecker.check(history, Map.of(1, List.of(1), 2, List.of(1)));

        assertThat(report.anomalies()).as(report.toString()).containsExactly(HistoryAnomaly.G2);
        assertThat(report.examples(HistoryAnomaly.G2).get(0)).isIn("T1 -rw-> T2 -rw-> T1", "T2 -rw-> T1 -rw-> T2");
    }

    @Test
    void findsAnAnomalyCycleThroughThreeTransactions() {
        // T1 -rw-> T2 -wr-> T3 -rw-> T1: two anti-dependencies, the read-only anomaly's shape.
        List<Txn> history = List.of(
                Txn.committed(1, read(1, List.of()), append(2, 1)),
                Txn.committed(2, append(1, 1)),
                Txn.committed(3, read(1, List.of(1)), read(2, List.of())));

        CheckReport report = ListAppendChecker.check(history, Map.of(1, List.of(1), 2, List.of(1)));

        assertThat(report.anomalies()).as(report.toString()).containsExactly(HistoryAnomaly.G2);
        assertThat(report.examples(HistoryAnomaly.G2).get(0)).contains("T1").contains("T2").contains("T3");
    }

    @Test
    void findsAReadOfAnAbortedAppendAsG1a() {
        List<Txn> history = List.of(
                Txn.aborted(1, append(1, 1)),
                Txn.committed(2, read(1, List.of(1))));

        CheckReport report = ListAppendChecker.check(history, Map.of());

        assertThat(report.anomalies()).as(report.toString()).containsExactly(HistoryAnomaly.G1A);
    }

    @Test
    void findsAReadOfAnIntermediateAppendAsG1b() {
        // T1 appended 1 and then 2 to key 1; T2 saw the list end in 1.
        List<Txn> history = List.of(
                Txn.committed(1, append(1, 1), append(1, 2)),
                Txn.committed(2, read(1, List.of(1))));

        CheckReport report = ListAppendChecker.check(history, Map.of(1, List.of(1, 2)));

        assertThat(report.anomalies()).as(report.toString()).contains(HistoryAnomaly.G1B);
    }

    @Test
    void findsReadsThatDisagreeOnOrderLostAppendsAndUnknownValues() {
        List<Txn> history = List.of(
                Txn.committed(1, append(1, 1)),
                Txn.committed(2, append(1, 2)),
                Txn.committed(3, read(1, List.of(2, 1))),
                Txn.committed(4, append(2, 1)),
                Txn.committed(5, read(3, List.of(7))));

        CheckReport report = ListAppendChecker.check(history, Map.of(1, List.of(1, 2), 2, List.of(), 3, List.of(7)));

        assertThat(report.anomalies()).as(report.toString())
                .contains(HistoryAnomaly.INCOMPATIBLE_ORDER, HistoryAnomaly.LOST_APPEND, HistoryAnomaly.GARBAGE_READ);
    }

    @Test
    void findsATransactionThatDoesNotReadItsOwnAppend() {
        List<Txn> history = List.of(Txn.committed(1, append(1, 1), read(1, List.of())));

        CheckReport report = ListAppendChecker.check(history, Map.of(1, List.of(1)));

        assertThat(report.anomalies()).as(report.toString()).containsExactly(HistoryAnomaly.INTERNAL);
    }
}

package io.basalt.server.isolation.history;

import static org.assertj.core.api.Assertions.assertThat;

import io.basalt.server.isolation.IsolationDatabase;
import io.basalt.server.isolation.Level;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Randomized histories, checked for cycles in the dependency graph: a list-append workload runs at
 * each level and {@link ListAppendChecker} looks at everything the committed transactions read.
 *
 * <p>No level may show aborted or intermediate reads (G1a, G1b), write cycles (G0), circular
 * information flow (G1c), lost appends, reads that disagree on the order of a key's appends, or
 * reads that miss the reader's own appends. Snapshot isolation also rules out G-single; SSI and
 * two-phase locking rule out every cycle.
 *
 * <p>By default each level runs {@value #DEFAULT_TRANSACTIONS} transactions, a second or two;
 * {@code -Dbasalt.history.transactions=20000} runs a longer history. A run stops early after
 * {@code basalt.history.seconds} (by default one second per hundred transactions, at least 20),
 * and the history it recorded is checked all the same.
 */
class ListAppendHistoryTest {
    private static final int DEFAULT_TRANSACTIONS = 2_000;
    private static final int THREADS = 6;

    /** The anomalies each level may show: the history counterpart of the table in ARCHITECTURE.md section 3. */
    private static final Map<Level, Set<HistoryAnomaly>> ALLOWED = Map.of(
            Level.READ_COMMITTED, EnumSet.of(HistoryAnomaly.G_SINGLE, HistoryAnomaly.G2),
            Level.SNAPSHOT, EnumSet.of(HistoryAnomaly.G2),
            Level.SSI, EnumSet.noneOf(HistoryAnomaly.class),
            Level.TWO_PL, EnumSet.noneOf(HistoryAnomaly.class));

    @ParameterizedTest(name = "{0}")
    @EnumSource(Level.class)
    void committedTransactionsShowOnlyTheAnomaliesTheLevelAllows(Level level) throws Exception {
        int transactions = Integer.getInteger("basalt.history.transactions", DEFAULT_TRANSACTIONS);
        Duration limit = Duration.ofSeconds(Long.getLong("basalt.history.seconds", Math.max(20, transactions / 100)));
        ListAppendWorkload.Result result;
        try (IsolationDatabase database = IsolationDatabase.inMemory()) {
            result = new ListAppendWorkload(level, THREADS, transactions, limit).run(database);
        }

        long started = System.nanoTime();
        CheckReport report = ListAppendChecker.check(result.history(), result.finalLists());
        System.out.printf("%s: %d transactions %s, checked in %d ms: %s%n", level, result.history().size(),
                result.outcomes(), (System.nanoTime() - started) / 1_000_000, report);

        assertThat(result.history()).as("transactions run before the time limit").isNotEmpty();
        assertThat(result.outcomes().getOrDefault("commit", 0L)).as("committed transactions").isPositive();
        assertThat(report.anomalies()).as("anomalies at %s: %s", level, report).isSubsetOf(ALLOWED.get(level));
    }
}

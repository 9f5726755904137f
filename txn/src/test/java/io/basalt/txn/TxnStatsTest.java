package io.basalt.txn;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** {@link TxnStats#counters()}: the names SQL shows the counters under (TRANSACTION_STATISTICS). */
class TxnStatsTest {

    private static void times(int n, Runnable bump) {
        IntStream.range(0, n).forEach(i -> bump.run());
    }

    @Test
    void eachNameShowsItsOwnCounter() {
        TxnStats stats = new TxnStats();
        times(1, stats::readOnlyCommit);
        times(2, stats::onePhaseCommit);
        times(3, stats::twoPhaseCommit);
        times(4, stats::rollback);
        times(5, stats::retryableAbort);
        times(6, stats::writeConflictAbort);
        times(7, stats::ssiAbort);
        times(8, stats::deadlockAbort);
        times(9, stats::lockTimeout);
        times(10, stats::expiredAbort);
        times(11, stats::statementRetry);
        times(12, stats::lockWait);
        stats.lockWaited(13);
        times(14, stats::push);
        times(15, stats::lostWakeupRecovered);
        stats.versionsCollected(16);
        times(17, stats::onePhaseBatchCommit);
        times(18, stats::onePhaseBatchFallback);

        Map<String, Long> expected = new LinkedHashMap<>();
        expected.put("read_only_commits", 1L);
        expected.put("one_phase_commits", 2L + 17);
        expected.put("two_phase_commits", 3L);
        expected.put("rollbacks", 4L);
        expected.put("retryable_aborts", 5L + 6 + 7 + 8);
        expected.put("write_conflict_aborts", 6L);
        expected.put("ssi_aborts", 7L);
        expected.put("deadlock_aborts", 8L);
        expected.put("lock_timeouts", 9L);
        expected.put("expired_aborts", 10L);
        expected.put("statement_retries", 11L);
        expected.put("lock_waits", 12L);
        expected.put("lock_wait_micros", 13L);
        expected.put("pushes", 14L);
        expected.put("lost_wakeups_recovered", 15L);
        expected.put("versions_collected", 16L);
        expected.put("one_phase_batch_commits", 17L);
        expected.put("one_phase_batch_fallbacks", 18L);
        assertThat(stats.counters()).containsExactlyEntriesOf(expected);
    }

    /** Guards against a counter added to TxnStats but not to {@link TxnStats#counters()}. */
    @Test
    void everyCounterHasAName() {
        long readers = Arrays.stream(TxnStats.class.getDeclaredMethods())
                .filter(m -> Modifier.isPublic(m.getModifiers()) && m.getParameterCount() == 0
                        && m.getReturnType() == long.class)
                .count();
        assertThat(new TxnStats().counters()).hasSize((int) readers);
    }
}

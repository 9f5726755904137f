package io.basalt.bench.tpcc;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.BatchUpdateException;
import java.sql.SQLException;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RetryPolicyTest {
    private final RetryPolicy policy = new RetryPolicy(3, Set.of());

    @ParameterizedTest
    @ValueSource(strings = {"40001", "40P01", "55P03"})
    void conflictsAreRetriedUntilTheLimitThenGivenUp(String state) {
        SQLException conflict = new SQLException("conflict", state);
        assertThat(policy.onFailure(conflict, 0)).isEqualTo(RetryPolicy.Verdict.RETRY);
        assertThat(policy.onFailure(conflict, 2)).isEqualTo(RetryPolicy.Verdict.RETRY);
        assertThat(policy.onFailure(conflict, 3)).isEqualTo(RetryPolicy.Verdict.GIVE_UP);
    }

    @ParameterizedTest
    @ValueSource(strings = {"23505", "40003", "08006", "42P01", "XX000", "HYT00"})
    void otherStatesAreUnexpected(String state) {
        assertThat(policy.onFailure(new SQLException("boom", state), 0)).isEqualTo(RetryPolicy.Verdict.UNEXPECTED);
    }

    @Test
    void aDialectAddsItsVendorStates() {
        RetryPolicy h2 = new RetryPolicy(3, SqlDialect.H2.vendorRetryableStates());
        assertThat(h2.onFailure(new SQLException("lock timeout", "HYT00"), 0)).isEqualTo(RetryPolicy.Verdict.RETRY);
        assertThat(h2.onFailure(new SQLException("dup", "23505"), 0)).isEqualTo(RetryPolicy.Verdict.UNEXPECTED);
    }

    @Test
    void zeroRetriesGivesUpAtOnce() {
        assertThat(new RetryPolicy(0, Set.of()).onFailure(new SQLException("c", "40001"), 0))
                .isEqualTo(RetryPolicy.Verdict.GIVE_UP);
    }

    @Test
    void theStateIsFoundAlongTheChainOfAWrappedFailure() {
        BatchUpdateException batch = new BatchUpdateException("batch failed", (String) null, new int[0]);
        batch.setNextException(new SQLException("conflict", "40001"));
        assertThat(RetryPolicy.sqlState(batch)).isEqualTo("40001");
        assertThat(RetryPolicy.sqlState(new SQLException("wrapped", null, new SQLException("inner", "40P01"))))
                .isEqualTo("40P01");
        assertThat(RetryPolicy.sqlState(new SQLException("no state"))).isEqualTo(RetryPolicy.NO_STATE);
    }

    @Test
    void backOffIsRandomAndBoundedByAGrowingCap() {
        Random random = new Random(5);
        long firstMax = 0;
        long laterMax = 0;
        for (int i = 0; i < 1000; i++) {
            long first = policy.backoffMicros(1, random);
            long later = policy.backoffMicros(30, random);
            assertThat(first).isBetween(0L, RetryPolicy.FIRST_BACKOFF_MICROS);
            assertThat(later).isBetween(0L, RetryPolicy.MAX_BACKOFF_MICROS);
            firstMax = Math.max(firstMax, first);
            laterMax = Math.max(laterMax, later);
        }
        assertThat(laterMax).isGreaterThan(firstMax * 10);
    }
}

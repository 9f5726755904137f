package io.basalt.server.isolation;

import static io.basalt.server.isolation.Assign.to;
import static io.basalt.server.isolation.Where.id;
import static io.basalt.server.isolation.Where.valueDivisibleBy;
import static io.basalt.server.isolation.Where.valueIs;
import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * G-single, read skew (Hermitage): T1 reads row 1, T2 changes both rows and commits, T1 reads
 * row 2. T1 would then have seen row 1 before T2 and row 2 after it: a cycle with exactly one
 * anti-dependency. The second case is the same through predicate reads.
 *
 * <p>Snapshot and stronger levels prevent it: snapshot levels answer T1 from its snapshot; under
 * two-phase locking T2's write waits for T1's shared lock. Read committed allows it and sees T2's
 * values in T1's second read.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class GSingleReadSkewTest {

    @ParameterizedTest(name = "{0}")
    @EnumSource(Level.class)
    void readsOfOneTransactionSeeOneStateOfTwoRows(Level level) throws SQLException {
        try (Hermitage h = Hermitage.setUp(level)) {
            HermitageTxn t1 = h.begin("T1");
            HermitageTxn t2 = h.begin("T2");

            Step first = t1.select(id(1));
            t2.select(id(1));
            t2.select(id(2));
            Step t2Writes = t2.update(to(12), id(1));
            t2.update(to(18), id(2));
            t2.commit();
            Step second = t1.select(id(2));
            t1.commit();
            h.finish();

            assertThat(first.rows()).as(h.because("T1's first read")).isEqualTo(Map.of(1, 10));
            assertThat(t1.committed() && t2.committed()).as(h.because("both committed")).isTrue();
            assertThat(h.table()).as(h.because("the table")).isEqualTo(Map.of(1, 12, 2, 18));
            if (Anomaly.G_SINGLE.isPreventedAt(level)) {
                assertThat(second.rows()).as(h.because("T1's second read, from before T2")).isEqualTo(Map.of(2, 20));
                assertThat(t2Writes.blocked()).as(h.because(level.readsTakeLocks()
                        ? "T2's write waited for T1's shared lock" : "T2's write did not wait"))
                        .isEqualTo(level.readsTakeLocks());
                if (level.isSerializable()) {
                    h.assertSerializable();
                }
            } else {
                assertThat(t2Writes.blocked()).as(h.because("T2's write did not wait")).isFalse();
                assertThat(second.rows()).as(h.because("T1's second read sees T2's commit")).isEqualTo(Map.of(2, 18));
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Level.class)
    void predicateReadsOfOneTransactionSeeOneStateOfTheTable(Level level) throws SQLException {
        try (Hermitage h = Hermitage.setUp(level)) {
            HermitageTxn t1 = h.begin("T1");
            HermitageTxn t2 = h.begin("T2");

            Step first = t1.select(valueDivisibleBy(5));
            Step t2Writes = t2.update(to(12), valueIs(10));
            t2.commit();
            Step second = t1.select(valueDivisibleBy(3));
            t1.commit();
            h.finish();

            assertThat(first.rows()).as(h.because("T1's first read")).isEqualTo(Map.of(1, 10, 2, 20));
            assertThat(t1.committed() && t2.committed()).as(h.because("both committed")).isTrue();
            assertThat(h.table()).as(h.because("the table")).isEqualTo(Map.of(1, 12, 2, 20));
            if (Anomaly.G_SINGLE.isPreventedAt(level)) {
                assertThat(second.rows()).as(h.because("T1's second read, from before T2")).isEmpty();
                assertThat(t2Writes.blocked()).as(h.because(level.readsTakeLocks()
                        ? "T2's write waited for T1's range lock" : "T2's write did not wait"))
                        .isEqualTo(level.readsTakeLocks());
                if (level.isSerializable()) {
                    h.assertSerializable();
                }
            } else {
                assertThat(second.rows()).as(h.because("T1's second read sees T2's commit")).isEqualTo(Map.of(1, 12));
            }
        }
    }
}

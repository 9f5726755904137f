package io.basalt.server.isolation;

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
 * PMP, predicate-many-preceders (Hermitage): T1 reads by a predicate and finds nothing; T2 inserts
 * a matching row and commits; T1 reads by an overlapping predicate. Seeing the new row now is a
 * phantom: T1's two predicate reads were answered by different states.
 *
 * <p>Snapshot and stronger levels prevent it: snapshot levels answer both reads from T1's
 * snapshot; under two-phase locking T1's scan holds a range lock, so T2's insert waits until T1
 * commits. Read committed allows it and sees the new row.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class PmpPredicateManyPrecedersTest {

    @ParameterizedTest(name = "{0}")
    @EnumSource(Level.class)
    void predicateReadsOfOneTransactionSeeTheSameRows(Level level) throws SQLException {
        try (Hermitage h = Hermitage.setUp(level)) {
            HermitageTxn t1 = h.begin("T1");
            HermitageTxn t2 = h.begin("T2");

            Step first = t1.select(valueIs(30));
            Step insert = t2.insert(3, 30);
            t2.commit();
            Step second = t1.select(valueDivisibleBy(3));
            t1.commit();
            h.finish();

            assertThat(first.rows()).as(h.because("T1's first read")).isEmpty();
            assertThat(t1.committed() && t2.committed()).as(h.because("both committed")).isTrue();
            assertThat(h.table()).as(h.because("the table")).isEqualTo(Map.of(1, 10, 2, 20, 3, 30));
            if (Anomaly.PMP.isPreventedAt(level)) {
                assertThat(second.rows()).as(h.because("T1's second read misses the row inserted after its first")).isEmpty();
                assertThat(insert.blocked()).as(h.because(level.readsTakeLocks()
                        ? "the insert waited for T1's range lock" : "the insert did not wait"))
                        .isEqualTo(level.readsTakeLocks());
                if (level.isSerializable()) {
                    h.assertSerializable();
                }
            } else {
                assertThat(insert.blocked()).as(h.because("the insert did not wait")).isFalse();
                assertThat(second.rows()).as(h.because("T1's second read sees T2's committed row"))
                        .isEqualTo(Map.of(3, 30));
            }
        }
    }
}

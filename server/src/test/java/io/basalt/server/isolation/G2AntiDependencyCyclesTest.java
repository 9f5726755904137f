package io.basalt.server.isolation;

import static io.basalt.server.isolation.Assign.plus;
import static io.basalt.server.isolation.Assign.to;
import static io.basalt.server.isolation.Where.id;
import static io.basalt.server.isolation.Where.valueDivisibleBy;
import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * G2, anti-dependency cycles over predicates (Hermitage). First case: T1 and T2 both find no row
 * with a value divisible by 3 and each inserts one; if both commit, each missed the other's row.
 * Second case (Fekete, O'Neil and O'Neil's read-only anomaly): T2 adds 5 to row 2 and commits, T3
 * reads both rows and commits, then T1, which read both rows before T2, writes row 1: T3 saw T2
 * but not T1, while T1 must precede T2.
 *
 * <p>SERIALIZABLE prevents both: SSI aborts a transaction (40001); two-phase locking blocks on
 * range and row locks, breaking deadlocks with 40P01. Read committed and snapshot isolation
 * allow them: everything commits.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class G2AntiDependencyCyclesTest {

    @ParameterizedTest(name = "{0}")
    @EnumSource(Level.class)
    void twoInsertsThatEachReaderMissedDoNotBothCommit(Level level) throws SQLException {
        try (Hermitage h = Hermitage.setUp(level)) {
            HermitageTxn t1 = h.begin("T1");
            HermitageTxn t2 = h.begin("T2");

            Step t1Reads = t1.select(valueDivisibleBy(3));
            Step t2Reads = t2.select(valueDivisibleBy(3));
            Step t1Inserts = t1.insert(3, 30);
            t2.insert(4, 42);
            t1.commit();
            t2.commit();
            h.finish();

            assertThat(t1Reads.rows()).as(h.because("T1's read")).isEmpty();
            assertThat(t2Reads.rows()).as(h.because("T2's read")).isEmpty();
            if (Anomaly.G2.isPreventedAt(level)) {
                assertThat(t1.committed() ^ t2.committed()).as(h.because("exactly one of T1, T2 committed")).isTrue();
                HermitageTxn victim = t1.committed() ? t2 : t1;
                if (level == Level.SSI) {
                    assertThat(victim.abortedWith()).as(h.because("the other failed serialization")).isEqualTo("40001");
                } else {
                    assertThat(t1Inserts.blocked()).as(h.because("T1's insert waited for T2's range lock")).isTrue();
                    assertThat(victim.abortedWith()).as(h.because("the other was the deadlock victim")).isEqualTo("40P01");
                }
                h.assertSerializable();
            } else {
                assertThat(t1.committed() && t2.committed()).as(h.because("both committed")).isTrue();
                assertThat(h.table()).as(h.because("the table")).isEqualTo(Map.of(1, 10, 2, 20, 3, 30, 4, 42));
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Level.class)
    void readOnlyTransactionNeverSeesAStateNoSerialOrderProduces(Level level) throws SQLException {
        try (Hermitage h = Hermitage.setUp(level)) {
            HermitageTxn t1 = h.begin("T1");
            HermitageTxn t2 = h.begin("T2");
            HermitageTxn t3 = h.begin("T3");

            Step t1Reads = t1.selectAll();
            Step t2Writes = t2.update(plus(5), id(2));
            t2.commit();
            Step t3Reads = t3.selectAll();
            t3.commit();
            t1.update(to(0), id(1));
            t1.commit();
            h.finish();

            assertThat(t1Reads.rows()).as(h.because("T1's read")).isEqualTo(Map.of(1, 10, 2, 20));
            if (Anomaly.G2.isPreventedAt(level)) {
                if (level == Level.SSI) {
                    // T2 and T3 committed before T1 wrote, so only T1 can still be aborted.
                    assertThat(t2.committed() && t3.committed()).as(h.because("T2 and T3 committed")).isTrue();
                    assertThat(t1.abortedWith()).as(h.because("T1 failed serialization")).isEqualTo("40001");
                } else {
                    assertThat(t2Writes.blocked()).as(h.because("T2's write waited for T1's shared lock")).isTrue();
                }
                h.assertSerializable();
            } else {
                assertThat(t1.committed() && t2.committed() && t3.committed()).as(h.because("all committed")).isTrue();
                assertThat(t3Reads.rows()).as(h.because("T3 saw T2")).isEqualTo(Map.of(1, 10, 2, 25));
                assertThat(h.table()).as(h.because("the table")).isEqualTo(Map.of(1, 0, 2, 25));
            }
        }
    }
}

package io.basalt.server.isolation;

import static io.basalt.server.isolation.Assign.plus;
import static io.basalt.server.isolation.Assign.to;
import static io.basalt.server.isolation.Where.id;
import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * P4, lost update (Hermitage): T1 and T2 both read row 1 and write back what they read plus one.
 * If both commit, T1's increment is lost.
 *
 * <p>Snapshot and stronger levels prevent it: snapshot levels abort the second writer (40001,
 * first-updater-wins); under two-phase locking both hold shared locks and each write waits for
 * the other's, a deadlock whose victim gets 40P01. Read committed allows it: T2 waits for T1's
 * lock, then overwrites T1's value with its own.
 *
 * <p>An increment inside one UPDATE statement ({@code value = value + 1}) is never lost at any
 * level: read committed re-reads the latest committed row under the lock before applying it, and
 * at snapshot levels an increment that is the transaction's first statement restarts the same way
 * (a later statement that met T1's newer version would fail with 40001).
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class P4LostUpdateTest {

    @ParameterizedTest(name = "{0}")
    @EnumSource(Level.class)
    void readModifyWriteCyclesOfTwoTransactionsDoNotBothCommit(Level level) throws SQLException {
        try (Hermitage h = Hermitage.setUp(level)) {
            HermitageTxn t1 = h.begin("T1");
            HermitageTxn t2 = h.begin("T2");

            Step t1Reads = t1.select(id(1));
            Step t2Reads = t2.select(id(1));
            t1.update(to(t1Reads.rows().get(1) + 1), id(1));
            Step t2Writes = t2.update(to(t2Reads.rows().get(1) + 1), id(1));
            t1.commit();
            t2.commit();
            h.finish();

            assertThat(t1Reads.rows()).as(h.because("T1's read")).isEqualTo(Map.of(1, 10));
            assertThat(t2Reads.rows()).as(h.because("T2's read")).isEqualTo(Map.of(1, 10));
            assertThat(h.table()).as(h.because("the table")).isEqualTo(Map.of(1, 11, 2, 20));
            if (Anomaly.P4.isPreventedAt(level)) {
                assertThat(t1.committed() ^ t2.committed())
                        .as(h.because("only one of the two read-modify-write cycles committed")).isTrue();
                switch (level) {
                    case SNAPSHOT, SSI -> assertThat(t2.abortedWith())
                            .as(h.because("T2 aborted by first-updater-wins")).isEqualTo("40001");
                    case TWO_PL -> assertThat(t1.committed() ? t2.abortedWith() : t1.abortedWith())
                            .as(h.because("the other was the deadlock victim")).isEqualTo("40P01");
                    default -> throw new AssertionError("no expectation for " + level);
                }
                if (level.isSerializable()) {
                    h.assertSerializable();
                }
            } else {
                assertThat(t2Writes.blocked()).as(h.because("T2's write waited for T1's lock")).isTrue();
                assertThat(t1.committed() && t2.committed())
                        .as(h.because("both committed: T1's increment is lost")).isTrue();
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Level.class)
    void incrementsInUpdateStatementsAreNeverLost(Level level) throws SQLException {
        try (Hermitage h = Hermitage.setUp(level)) {
            HermitageTxn t1 = h.begin("T1");
            HermitageTxn t2 = h.begin("T2");

            t1.update(plus(1), id(1));
            Step t2Increments = t2.update(plus(1), id(1));
            t1.commit();
            t2.commit();
            h.finish();

            int committedIncrements = (t1.committed() ? 1 : 0) + (t2.committed() ? 1 : 0);
            assertThat(t1.committed()).as(h.because("T1 committed")).isTrue();
            assertThat(h.table().get(1)).as(h.because("row 1 holds every committed increment"))
                    .isEqualTo(10 + committedIncrements);
            assertThat(t2Increments.blocked() || t2Increments.aborted())
                    .as(h.because("T2 waited for T1's lock or failed")).isTrue();
            switch (level) {
                case READ_COMMITTED -> {
                    assertThat(t2Increments.blocked()).as(h.because("T2 waited for T1's lock")).isTrue();
                    assertThat(t2.committed()).as(h.because("T2 incremented T1's committed value")).isTrue();
                }
                case SNAPSHOT, SSI -> {
                    // The increment is T2's first statement: it restarts after T1 instead of failing.
                    assertThat(t2Increments.blocked()).as(h.because("T2 waited for T1's lock")).isTrue();
                    assertThat(t2.committed()).as(h.because("T2 incremented T1's committed value")).isTrue();
                    h.assertSerializable();
                }
                case TWO_PL -> {
                    assertThat(t2Increments.blocked()).as(h.because("T2 waited for T1's lock")).isTrue();
                    assertThat(t2.committed()).as(h.because("T2 incremented T1's committed value")).isTrue();
                    h.assertSerializable();
                }
            }
        }
    }
}

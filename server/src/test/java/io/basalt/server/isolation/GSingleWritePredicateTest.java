package io.basalt.server.isolation;

import static io.basalt.server.isolation.Assign.to;
import static io.basalt.server.isolation.Where.id;
import static io.basalt.server.isolation.Where.valueIs;
import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * G-single through a write predicate (Hermitage): T1 reads row 1, T2 changes both rows and
 * commits, then T1 deletes the rows whose value is 20. Deleting row 2 (20 in T1's snapshot) or
 * deleting nothing (row 2 now holds 18) both mix two states unless T1 gives up.
 *
 * <p>Snapshot and stronger levels prevent it: snapshot levels abort T1's delete (row 2 has a
 * version newer than T1's snapshot: 40001); under two-phase locking T2's write waits for T1's
 * shared lock, T1's delete then waits for T2's, and the deadlock victim gets 40P01. Read
 * committed allows it: the delete reads the latest rows, finds no 20 and deletes nothing.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class GSingleWritePredicateTest {

    @ParameterizedTest(name = "{0}")
    @EnumSource(Level.class)
    void deleteByPredicateAfterAReadSeesTheSameStateAsTheRead(Level level) throws SQLException {
        try (Hermitage h = Hermitage.setUp(level)) {
            HermitageTxn t1 = h.begin("T1");
            HermitageTxn t2 = h.begin("T2");

            Step read = t1.select(id(1));
            t2.selectAll();
            Step t2Writes = t2.update(to(12), id(1));
            t2.update(to(18), id(2));
            t2.commit();
            Step delete = t1.delete(valueIs(20));
            t1.commit();
            h.finish();

            assertThat(read.rows()).as(h.because("T1's read")).isEqualTo(Map.of(1, 10));
            if (Anomaly.G_SINGLE_WRITE.isPreventedAt(level)) {
                switch (level) {
                    case SNAPSHOT, SSI -> {
                        assertThat(t2.committed()).as(h.because("T2 committed")).isTrue();
                        assertThat(t1.abortedWith()).as(h.because("T1's delete aborted by first-updater-wins"))
                                .isEqualTo("40001");
                        assertThat(h.table()).as(h.because("the table")).isEqualTo(Map.of(1, 12, 2, 18));
                    }
                    case TWO_PL -> {
                        assertThat(t2Writes.blocked()).as(h.because("T2's write waited for T1's shared lock")).isTrue();
                        assertThat(t1.committed() ^ t2.committed()).as(h.because("exactly one committed")).isTrue();
                        assertThat(t1.committed() ? t2.abortedWith() : t1.abortedWith())
                                .as(h.because("the other was the deadlock victim")).isEqualTo("40P01");
                        h.assertSerializable();
                    }
                    default -> throw new AssertionError("no expectation for " + level);
                }
                if (level == Level.SSI) {
                    h.assertSerializable();
                }
            } else {
                assertThat(t2Writes.blocked()).as(h.because("T2's write did not wait")).isFalse();
                assertThat(delete.count()).as(h.because("T1's delete sees T2's commit and deletes nothing")).isZero();
                assertThat(t1.committed() && t2.committed()).as(h.because("both committed")).isTrue();
                assertThat(h.table()).as(h.because("the table")).isEqualTo(Map.of(1, 12, 2, 18));
            }
        }
    }
}

package io.basalt.server.isolation;

import static io.basalt.server.isolation.Assign.plus;
import static io.basalt.server.isolation.Where.all;
import static io.basalt.server.isolation.Where.valueIs;
import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * PMP for write predicates (Hermitage, after the PostgreSQL documentation): T1 adds 10 to every
 * row; T2 deletes the rows whose value is 20 and has to wait for T1's lock on row 2. Whatever T2
 * then does, it must act on one state of the table, not on row 2 before T1 and row 1 after it.
 *
 * <p>Snapshot and stronger levels prevent it. At snapshot levels T2's delete meets a version of
 * row 2 newer than its snapshot; since the delete is T2's first statement it restarts at a snapshot
 * after T1 (first-updater-wins would fail a later statement with 40001) and deletes row 1, which
 * now holds 20; two-phase locking runs T2's delete after T1 by waiting, with the same result. Read committed need not prevent it (PostgreSQL shows it: after waiting, T2 re-checks only
 * row 2, now 30, and deletes nothing though row 1 now holds 20). Basalt's read committed restarts
 * a statement that met a row changed after its snapshot, as CockroachDB's does: T2's delete runs
 * again at a fresh snapshot, after T1, and deletes row 1.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class PmpWritePredicateManyPrecedersTest {

    @ParameterizedTest(name = "{0}")
    @EnumSource(Level.class)
    void deleteByPredicateActsOnOneStateOfTheTable(Level level) throws SQLException {
        try (Hermitage h = Hermitage.setUp(level)) {
            HermitageTxn t1 = h.begin("T1");
            HermitageTxn t2 = h.begin("T2");

            Step update = t1.update(plus(10), all());
            Step delete = t2.delete(valueIs(20));
            t1.commit();
            Step read = t2.select(valueIs(20));
            t2.commit();
            h.finish();

            assertThat(update.count()).as(h.because("T1 updated both rows")).isEqualTo(2);
            assertThat(t1.committed()).as(h.because("T1 committed")).isTrue();
            assertThat(delete.blocked() || delete.aborted()).as(h.because("T2's delete waited for T1 or failed")).isTrue();
            if (Anomaly.PMP_WRITE.isPreventedAt(level)) {
                switch (level) {
                    case SNAPSHOT, SSI -> {
                        assertThat(delete.count()).as(h.because("rows T2's restarted delete removed")).isEqualTo(1);
                        assertThat(t2.committed()).as(h.because("T2 committed")).isTrue();
                        assertThat(h.table()).as(h.because("the table")).isEqualTo(Map.of(2, 30));
                        h.assertSerializable();
                    }
                    case TWO_PL -> {
                        assertThat(delete.blocked()).as(h.because("T2's delete waited for T1's locks")).isTrue();
                        assertThat(t2.committed()).as(h.because("T2 committed after waiting")).isTrue();
                        h.assertSerializable();
                    }
                    default -> throw new AssertionError("no expectation for " + level);
                }
                if (level == Level.SSI) {
                    h.assertSerializable();
                }
            } else {
                assertThat(delete.blocked()).as(h.because("T2's delete waited for T1's lock on row 2")).isTrue();
                assertThat(delete.count()).as(h.because("rows T2's restarted delete removed")).isEqualTo(1);
                assertThat(read.rows()).as(h.because("T2 then sees no row with 20")).isEmpty();
                assertThat(t2.committed()).as(h.because("T2 committed")).isTrue();
                assertThat(h.table()).as(h.because("the table")).isEqualTo(Map.of(2, 30));
            }
        }
    }
}

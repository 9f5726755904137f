package io.basalt.server.isolation;

import static io.basalt.server.isolation.Assign.to;
import static io.basalt.server.isolation.Where.id;
import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * OTV, observed transaction vanishes (Hermitage): T1 writes both rows and commits while T2 waits
 * to overwrite them; T3 reads the rows one at a time. Once T3 has seen one of T1's writes it must
 * not later read a value from before T1 (T1 would vanish).
 *
 * <p>Snapshot and stronger levels prevent it. Read committed does not promise to, but its fresh
 * snapshot per statement defines what T3 sees: T1's values, then T2's once T2 commits, never
 * older ones; T2 waits for T1's lock and then writes the latest rows. At snapshot levels T2's
 * blocked write is its first statement, so it restarts at a snapshot after T1 rather than failing
 * by first-updater-wins, and T3 keeps reading T1's values from its own snapshot.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class OtvObservedTransactionVanishesTest {

    @ParameterizedTest(name = "{0}")
    @EnumSource(Level.class)
    void readerThatSawACommittedTransactionNeverSeesValuesFromBeforeIt(Level level) throws SQLException {
        try (Hermitage h = Hermitage.setUp(level)) {
            HermitageTxn t1 = h.begin("T1");
            HermitageTxn t2 = h.begin("T2");
            HermitageTxn t3 = h.begin("T3");

            t1.update(to(11), id(1));
            t1.update(to(19), id(2));
            Step t2WritesRowOne = t2.update(to(12), id(1));
            t1.commit();
            Step a = t3.select(id(1));
            t2.update(to(18), id(2));
            Step b = t3.select(id(2));
            t2.commit();
            Step c = t3.select(id(2));
            Step d = t3.select(id(1));
            t3.commit();
            h.finish();

            assertThat(t1.committed()).as(h.because("T1 committed")).isTrue();
            assertThat(t2WritesRowOne.blocked() || t2WritesRowOne.aborted())
                    .as(h.because("T2 did not overwrite T1's uncommitted row")).isTrue();
            if (t3.committed()) {
                List<Integer> seen = List.of(a.rows().get(1), b.rows().get(2), c.rows().get(2), d.rows().get(1));
                assertThat(seen).as(h.because("T3 never reads 10 or 20 from before T1")).doesNotContain(10, 20);
            }
            if (Anomaly.OTV.isPreventedAt(level)) {
                switch (level) {
                    case SNAPSHOT, SSI -> {
                        assertThat(t2WritesRowOne.blocked()).as(h.because("T2 waited for T1's lock")).isTrue();
                        assertThat(t2.committed()).as(h.because("T2's first statement restarted after T1; T2 committed")).isTrue();
                        assertThat(List.of(a.rows(), b.rows(), c.rows(), d.rows())).as(h.because("T3 reads one snapshot"))
                                .containsExactly(Map.of(1, 11), Map.of(2, 19), Map.of(2, 19), Map.of(1, 11));
                        assertThat(h.table()).as(h.because("the table")).isEqualTo(Map.of(1, 12, 2, 18));
                    }
                    case TWO_PL -> {
                        assertThat(t2WritesRowOne.blocked()).as(h.because("T2 waited for T1's lock")).isTrue();
                        assertThat(t2.committed() && t3.committed()).as(h.because("T2 and T3 committed")).isTrue();
                        h.assertSerializable();
                    }
                    default -> throw new AssertionError("no expectation for " + level);
                }
                if (level == Level.SSI) {
                    h.assertSerializable();
                }
            } else {
                // Read committed: T2 waits for T1 and then writes; each of T3's reads sees the latest commit.
                assertThat(t2WritesRowOne.blocked()).as(h.because("T2 waited for T1's lock")).isTrue();
                assertThat(t2.committed() && t3.committed()).as(h.because("T2 and T3 committed")).isTrue();
                assertThat(List.of(a.rows(), b.rows(), c.rows(), d.rows())).as(h.because("T3's reads"))
                        .containsExactly(Map.of(1, 11), Map.of(2, 19), Map.of(2, 18), Map.of(1, 12));
                assertThat(h.table()).as(h.because("the table")).isEqualTo(Map.of(1, 12, 2, 18));
            }
        }
    }
}

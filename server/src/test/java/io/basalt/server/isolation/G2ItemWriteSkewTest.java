package io.basalt.server.isolation;

import static io.basalt.server.isolation.Assign.to;
import static io.basalt.server.isolation.Where.id;
import static io.basalt.server.isolation.Where.idIn;
import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * G2-item, write skew (Hermitage): T1 and T2 both read rows 1 and 2; T1 then writes row 1 and
 * T2 row 2, each deciding from values the other is about to change. If both commit, no serial
 * order explains what they read (two anti-dependencies form a cycle).
 *
 * <p>SERIALIZABLE prevents it: SSI aborts one of them (40001); under two-phase locking each write
 * waits for the other's shared lock, and the deadlock victim gets 40P01. Read committed and
 * snapshot isolation allow it: both commit, as in PostgreSQL's REPEATABLE READ.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class G2ItemWriteSkewTest {
    private static final Map<Integer, Integer> BEFORE = Map.of(1, 10, 2, 20);

    @ParameterizedTest(name = "{0}")
    @EnumSource(Level.class)
    void twoTransactionsThatReadWhatTheOtherWritesDoNotBothCommit(Level level) throws SQLException {
        try (Hermitage h = Hermitage.setUp(level)) {
            HermitageTxn t1 = h.begin("T1");
            HermitageTxn t2 = h.begin("T2");

            Step t1Reads = t1.select(idIn(1, 2));
            Step t2Reads = t2.select(idIn(1, 2));
            Step t1Writes = t1.update(to(11), id(1));
            Step t2Writes = t2.update(to(21), id(2));
            t1.commit();
            t2.commit();
            h.finish();

            assertThat(t1Reads.rows()).as(h.because("T1's read")).isEqualTo(BEFORE);
            assertThat(t2Reads.rows()).as(h.because("T2's read")).isEqualTo(BEFORE);
            if (Anomaly.G2_ITEM.isPreventedAt(level)) {
                assertThat(t1.committed() ^ t2.committed()).as(h.because("exactly one of T1, T2 committed")).isTrue();
                HermitageTxn victim = t1.committed() ? t2 : t1;
                if (level == Level.SSI) {
                    assertThat(t1Writes.blocked() || t2Writes.blocked()).as(h.because("SSI writes do not wait")).isFalse();
                    assertThat(victim.abortedWith()).as(h.because("the other failed serialization")).isEqualTo("40001");
                } else {
                    assertThat(t1Writes.blocked()).as(h.because("T1's write waited for T2's shared lock")).isTrue();
                    assertThat(victim.abortedWith()).as(h.because("the other was the deadlock victim")).isEqualTo("40P01");
                }
                h.assertSerializable();
            } else {
                assertThat(t1Writes.blocked() || t2Writes.blocked()).as(h.because("the writes did not wait")).isFalse();
                assertThat(t1.committed() && t2.committed()).as(h.because("both committed: write skew")).isTrue();
                assertThat(h.table()).as(h.because("the table")).isEqualTo(Map.of(1, 11, 2, 21));
            }
        }
    }
}

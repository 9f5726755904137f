package io.basalt.server.isolation;

import static io.basalt.server.isolation.Anomaly.Expectation.PREVENTED;
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
 * G1a, aborted read (Hermitage): T2 reads while T1 has an uncommitted write that it then rolls
 * back; T2 must never see that write. Every level prevents it. Snapshot-based levels read past the
 * uncommitted write without waiting; two-phase locking makes the read wait for T1's lock.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class G1aAbortedReadTest {
    private static final Map<Integer, Integer> COMMITTED = Map.of(1, 10, 2, 20);

    @ParameterizedTest(name = "{0}")
    @EnumSource(Level.class)
    void neverReadsAWriteThatIsRolledBack(Level level) throws SQLException {
        assertThat(Anomaly.G1A.expectedAt(level)).isEqualTo(PREVENTED);
        try (Hermitage h = Hermitage.setUp(level)) {
            HermitageTxn t1 = h.begin("T1");
            HermitageTxn t2 = h.begin("T2");

            t1.update(to(101), id(1));
            Step whileT1Open = t2.selectAll();
            t1.rollback();
            Step afterRollback = t2.selectAll();
            t2.commit();
            h.finish();

            assertThat(whileT1Open.rows()).as(h.because("T2's read while T1 was open")).isEqualTo(COMMITTED);
            assertThat(afterRollback.rows()).as(h.because("T2's read after T1 rolled back")).isEqualTo(COMMITTED);
            assertThat(t2.committed()).as(h.because("the read-only T2 committed")).isTrue();
            assertThat(h.table()).as(h.because("the table")).isEqualTo(COMMITTED);
            assertThat(whileT1Open.blocked())
                    .as(h.because(level.readsTakeLocks() ? "the read waited for T1's exclusive lock"
                            : "the read did not wait for the writer"))
                    .isEqualTo(level.readsTakeLocks());
            if (level.isSerializable()) {
                h.assertSerializable();
            }
        }
    }
}

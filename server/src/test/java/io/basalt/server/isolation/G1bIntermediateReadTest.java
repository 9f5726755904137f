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
 * G1b, intermediate read (Hermitage): T1 writes 101 and then 11 to the same row before it
 * commits; T2 must never see the intermediate 101. Every level prevents it. What T2 sees after T1
 * commits tells the levels apart: read committed takes a fresh snapshot per statement and sees 11;
 * snapshot levels keep seeing 10; two-phase locking waits for T1 and sees 11 both times.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class G1bIntermediateReadTest {
    private static final Map<Integer, Integer> BEFORE_T1 = Map.of(1, 10, 2, 20);
    private static final Map<Integer, Integer> AFTER_T1 = Map.of(1, 11, 2, 20);

    @ParameterizedTest(name = "{0}")
    @EnumSource(Level.class)
    void neverReadsAValueItsWriterOverwroteBeforeCommitting(Level level) throws SQLException {
        assertThat(Anomaly.G1B.expectedAt(level)).isEqualTo(PREVENTED);
        try (Hermitage h = Hermitage.setUp(level)) {
            HermitageTxn t1 = h.begin("T1");
            HermitageTxn t2 = h.begin("T2");

            t1.update(to(101), id(1));
            Step first = t2.selectAll();
            t1.update(to(11), id(1));
            t1.commit();
            Step second = t2.selectAll();
            t2.commit();
            h.finish();

            assertThat(first.rows().get(1)).as(h.because("T2's first read")).isNotEqualTo(101);
            assertThat(second.rows().get(1)).as(h.because("T2's second read")).isNotEqualTo(101);
            assertThat(t1.committed() && t2.committed()).as(h.because("both committed")).isTrue();
            assertThat(h.table()).as(h.because("the table")).isEqualTo(AFTER_T1);
            switch (level) {
                case READ_COMMITTED -> {
                    assertThat(first.rows()).as(h.because("T2's first read, while T1 was open")).isEqualTo(BEFORE_T1);
                    assertThat(second.rows()).as(h.because("T2's second read sees T1's commit")).isEqualTo(AFTER_T1);
                }
                case SNAPSHOT, SSI -> {
                    assertThat(first.rows()).as(h.because("T2's first read")).isEqualTo(BEFORE_T1);
                    assertThat(second.rows()).as(h.because("T2's second read, same snapshot")).isEqualTo(BEFORE_T1);
                }
                case TWO_PL -> {
                    assertThat(first.blocked()).as(h.because("T2's read waited for T1's exclusive lock")).isTrue();
                    assertThat(first.rows()).as(h.because("T2's first read, after T1 committed")).isEqualTo(AFTER_T1);
                    assertThat(second.rows()).as(h.because("T2's second read")).isEqualTo(AFTER_T1);
                }
            }
            if (level.isSerializable()) {
                h.assertSerializable();
            }
        }
    }
}

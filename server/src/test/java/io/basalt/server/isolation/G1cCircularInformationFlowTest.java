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
 * G1c, circular information flow (Hermitage): T1 and T2 each write one row and then read the
 * other's row. Neither may see the other's uncommitted write (that would make each depend on the
 * other). Every level prevents it.
 *
 * <p>Below SERIALIZABLE both read the old values and both commit: that is write skew (G2-item),
 * allowed there. SSI must abort one of them (a cycle of two anti-dependencies); under two-phase
 * locking each read waits for the other's lock, a deadlock, and the victim gets 40P01.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class G1cCircularInformationFlowTest {

    @ParameterizedTest(name = "{0}")
    @EnumSource(Level.class)
    void neitherOfTwoWritersReadsTheOthersUncommittedWrite(Level level) throws SQLException {
        assertThat(Anomaly.G1C.expectedAt(level)).isEqualTo(PREVENTED);
        try (Hermitage h = Hermitage.setUp(level)) {
            HermitageTxn t1 = h.begin("T1");
            HermitageTxn t2 = h.begin("T2");

            t1.update(to(11), id(1));
            t2.update(to(22), id(2));
            Step t1ReadsRowTwo = t1.select(id(2));
            Step t2ReadsRowOne = t2.select(id(1));
            t1.commit();
            t2.commit();
            h.finish();

            if (t1ReadsRowTwo.succeeded()) {
                assertThat(t1ReadsRowTwo.rows()).as(h.because("T1 never sees T2's uncommitted 22")).isEqualTo(Map.of(2, 20));
            }
            if (t2ReadsRowOne.succeeded()) {
                assertThat(t2ReadsRowOne.rows()).as(h.because("T2 never sees T1's uncommitted 11")).isEqualTo(Map.of(1, 10));
            }
            switch (level) {
                case READ_COMMITTED, SNAPSHOT -> {
                    assertThat(t1ReadsRowTwo.blocked() || t2ReadsRowOne.blocked()).as(h.because("reads do not wait")).isFalse();
                    assertThat(t1.committed() && t2.committed()).as(h.because("both committed (write skew is allowed)")).isTrue();
                    assertThat(h.table()).as(h.because("the table")).isEqualTo(Map.of(1, 11, 2, 22));
                }
                case SSI -> {
                    assertThat(t1ReadsRowTwo.blocked() || t2ReadsRowOne.blocked()).as(h.because("reads do not wait")).isFalse();
                    assertThat(t1.committed() ^ t2.committed()).as(h.because("exactly one of T1, T2 committed")).isTrue();
                    assertThat(h.aborts()).as(h.because("the other was aborted")).isEqualTo(1);
                    h.assertSerializable();
                }
                case TWO_PL -> {
                    assertThat(t1ReadsRowTwo.blocked()).as(h.because("T1's read waited for T2's lock")).isTrue();
                    assertThat(t1.committed() ^ t2.committed()).as(h.because("exactly one of T1, T2 committed")).isTrue();
                    assertThat(t1.committed() ? t2.abortedWith() : t1.abortedWith())
                            .as(h.because("the other was the deadlock victim")).isEqualTo("40P01");
                    h.assertSerializable();
                }
            }
        }
    }
}

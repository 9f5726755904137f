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
 * G0, dirty write (Adya's write cycle), Hermitage "Read Committed basic requirements": two
 * transactions write the same two rows; the second may not overwrite the first's uncommitted row,
 * and the result is one transaction's writes after the other's, never a mixture. Every level
 * prevents it, because writes always take exclusive locks.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class G0DirtyWriteTest {

    @ParameterizedTest(name = "{0}")
    @EnumSource(Level.class)
    void secondWriterNeverOverwritesAnUncommittedRowAndWritesNeverInterleave(Level level) throws SQLException {
        assertThat(Anomaly.G0.expectedAt(level)).isEqualTo(PREVENTED);
        try (Hermitage h = Hermitage.setUp(level)) {
            HermitageTxn t1 = h.begin("T1");
            HermitageTxn t2 = h.begin("T2");

            t1.update(to(11), id(1));
            Step t2WritesRowOne = t2.update(to(12), id(1));
            t1.update(to(21), id(2));
            t1.commit();
            Map<Integer, Integer> afterT1 = h.table();
            t2.update(to(22), id(2));
            t2.commit();
            h.finish();

            assertThat(t2WritesRowOne.blocked() || t2WritesRowOne.aborted())
                    .as(h.because("T2's write of row 1 waited for T1 or failed, never overwrote it at once")).isTrue();
            assertThat(t1.committed()).as(h.because("T1 committed")).isTrue();
            assertThat(afterT1).as(h.because("the table when T1 committed")).isEqualTo(Map.of(1, 11, 2, 21));
            assertThat(h.table()).as(h.because("T2's writes entirely after T1's, or none of them"))
                    .isEqualTo(t2.committed() ? Map.of(1, 12, 2, 22) : Map.of(1, 11, 2, 21));
            switch (level) {
                case READ_COMMITTED -> {
                    // Writers wait for each other instead of failing; then T2 writes the latest row.
                    assertThat(t2WritesRowOne.blocked()).as(h.because("T2 waited for T1's lock")).isTrue();
                    assertThat(t2.committed()).as(h.because("T2 committed after waiting")).isTrue();
                }
                case SNAPSHOT, SSI -> {
                    // T2's blocked write is its first statement: nothing it read has reached the
                    // client, so instead of failing by first-updater-wins it restarts at a snapshot
                    // after T1, keeping the row's lock, and T2 runs entirely after T1.
                    assertThat(t2WritesRowOne.blocked()).as(h.because("T2 waited for T1's lock")).isTrue();
                    assertThat(t2.committed()).as(h.because("T2's first statement restarted after T1; T2 committed")).isTrue();
                    h.assertSerializable();
                }
                case TWO_PL -> {
                    assertThat(t2WritesRowOne.blocked()).as(h.because("T2 waited for T1's exclusive lock")).isTrue();
                    assertThat(t2.committed()).as(h.because("T2 committed after waiting")).isTrue();
                    h.assertSerializable();
                }
            }
            if (level == Level.SSI) {
                h.assertSerializable();
            }
        }
    }
}

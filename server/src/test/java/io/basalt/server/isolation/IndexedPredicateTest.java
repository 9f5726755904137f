package io.basalt.server.isolation;

import static io.basalt.server.isolation.Where.valueBetween;
import static io.basalt.server.isolation.Where.valueIs;
import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The predicate anomalies G2 and PMP again, with the predicate answered by a secondary index
 * instead of a table scan: the protection must come from the index read itself (a range lock on
 * the index entries under two-phase locking, read markers on them under SSI), because an insert
 * writes an entry into exactly the range the reader looked at. Each case first shows, with
 * EXPLAIN, that the predicate really is read through the index.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class IndexedPredicateTest {
    private static final String INDEX = "CREATE INDEX test_value ON test (\"value\")";

    @ParameterizedTest(name = "{0}")
    @EnumSource(Level.class)
    void g2TwoInsertsIntoARangeEachReaderFoundEmptyDoNotBothCommit(Level level) throws SQLException {
        try (Hermitage h = Hermitage.setUp(level, INDEX)) {
            assertThat(h.explain(valueIs(30))).contains("index range scan TEST_VALUE (global)");
            HermitageTxn t1 = h.begin("T1");
            HermitageTxn t2 = h.begin("T2");

            Step t1Reads = t1.select(valueIs(30));
            Step t2Reads = t2.select(valueIs(30));
            Step t1Inserts = t1.insert(3, 30);
            t2.insert(4, 30);
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
                    assertThat(t1Inserts.blocked()).as(h.because("T1's insert waited for T2's index range lock"))
                            .isTrue();
                    assertThat(victim.abortedWith()).as(h.because("the other was the deadlock victim")).isEqualTo("40P01");
                }
                h.assertSerializable();
            } else {
                assertThat(t1.committed() && t2.committed()).as(h.because("both committed")).isTrue();
                assertThat(h.table()).as(h.because("the table")).isEqualTo(Map.of(1, 10, 2, 20, 3, 30, 4, 30));
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Level.class)
    void pmpARangeReadThroughTheIndexSeesNoPhantom(Level level) throws SQLException {
        try (Hermitage h = Hermitage.setUp(level, INDEX)) {
            assertThat(h.explain(valueBetween(25, 35))).contains("index range scan TEST_VALUE (global)");
            HermitageTxn t1 = h.begin("T1");
            HermitageTxn t2 = h.begin("T2");

            Step first = t1.select(valueBetween(25, 35));
            Step insert = t2.insert(3, 30);
            t2.commit();
            Step second = t1.select(valueBetween(25, 35));
            t1.commit();
            h.finish();

            assertThat(first.rows()).as(h.because("T1's first read")).isEmpty();
            assertThat(t1.committed() && t2.committed()).as(h.because("both committed")).isTrue();
            if (Anomaly.PMP.isPreventedAt(level)) {
                assertThat(second.rows()).as(h.because("T1's second read misses the row inserted after its first"))
                        .isEmpty();
                assertThat(insert.blocked()).as(h.because(level.readsTakeLocks()
                        ? "the insert waited for T1's index range lock" : "the insert did not wait"))
                        .isEqualTo(level.readsTakeLocks());
            } else {
                assertThat(second.rows()).as(h.because("T1's second read sees the new row")).isEqualTo(Map.of(3, 30));
            }
        }
    }
}

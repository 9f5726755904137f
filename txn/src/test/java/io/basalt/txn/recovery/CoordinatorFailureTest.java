package io.basalt.txn.recovery;

import static io.basalt.txn.TxnTestbed.key;
import static io.basalt.txn.TxnTestbed.value;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.basalt.txn.CoordinatorCrash;
import io.basalt.txn.FaultPoint;
import io.basalt.txn.IsolationLevel;
import io.basalt.txn.Transaction;
import io.basalt.txn.TxnConfig;
import io.basalt.txn.TxnTestbed;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A coordinator dies at each step of the commit protocol (while other coordinators live on): no
 * committed write is lost, no aborted write becomes visible, and nobody waits for its locks
 * longer than its heartbeats' expiry.
 */
class CoordinatorFailureTest {
    /** Short expiry so the test runs quickly: heartbeats every 50 ms, silence for 300 ms means dead. */
    private static final TxnConfig FAST_EXPIRY = TxnConfig.DEFAULT.withExpiry(50, 300);

    @ParameterizedTest
    @EnumSource(FaultPoint.class)
    void deadCoordinatorNeitherLosesCommitsNorBlocksAnyone(FaultPoint point) {
        try (TxnTestbed db = TxnTestbed.inMemory(4, FAST_EXPIRY)) {
            db.write(key(1, "a"), "before");
            db.write(key(2, "b"), "before");
            db.manager.setFaultInjector((at, txnId) -> {
                if (at == point) {
                    throw new CoordinatorCrash(at);
                }
            });
            Transaction dying = db.begin(IsolationLevel.SNAPSHOT);
            dying.put(key(1, "a"), value("dying"));
            dying.put(key(2, "b"), value("dying"));
            assertThatThrownBy(dying::commit).isInstanceOf(CoordinatorCrash.class);
            db.manager.setFaultInjector(null);

            boolean committed = point == FaultPoint.AFTER_COMMIT_POINT || point == FaultPoint.DURING_RESOLUTION;
            String expected = committed ? "dying" : "before";
            // Readers never wait, and see the outcome at once.
            assertThat(db.read(key(1, "a"))).isEqualTo(expected);
            assertThat(db.read(key(2, "b"))).isEqualTo(expected);
            // Writers get through once the dead transaction is resolved or expires.
            Transaction next = db.begin(IsolationLevel.SNAPSHOT);
            next.put(key(1, "a"), value("next"));
            next.put(key(2, "b"), value("next"));
            next.commit();
            assertThat(db.read(key(1, "a"))).isEqualTo("next");
            assertThat(db.read(key(2, "b"))).isEqualTo("next");
            // Only a dead transaction with intents and no decision has to be aborted as expired.
            assertThat(db.manager.stats().expiredAborts()).as("transactions aborted as expired")
                    .isEqualTo(point == FaultPoint.AFTER_FIRST_WRITE ? 1 : 0);
        }
    }
}

package io.basalt.txn.isolation;

import static io.basalt.txn.TxnTestbed.key;
import static io.basalt.txn.TxnTestbed.value;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.basalt.common.error.BasaltException;
import io.basalt.common.error.SqlState;
import io.basalt.txn.IsolationLevel;
import io.basalt.txn.LockStrength;
import io.basalt.txn.Transaction;
import io.basalt.txn.TxnTestbed;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class LockWaitLimitsTest {
    private final TxnTestbed db = TxnTestbed.inMemory(4);

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void noWaitLockFailsAtOnceWith55P03() {
        db.write(key(1, "row"), "v");
        Transaction holder = db.begin(IsolationLevel.READ_COMMITTED);
        holder.lock(List.of(key(1, "row")), LockStrength.UPDATE, false);

        Transaction other = db.begin(IsolationLevel.READ_COMMITTED);
        long started = System.nanoTime();
        assertThatThrownBy(() -> other.lock(List.of(key(1, "row")), LockStrength.UPDATE, true))
                .isInstanceOf(BasaltException.class)
                .extracting(e -> ((BasaltException) e).sqlState()).isEqualTo(SqlState.LOCK_NOT_AVAILABLE);
        assertThat(System.nanoTime() - started).isLessThan(1_000_000_000L);
        other.rollback();
        holder.commit();
        assertThat(db.read(key(1, "row"))).as("FOR UPDATE changes nothing").isEqualTo("v");
    }

    @Test
    void lockTimeoutGivesUpWith55P03AndReleasesNothingOfTheHolder() {
        Transaction holder = db.begin(IsolationLevel.READ_COMMITTED);
        holder.put(key(1, "row"), value("holder"));
        holder.flush();

        Transaction other = db.begin(IsolationLevel.READ_COMMITTED);
        other.setLockTimeout(200);
        other.put(key(1, "row"), value("other"));
        assertThatThrownBy(other::flush).isInstanceOf(BasaltException.class)
                .extracting(e -> ((BasaltException) e).sqlState()).isEqualTo(SqlState.LOCK_NOT_AVAILABLE);
        other.rollback();
        holder.commit();
        assertThat(db.read(key(1, "row"))).isEqualTo("holder");
        assertThat(db.manager.stats().lockTimeouts()).isEqualTo(1);
        assertThat(db.manager.stats().lockWaits()).isEqualTo(1);
        assertThat(db.manager.stats().lockWaitMicros()).as("time spent waiting").isGreaterThanOrEqualTo(200_000);
        assertThat(db.participants.get(1).lockTable().waiterCount()).isZero();
    }

    @Test
    void forShareLocksBlockForUpdateButNotEachOther() {
        db.write(key(1, "row"), "v");
        Transaction a = db.begin(IsolationLevel.SNAPSHOT);
        Transaction b = db.begin(IsolationLevel.SNAPSHOT);
        a.lock(List.of(key(1, "row")), LockStrength.SHARE, true);
        b.lock(List.of(key(1, "row")), LockStrength.SHARE, true);
        Transaction c = db.begin(IsolationLevel.SNAPSHOT);
        assertThatThrownBy(() -> c.lock(List.of(key(1, "row")), LockStrength.UPDATE, true))
                .extracting(e -> ((BasaltException) e).sqlState()).isEqualTo(SqlState.LOCK_NOT_AVAILABLE);
        a.commit();
        b.commit();
        c.rollback();
    }
}

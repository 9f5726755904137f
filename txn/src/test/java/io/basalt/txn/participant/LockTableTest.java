package io.basalt.txn.participant;

import static org.assertj.core.api.Assertions.assertThat;

import io.basalt.txn.TxnErrors;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class LockTableTest {
    private final AtomicLong clock = new AtomicLong(1_000);
    private final LockTable table = new LockTable(clock::get, 5_000);

    private static byte[] k(String key) {
        return key.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void waitersAreWokenInTheOrderTheyQueuedAndTheHeadIsGrantedTheKey() {
        CompletableFuture<Void> first = table.enqueue(k("a"), 2, LockTable.Mode.EXCLUSIVE, new long[] {1}, false);
        CompletableFuture<Void> second = table.enqueue(k("a"), 3, LockTable.Mode.EXCLUSIVE, new long[] {1}, false);

        table.released(k("a"));
        assertThat(first).isDone();
        assertThat(second).isNotDone();
        assertThat(table.exclusiveBlockers(k("a"), 4, false)).as("a newcomer queues behind the reservation")
                .contains(2L, 3L);
        assertThat(table.exclusiveBlockers(k("a"), 2, true)).isEmpty();

        table.claimed(k("a"), 2);
        table.released(k("a"));
        assertThat(second).isDone();
    }

    @Test
    void sharedLocksAreCompatibleWithEachOtherButBlockWriters() {
        assertThat(table.tryAcquireShared(k("a"), 1, false)).isEmpty();
        assertThat(table.tryAcquireShared(k("a"), 2, false)).isEmpty();
        assertThat(table.exclusiveBlockers(k("a"), 3, false)).containsExactlyInAnyOrder(1L, 2L);
        assertThat(table.exclusiveBlockers(k("a"), 1, false)).containsExactly(2L);

        table.releaseAll(2);
        assertThat(table.exclusiveBlockers(k("a"), 1, false)).as("its own shared lock never blocks an upgrade").isEmpty();
    }

    @Test
    void readersDoNotOvertakeAQueuedWriter() {
        table.enqueue(k("a"), 5, LockTable.Mode.EXCLUSIVE, new long[] {1}, false);
        assertThat(table.tryAcquireShared(k("a"), 6, false)).containsExactly(5L);
    }

    @Test
    void rangeLockBlocksWritesInsideItsRangeOnly() {
        table.acquireRange(1, k("b"), k("d"));
        assertThat(table.exclusiveBlockers(k("b"), 2, false)).containsExactly(1L);
        assertThat(table.exclusiveBlockers(k("c9"), 2, false)).containsExactly(1L);
        assertThat(table.exclusiveBlockers(k("d"), 2, false)).isEmpty();
        assertThat(table.exclusiveBlockers(k("a"), 2, false)).isEmpty();
        table.releaseAll(1);
        assertThat(table.exclusiveBlockers(k("c"), 2, false)).isEmpty();
    }

    @Test
    void releasingARangeWakesTheWritersWaitingInsideIt() {
        table.acquireRange(1, k("b"), k("d"));
        CompletableFuture<Void> writer = table.enqueue(k("c"), 2, LockTable.Mode.EXCLUSIVE, new long[] {1}, false);
        table.releaseAll(1);
        assertThat(writer).isDone();
    }

    @Test
    void waitEdgesNameHoldersReservationsAndWaitersAhead() {
        table.tryAcquireShared(k("a"), 1, false);
        table.enqueue(k("a"), 2, LockTable.Mode.EXCLUSIVE, new long[0], false);
        table.enqueue(k("a"), 3, LockTable.Mode.EXCLUSIVE, new long[0], false);
        assertThat(table.waitEdges()).contains(new LockTable.WaitEdge(2, 1), new LockTable.WaitEdge(3, 1),
                new LockTable.WaitEdge(3, 2));
    }

    @Test
    void deadlockVictimsWaitsFailAndLeaveTheQueue() {
        CompletableFuture<Void> victim = table.enqueue(k("a"), 7, LockTable.Mode.EXCLUSIVE, new long[] {1}, false);
        assertThat(table.failWaits(7, TxnErrors.deadlockVictim(7))).isTrue();
        assertThat(victim).isCompletedExceptionally();
        assertThat(table.waiterCount()).isZero();
        assertThat(table.failWaits(7, TxnErrors.deadlockVictim(7))).isFalse();
    }

    @Test
    void cancelledWaiterLeavesTheQueue() {
        CompletableFuture<Void> impatient = table.enqueue(k("a"), 2, LockTable.Mode.EXCLUSIVE, new long[] {1}, false);
        impatient.cancel(false);
        assertThat(table.waiterCount()).isZero();
    }

    @Test
    void reservationOfAWaiterThatNeverCameBackExpires() {
        table.enqueue(k("a"), 2, LockTable.Mode.EXCLUSIVE, new long[] {1}, false);
        table.released(k("a"));
        assertThat(table.exclusiveBlockers(k("a"), 3, false)).containsExactly(2L);
        clock.addAndGet(6_000);
        assertThat(table.exclusiveBlockers(k("a"), 3, false)).isEmpty();
    }
}

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

    @Test
    void aHeadThatGivesUpWakesTheWaiterBehindIt() {
        CompletableFuture<Void> head = table.enqueue(k("a"), 2, LockTable.Mode.EXCLUSIVE, new long[] {1}, false);
        CompletableFuture<Void> behind = table.enqueue(k("a"), 3, LockTable.Mode.EXCLUSIVE, new long[] {1, 2}, false);

        table.failWaits(2, TxnErrors.deadlockVictim(2));

        assertThat(behind).as("it may have waited only for the head").isDone();
        assertThat(head).isCompletedExceptionally();
    }

    @Test
    void aWaiterThatIsNotTheHeadLeavesWithoutWakingAnyone() {
        CompletableFuture<Void> head = table.enqueue(k("a"), 2, LockTable.Mode.EXCLUSIVE, new long[] {1}, false);
        CompletableFuture<Void> middle = table.enqueue(k("a"), 3, LockTable.Mode.EXCLUSIVE, new long[] {1}, false);
        CompletableFuture<Void> last = table.enqueue(k("a"), 4, LockTable.Mode.EXCLUSIVE, new long[] {1}, false);

        middle.cancel(false);

        assertThat(head).isNotDone();
        assertThat(last).isNotDone();
        assertThat(table.waiterCount()).isEqualTo(2);
    }

    @Test
    void theHolderOfAGrantIsNotBlockedByTheQueueBehindIt() {
        table.enqueue(k("a"), 2, LockTable.Mode.EXCLUSIVE, new long[] {1}, false);
        table.enqueue(k("a"), 3, LockTable.Mode.EXCLUSIVE, new long[] {1}, false);
        table.released(k("a"));

        // Transaction 2 was granted the key; a restarted statement of it comes back as a newcomer.
        assertThat(table.exclusiveBlockers(k("a"), 2, false)).isEmpty();
        assertThat(table.exclusiveBlockers(k("a"), 4, false)).containsExactlyInAnyOrder(2L, 3L);
    }

    @Test
    void aGrantIsPassedOnWhenItsHolderRollsBackTheStatement() {
        table.enqueue(k("a"), 2, LockTable.Mode.EXCLUSIVE, new long[] {1}, false);
        CompletableFuture<Void> next = table.enqueue(k("a"), 3, LockTable.Mode.EXCLUSIVE, new long[] {1}, false);
        table.released(k("a"));
        assertThat(next).isNotDone();

        table.dropReservations(2);

        assertThat(next).isDone();
        assertThat(table.exclusiveBlockers(k("a"), 3, true)).isEmpty();
    }

    @Test
    void aGrantIsPassedOnWhenItsHolderQueuesAgainAtTheBack() {
        table.enqueue(k("a"), 2, LockTable.Mode.EXCLUSIVE, new long[] {1}, false);
        CompletableFuture<Void> next = table.enqueue(k("a"), 3, LockTable.Mode.EXCLUSIVE, new long[] {1}, false);
        table.released(k("a"));

        CompletableFuture<Void> again = table.enqueue(k("a"), 2, LockTable.Mode.EXCLUSIVE, new long[] {5}, false);

        assertThat(next).isDone();
        assertThat(again).isNotDone();
    }

    @Test
    void aWaiterHeadingAQueueNobodyHoldsIsWokenBySlice() {
        CompletableFuture<Void> head = table.enqueue(k("a"), 2, LockTable.Mode.EXCLUSIVE, new long[] {1}, false);
        CompletableFuture<Void> behind = table.enqueue(k("a"), 3, LockTable.Mode.EXCLUSIVE, new long[] {1}, false);

        assertThat(table.wakeIfUnblocked(k("a"), 3)).as("not the head").isFalse();
        assertThat(table.wakeIfUnblocked(k("a"), 2)).isTrue();

        assertThat(head).isDone();
        assertThat(behind).isNotDone();
        assertThat(table.wakeIfUnblocked(k("a"), 3)).as("the key is granted to the old head").isFalse();
    }

    @Test
    void aWaiterBlockedByASharedHolderOrARangeIsNotWokenBySlice() {
        table.tryAcquireShared(k("a"), 1, false);
        CompletableFuture<Void> writer = table.enqueue(k("a"), 2, LockTable.Mode.EXCLUSIVE, new long[] {1}, false);
        assertThat(table.wakeIfUnblocked(k("a"), 2)).isFalse();
        table.releaseAll(1);
        assertThat(writer).isDone();

        table.acquireRange(7, k("b"), k("d"));
        CompletableFuture<Void> inRange = table.enqueue(k("c"), 8, LockTable.Mode.EXCLUSIVE, new long[] {7}, false);
        assertThat(table.wakeIfUnblocked(k("c"), 8)).isFalse();
        assertThat(inRange).isNotDone();
    }

    @Test
    void waitersByKeyNamesEveryQueuedTransaction() {
        table.enqueue(k("a"), 2, LockTable.Mode.EXCLUSIVE, new long[] {1}, false);
        table.enqueue(k("a"), 3, LockTable.Mode.SHARED, new long[] {1}, false);
        table.enqueue(k("b"), 4, LockTable.Mode.EXCLUSIVE, new long[] {1}, false);

        assertThat(table.waitersByKey()).hasSize(2);
        assertThat(table.waitersByKey().get(java.nio.ByteBuffer.wrap(k("a")))).containsExactly(2L, 3L);
    }

    @Test
    void sharedBlockersNameGrantsAndQueuedWritersWithoutTakingAnything() {
        table.tryAcquireShared(k("a"), 1, false);
        table.enqueue(k("a"), 2, LockTable.Mode.EXCLUSIVE, new long[] {1}, false);

        assertThat(table.sharedBlockers(k("a"), 3, false)).as("a reader queues behind a waiting writer").containsExactly(2L);
        assertThat(table.sharedBlockers(k("a"), 3, true)).as("unless it was woken from the queue").isEmpty();
        assertThat(table.sharedBlockers(k("b"), 3, false)).isEmpty();
        assertThat(table.holdsShared(k("a"), 3)).isFalse();
    }
}

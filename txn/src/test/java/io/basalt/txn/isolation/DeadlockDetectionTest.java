package io.basalt.txn.isolation;

import static io.basalt.txn.TxnTestbed.key;
import static io.basalt.txn.TxnTestbed.value;
import static org.assertj.core.api.Assertions.assertThat;

import io.basalt.common.error.BasaltException;
import io.basalt.common.error.SqlState;
import io.basalt.txn.Async;
import io.basalt.txn.IsolationLevel;
import io.basalt.txn.Transaction;
import io.basalt.txn.TxnTestbed;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Cycles of waits across partitions: exactly one victim, the youngest, with 40P01; the rest commit. */
class DeadlockDetectionTest {

    @ParameterizedTest(name = "{0} transactions")
    @ValueSource(ints = {2, 3})
    void cycleOfWaitsAbortsExactlyTheYoungest(int size) {
        try (TxnTestbed db = TxnTestbed.inMemory(4)) {
            List<Transaction> txns = new ArrayList<>();
            for (int i = 0; i < size; i++) {
                // Two-phase locking: after the victim goes, a survivor may write over what the next one committed.
                Transaction txn = db.begin(IsolationLevel.SERIALIZABLE_2PL);
                txn.put(key(i, "k" + i), value("mine"));
                txn.flush();
                txns.add(txn);
            }
            List<CompletableFuture<Void>> steps = new ArrayList<>();
            for (int i = 0; i < size; i++) {
                Transaction txn = txns.get(i);
                int next = (i + 1) % size;
                txn.put(key(next, "k" + next), value("theirs"));
                steps.add(Async.run(txn::flush));
            }
            Transaction youngest = txns.get(size - 1);
            Throwable victimError = Async.failure(steps.get(size - 1));
            assertThat(victimError).isInstanceOf(BasaltException.class);
            assertThat(((BasaltException) victimError).sqlState()).isEqualTo(SqlState.DEADLOCK_DETECTED);
            youngest.rollback();
            // Each survivor waited for the next one: they finish from the last to the first.
            for (int i = size - 2; i >= 0; i--) {
                Async.result(steps.get(i));
                txns.get(i).commit();
            }
            assertThat(db.manager.stats().deadlockAborts()).isEqualTo(1);
        }
    }
}

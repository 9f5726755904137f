package io.basalt.txn.recovery;

import static io.basalt.txn.TxnTestbed.key;
import static io.basalt.txn.TxnTestbed.value;
import static org.assertj.core.api.Assertions.assertThat;

import io.basalt.txn.Transaction;
import io.basalt.txn.TxnTestbed;
import io.basalt.txn.participant.CommitTxnCommand;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A coordinator that dies mid-transaction: the store must come back atomic. */
class StartupRecoveryTest {

    @Test
    void pendingTransactionIsAbortedOnRestart(@TempDir Path dir) {
        try (TxnTestbed db = TxnTestbed.persistent(dir, 4)) {
            db.write(key(1, "a"), "before");
            Transaction dying = db.begin();
            dying.put(key(1, "a"), value("lost"));
            dying.put(key(2, "b"), value("lost"));
            dying.flush();
            // the process "dies" here: no commit, no rollback
        }
        try (TxnTestbed db = TxnTestbed.persistent(dir, 4)) {
            assertThat(db.read(key(1, "a"))).isEqualTo("before");
            assertThat(db.read(key(2, "b"))).isNull();
            db.write(key(2, "b"), "writable again");
            assertThat(db.read(key(2, "b"))).isEqualTo("writable again");
        }
    }

    @Test
    void transactionCommittedAtItsRecordIsCompletedOnRestart(@TempDir Path dir) {
        long commitTs;
        try (TxnTestbed db = TxnTestbed.persistent(dir, 4)) {
            Transaction dying = db.begin();
            dying.put(key(1, "a"), value("a"));
            dying.put(key(2, "b"), value("b"));
            dying.put(key(3, "c"), value("c"));
            dying.flush();
            commitTs = dying.id() + 1;
            // commit point reached, phase two never ran
            db.participants.get(1).execute(new CommitTxnCommand(key(1, "a"), dying.id(), commitTs,
                    List.of(key(1, "a")), false, true)).join();
        }
        try (TxnTestbed db = TxnTestbed.persistent(dir, 4)) {
            assertThat(db.read(key(1, "a"))).isEqualTo("a");
            assertThat(db.read(key(2, "b"))).isEqualTo("b");
            assertThat(db.read(key(3, "c"))).isEqualTo("c");
        }
    }
}

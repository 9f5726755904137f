package io.basalt.txn.isolation;

import static io.basalt.txn.TxnTestbed.key;
import static io.basalt.txn.TxnTestbed.text;
import static io.basalt.txn.TxnTestbed.value;
import static org.assertj.core.api.Assertions.assertThat;

import io.basalt.txn.Async;
import io.basalt.txn.IsolationLevel;
import io.basalt.txn.KeyValue;
import io.basalt.txn.Transaction;
import io.basalt.txn.TxnTestbed;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class TwoPhaseLockingTest {
    private final TxnTestbed db = TxnTestbed.inMemory(4);

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void readersShareLockThatBlocksWriterUntilTheyEnd() {
        db.write(key(1, "x"), "1");
        Transaction reader = db.begin(IsolationLevel.SERIALIZABLE_2PL);
        Transaction otherReader = db.begin(IsolationLevel.SERIALIZABLE_2PL);
        assertThat(text(reader.get(key(1, "x")))).isEqualTo("1");
        assertThat(text(otherReader.get(key(1, "x")))).isEqualTo("1");

        Transaction writer = db.begin(IsolationLevel.SERIALIZABLE_2PL);
        writer.put(key(1, "x"), value("2"));
        CompletableFuture<Void> write = Async.run(writer::flush);
        Async.assertBlocked(write);
        reader.commit();
        Async.assertBlocked(write);
        otherReader.commit();
        Async.result(write);
        writer.commit();
        assertThat(db.read(key(1, "x"))).isEqualTo("2");
    }

    @Test
    void writerBlocksReaderWhoThenSeesTheCommittedValue() {
        db.write(key(1, "x"), "1");
        Transaction writer = db.begin(IsolationLevel.SERIALIZABLE_2PL);
        writer.put(key(1, "x"), value("2"));
        writer.flush();

        Transaction reader = db.begin(IsolationLevel.SERIALIZABLE_2PL);
        CompletableFuture<String> read = Async.start(() -> text(reader.get(key(1, "x"))));
        Async.assertBlocked(read);
        writer.commit();
        assertThat(Async.result(read)).isEqualTo("2");
        reader.commit();
    }

    @Test
    void scannedRangeBlocksInsertsIntoItsGaps() {
        db.write(key(1, "a"), "a");
        db.write(key(1, "c"), "c");
        Transaction scanner = db.begin(IsolationLevel.SERIALIZABLE_2PL);
        assertThat(values(scanner.scan(key(1, "a"), key(1, "z")))).containsExactly("a", "c");

        Transaction inserter = db.begin(IsolationLevel.SERIALIZABLE_2PL);
        inserter.insert(key(1, "b"), value("b"));
        CompletableFuture<Void> insert = Async.run(inserter::flush);
        Async.assertBlocked(insert);
        assertThat(values(scanner.scan(key(1, "a"), key(1, "z")))).as("no phantom").containsExactly("a", "c");
        scanner.commit();
        Async.result(insert);
        inserter.commit();

        Transaction outside = db.begin(IsolationLevel.SERIALIZABLE_2PL);
        outside.put(key(2, "elsewhere"), value("x"));
        outside.commit();
    }

    @Test
    void upgradingOwnSharedLockDoesNotWaitForItself() {
        db.write(key(1, "x"), "1");
        Transaction txn = db.begin(IsolationLevel.SERIALIZABLE_2PL);
        assertThat(text(txn.get(key(1, "x")))).isEqualTo("1");
        txn.put(key(1, "x"), value("2"));
        txn.commit();
        assertThat(db.read(key(1, "x"))).isEqualTo("2");
    }

    @Test
    void twoReadersUpgradingTheSameRowDeadlockAndOneIsChosen() {
        db.write(key(1, "x"), "1");
        Transaction first = db.begin(IsolationLevel.SERIALIZABLE_2PL);
        Transaction second = db.begin(IsolationLevel.SERIALIZABLE_2PL);
        first.get(key(1, "x"));
        second.get(key(1, "x"));
        first.put(key(1, "x"), value("first"));
        second.put(key(1, "x"), value("second"));
        CompletableFuture<Void> firstWrite = Async.run(first::flush);
        CompletableFuture<Void> secondWrite = Async.run(second::flush);

        Throwable victim = Async.failure(secondWrite);
        assertThat(victim).hasMessageContaining("deadlock");
        second.rollback();
        Async.result(firstWrite);
        first.commit();
        assertThat(db.read(key(1, "x"))).isEqualTo("first");
    }

    private static List<String> values(Iterator<KeyValue> rows) {
        List<String> out = new ArrayList<>();
        rows.forEachRemaining(kv -> out.add(text(kv.value())));
        return out;
    }
}

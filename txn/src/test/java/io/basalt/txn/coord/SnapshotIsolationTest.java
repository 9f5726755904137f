package io.basalt.txn.coord;

import static io.basalt.txn.TxnTestbed.key;
import static io.basalt.txn.TxnTestbed.text;
import static io.basalt.txn.TxnTestbed.value;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.basalt.common.error.BasaltException;
import io.basalt.common.error.SqlState;
import io.basalt.kv.engine.ColumnFamily;
import io.basalt.kv.engine.EngineIterator;
import io.basalt.txn.DuplicateKeyException;
import io.basalt.txn.KeyValue;
import io.basalt.txn.Transaction;
import io.basalt.txn.TransactionRetryException;
import io.basalt.txn.TxnTestbed;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SnapshotIsolationTest {
    private final TxnTestbed db = TxnTestbed.inMemory(4);

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void statementDoesNotSeeItsOwnWritesUntilFlushed() {
        Transaction txn = db.begin();
        txn.put(key(1, "a"), value("1"));
        assertThat(txn.get(key(1, "a"))).isNull();
        txn.flush();
        assertThat(text(txn.get(key(1, "a")))).isEqualTo("1");
        txn.commit();
        assertThat(db.read(key(1, "a"))).isEqualTo("1");
    }

    @Test
    void snapshotDoesNotSeeLaterCommits() {
        db.write(key(1, "a"), "old");
        Transaction reader = db.begin();
        db.write(key(1, "a"), "new");

        assertThat(text(reader.get(key(1, "a")))).isEqualTo("old");
        reader.commit();
        assertThat(db.read(key(1, "a"))).isEqualTo("new");
    }

    @Test
    void firstUpdaterWinsAfterConcurrentCommit() {
        db.write(key(1, "a"), "0");
        Transaction t1 = db.begin();
        Transaction t2 = db.begin();
        t1.put(key(1, "a"), value("t1"));
        t1.commit();

        t2.put(key(1, "a"), value("t2"));
        assertThatThrownBy(t2::flush)
                .isInstanceOf(TransactionRetryException.class)
                .extracting(e -> ((BasaltException) e).sqlState()).isEqualTo(SqlState.SERIALIZATION_FAILURE);
        t2.rollback();
        assertThat(db.read(key(1, "a"))).isEqualTo("t1");
        assertThat(db.manager.stats().writeConflictAborts()).isEqualTo(1);
    }

    @Test
    void writerWaitsForPendingIntentAndFailsFirstUpdaterWinsWhenHolderCommits() throws Exception {
        Transaction holder = db.begin();
        Transaction waiter = db.begin();
        holder.put(key(2, "k"), value("holder"));
        holder.flush();

        waiter.put(key(2, "k"), value("waiter"));
        java.util.concurrent.CompletableFuture<Void> waiting = java.util.concurrent.CompletableFuture.runAsync(waiter::flush);
        await().atMost(Duration.ofSeconds(10)).until(() -> db.participants.get(2).lockTable().waiterCount() == 1);
        holder.commit();

        assertThatThrownBy(waiting::join).hasCauseInstanceOf(TransactionRetryException.class);
        waiter.rollback();
        assertThat(db.read(key(2, "k"))).isEqualTo("holder");
    }

    @Test
    void writerWaitsForPendingIntentAndProceedsWhenHolderAborts() throws Exception {
        Transaction older = db.begin();
        Transaction younger = db.begin();
        younger.put(key(2, "k"), value("younger"));
        younger.flush();

        older.put(key(2, "k"), value("older"));
        Thread olderWrites = new Thread(older::flush);
        olderWrites.start();
        await().atMost(Duration.ofSeconds(10))
                .until(() -> db.participants.get(2).lockTable().waiterCount() == 1);
        assertThat(olderWrites.isAlive()).isTrue();

        younger.rollback();
        olderWrites.join(10_000);
        assertThat(olderWrites.isAlive()).isFalse();
        older.commit();

        assertThat(db.read(key(2, "k"))).isEqualTo("older");
        assertThat(db.manager.stats().lockWaits()).isEqualTo(1);
    }

    @Test
    void readerSkipsPendingIntentAndPushesWriterAboveItsSnapshot() {
        db.write(key(3, "x"), "committed");
        Transaction writer = db.begin();
        writer.put(key(3, "x"), value("pending"));
        writer.flush();
        Transaction reader = db.begin();

        assertThat(text(reader.get(key(3, "x")))).isEqualTo("committed");
        writer.commit();
        assertThat(((TxnCoordinator) writer).commitTimestamp()).isGreaterThan(reader.readTimestamp());
        assertThat(text(reader.get(key(3, "x")))).isEqualTo("committed");
        assertThat(db.read(key(3, "x"))).isEqualTo("pending");
    }

    @Test
    void readerSeesCommittedButUnresolvedIntent() {
        Transaction writer = db.begin();
        writer.put(key(1, "a"), value("a"));
        writer.put(key(2, "b"), value("b"));
        writer.flush();
        TxnCoordinator coordinator = (TxnCoordinator) writer;
        // Commit only at the record, as a coordinator that dies right after the commit point would.
        db.participants.get(1).execute(new io.basalt.txn.participant.CommitTxnCommand(
                key(1, "a"), writer.id(), writer.id() + 1, List.of(key(1, "a")), false, true)).join();

        assertThat(db.read(key(2, "b"))).isEqualTo("b");
        assertThat(coordinator.isActive()).isTrue();
    }

    @Test
    void insertOfExistingKeyIsDuplicateButInsertAfterOwnDeleteIsFine() {
        db.write(key(1, "a"), "v");
        Transaction txn = db.begin();
        txn.insert(key(1, "a"), value("again"));
        assertThatThrownBy(txn::flush).isInstanceOf(DuplicateKeyException.class)
                .extracting(e -> ((BasaltException) e).sqlState()).isEqualTo(SqlState.UNIQUE_VIOLATION);
        txn.rollback();

        Transaction txn2 = db.begin();
        txn2.delete(key(1, "a"));
        txn2.flush();
        txn2.insert(key(1, "a"), value("reborn"));
        txn2.commit();
        assertThat(db.read(key(1, "a"))).isEqualTo("reborn");
    }

    @Test
    void duplicateInsertWithinOneStatementIsRejected() {
        Transaction txn = db.begin();
        txn.insert(key(1, "a"), value("1"));
        txn.insert(key(1, "a"), value("2"));
        assertThatThrownBy(txn::flush).isInstanceOf(DuplicateKeyException.class);
        txn.rollback();
        assertThat(db.read(key(1, "a"))).isNull();
    }

    @Test
    void rollbackRemovesEveryIntentAndRecord() {
        db.write(key(1, "a"), "keep");
        Transaction txn = db.begin();
        txn.put(key(1, "a"), value("gone"));
        txn.put(key(2, "b"), value("gone"));
        txn.put(key(3, "c"), value("gone"));
        txn.flush();
        txn.rollback();

        assertThat(db.read(key(1, "a"))).isEqualTo("keep");
        assertThat(db.read(key(2, "b"))).isNull();
        assertThat(count(ColumnFamily.INTENTS)).isZero();
        assertThat(count(ColumnFamily.TXNS)).isZero();
    }

    @Test
    void onePartitionCommitsInOnePhaseAndSeveralInTwo() {
        Transaction single = db.begin();
        single.put(key(1, "a"), value("1"));
        single.put(key(1, "b"), value("1"));
        single.commit();
        Transaction multi = db.begin();
        multi.put(key(1, "a"), value("2"));
        multi.put(key(2, "b"), value("2"));
        multi.commit();
        Transaction readOnly = db.begin();
        readOnly.get(key(1, "a"));
        readOnly.commit();

        assertThat(db.manager.stats().onePhaseCommits()).isEqualTo(1);
        assertThat(db.manager.stats().twoPhaseCommits()).isEqualTo(1);
        assertThat(db.manager.stats().readOnlyCommits()).isEqualTo(1);
        assertThat(db.read(key(2, "b"))).isEqualTo("2");
        assertThat(count(ColumnFamily.INTENTS)).isZero();
        assertThat(count(ColumnFamily.TXNS)).isZero();
    }

    @Test
    void scanMergesOwnWritesAndHidesOwnDeletes() {
        db.write(key(1, "a"), "a");
        db.write(key(1, "b"), "b");
        db.write(key(1, "c"), "c");
        Transaction txn = db.begin();
        txn.delete(key(1, "b"));
        txn.put(key(1, "d"), value("d"));
        txn.flush();

        assertThat(scanTexts(txn, key(1, ""), key(2, ""))).containsExactly("a", "c", "d");
        txn.commit();
    }

    @Test
    void scanPagesThroughManyKeys() {
        Transaction writer = db.begin();
        for (int i = 0; i < 1000; i++) {
            writer.put(key(1, String.format("k%04d", i)), value(Integer.toString(i)));
        }
        writer.commit();
        Transaction reader = db.begin();
        assertThat(scanTexts(reader, key(1, ""), key(2, ""))).hasSize(1000).startsWith("0", "1").endsWith("999");
    }

    @Test
    void finishedTransactionRefusesFurtherWork() {
        Transaction txn = db.begin();
        txn.commit();
        assertThatThrownBy(() -> txn.get(key(1, "a"))).isInstanceOf(BasaltException.class)
                .extracting(e -> ((BasaltException) e).sqlState()).isEqualTo(SqlState.INVALID_TRANSACTION_STATE);
        txn.rollback(); // harmless
    }

    private static List<String> scanTexts(Transaction txn, byte[] start, byte[] end) {
        List<String> out = new ArrayList<>();
        for (Iterator<KeyValue> it = txn.scan(start, end); it.hasNext(); ) {
            out.add(text(it.next().value()));
        }
        return out;
    }

    private int count(ColumnFamily cf) {
        int n = 0;
        try (EngineIterator it = db.engine.newIterator(cf, null)) {
            for (it.seek(new byte[0]); it.isValid(); it.next()) {
                n++;
            }
        }
        return n;
    }
}

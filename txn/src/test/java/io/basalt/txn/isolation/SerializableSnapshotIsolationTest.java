package io.basalt.txn.isolation;

import static io.basalt.txn.TxnTestbed.key;
import static io.basalt.txn.TxnTestbed.text;
import static io.basalt.txn.TxnTestbed.value;
import static org.assertj.core.api.Assertions.assertThat;

import io.basalt.common.error.BasaltException;
import io.basalt.common.error.SqlState;
import io.basalt.txn.IsolationLevel;
import io.basalt.txn.KeyValue;
import io.basalt.txn.Transaction;
import io.basalt.txn.TxnTestbed;
import java.util.Iterator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SerializableSnapshotIsolationTest {
    private final TxnTestbed db = TxnTestbed.inMemory(4);

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void writeSkewAcrossPartitionsAbortsOneTransaction() {
        db.write(key(1, "alice"), "on-call");
        db.write(key(2, "bob"), "on-call");
        Transaction t1 = db.begin(IsolationLevel.SERIALIZABLE_SSI);
        Transaction t2 = db.begin(IsolationLevel.SERIALIZABLE_SSI);
        assertThat(text(t1.get(key(1, "alice")))).isEqualTo("on-call");
        assertThat(text(t1.get(key(2, "bob")))).isEqualTo("on-call");
        assertThat(text(t2.get(key(1, "alice")))).isEqualTo("on-call");
        assertThat(text(t2.get(key(2, "bob")))).isEqualTo("on-call");

        t1.put(key(1, "alice"), value("off"));
        t2.put(key(2, "bob"), value("off"));
        t1.flush();
        RuntimeException second = catchFailure(() -> {
            t2.flush();
            t2.commit();
        });
        RuntimeException first = catchFailure(t1::commit);

        assertThat(first == null || second == null).as("at least one commits").isTrue();
        assertThat(first != null || second != null).as("not both: write skew").isTrue();
        RuntimeException failure = first != null ? first : second;
        assertThat(((BasaltException) failure).sqlState()).isEqualTo(SqlState.SERIALIZATION_FAILURE);
        t1.rollback();
        t2.rollback();
        assertThat(db.read(key(1, "alice")) .equals("on-call") || db.read(key(2, "bob")).equals("on-call")).isTrue();
        assertThat(db.manager.stats().ssiAborts()).isEqualTo(1);
    }

    @Test
    void snapshotIsolationAllowsTheSameWriteSkew() {
        db.write(key(1, "alice"), "on-call");
        db.write(key(2, "bob"), "on-call");
        Transaction t1 = db.begin(IsolationLevel.SNAPSHOT);
        Transaction t2 = db.begin(IsolationLevel.SNAPSHOT);
        t1.get(key(1, "alice"));
        t1.get(key(2, "bob"));
        t2.get(key(1, "alice"));
        t2.get(key(2, "bob"));
        t1.put(key(1, "alice"), value("off"));
        t2.put(key(2, "bob"), value("off"));
        t1.commit();
        t2.commit();
        assertThat(db.read(key(1, "alice"))).isEqualTo("off");
        assertThat(db.read(key(2, "bob"))).isEqualTo("off");
    }

    @Test
    void predicateWriteSkewThroughScannedRangesAbortsOne() {
        Transaction t1 = db.begin(IsolationLevel.SERIALIZABLE_SSI);
        Transaction t2 = db.begin(IsolationLevel.SERIALIZABLE_SSI);
        assertThat(count(t1.scan(key(1, "slot/"), key(1, "slot0")))).isZero();
        assertThat(count(t2.scan(key(1, "slot/"), key(1, "slot0")))).isZero();
        t1.insert(key(1, "slot/a"), value("t1"));
        t2.insert(key(1, "slot/b"), value("t2"));
        t1.flush();
        RuntimeException second = catchFailure(() -> {
            t2.flush();
            t2.commit();
        });
        RuntimeException first = catchFailure(t1::commit);
        assertThat(first == null ^ second == null).as("exactly one of the two commits").isTrue();
    }

    @ParameterizedTest(name = "insert at slot {0}")
    @CsvSource({"10, true", "290, false"})
    void aScanStoppedAfterItsFirstPageConflictsOnlyWithWritesInWhatItRead(int insertedSlot, boolean conflicts) {
        for (int i = 0; i < 300; i++) {
            db.write(key(1, String.format("slot/%03d", i)), "free");
        }
        db.write(key(2, "flag"), "0");
        Transaction t1 = db.begin(IsolationLevel.SERIALIZABLE_SSI);
        Transaction t2 = db.begin(IsolationLevel.SERIALIZABLE_SSI);
        Iterator<KeyValue> slots = t1.scan(key(1, "slot/"), key(1, "slot0")); // reads a first page only
        assertThat(slots.next().key()).isEqualTo(key(1, "slot/000"));
        t1.put(key(2, "flag"), value("1"));
        t2.get(key(2, "flag"));
        t2.put(key(1, String.format("slot/%03d", insertedSlot)), value("taken"));
        t1.flush();
        RuntimeException second = catchFailure(() -> {
            t2.flush();
            t2.commit();
        });
        RuntimeException first = catchFailure(t1::commit);

        // t2 -> t1 through the flag; t1 -> t2 only if t2 wrote a slot t1 read.
        assertThat(first != null || second != null).as("a cycle aborts one").isEqualTo(conflicts);
    }

    @Test
    void readOnlyTransactionsNeverAbortEachOther() {
        db.write(key(1, "x"), "1");
        Transaction r1 = db.begin(IsolationLevel.SERIALIZABLE_SSI);
        Transaction r2 = db.begin(IsolationLevel.SERIALIZABLE_SSI);
        r1.get(key(1, "x"));
        r2.get(key(1, "x"));
        r1.commit();
        r2.commit();
        assertThat(db.manager.stats().ssiAborts()).isZero();
    }

    @Test
    void nonConcurrentReaderCreatesNoDependency() {
        db.write(key(1, "x"), "1");
        Transaction reader = db.begin(IsolationLevel.SERIALIZABLE_SSI);
        reader.get(key(1, "x"));
        reader.put(key(2, "y"), value("y"));
        reader.commit();
        Transaction writer = db.begin(IsolationLevel.SERIALIZABLE_SSI);
        writer.get(key(2, "y"));
        writer.put(key(1, "x"), value("2"));
        writer.commit();
        assertThat(db.manager.stats().ssiAborts()).isZero();
    }

    private static RuntimeException catchFailure(Runnable step) {
        try {
            step.run();
            return null;
        } catch (RuntimeException e) {
            return e;
        }
    }

    private static int count(Iterator<KeyValue> rows) {
        int n = 0;
        while (rows.hasNext()) {
            rows.next();
            n++;
        }
        return n;
    }
}

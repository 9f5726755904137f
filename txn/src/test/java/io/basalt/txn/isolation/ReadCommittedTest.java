package io.basalt.txn.isolation;

import static io.basalt.txn.TxnTestbed.key;
import static io.basalt.txn.TxnTestbed.text;
import static io.basalt.txn.TxnTestbed.value;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.basalt.txn.Async;
import io.basalt.txn.IsolationLevel;
import io.basalt.txn.StatementRetryException;
import io.basalt.txn.Transaction;
import io.basalt.txn.TxnTestbed;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ReadCommittedTest {
    private final TxnTestbed db = TxnTestbed.inMemory(4);

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void eachStatementSeesWhatCommittedBeforeIt() {
        db.write(key(1, "x"), "1");
        Transaction rc = db.begin(IsolationLevel.READ_COMMITTED);
        rc.beginStatement();
        assertThat(text(rc.get(key(1, "x")))).isEqualTo("1");
        db.write(key(1, "x"), "2");
        assertThat(text(rc.get(key(1, "x")))).as("same statement, same snapshot").isEqualTo("1");
        rc.beginStatement();
        assertThat(text(rc.get(key(1, "x")))).isEqualTo("2");
        rc.commit();
    }

    @Test
    void writeOverARowChangedSinceTheSnapshotRetriesTheStatementNotTheTransaction() {
        db.write(key(1, "counter"), "0");
        Transaction rc = db.begin(IsolationLevel.READ_COMMITTED);
        rc.beginStatement();
        rc.put(key(2, "other"), value("kept"));
        rc.flush();

        rc.beginStatement();
        String seen = text(rc.get(key(1, "counter")));
        db.write(key(1, "counter"), "10"); // someone commits meanwhile
        rc.put(key(1, "counter"), value(Integer.toString(Integer.parseInt(seen) + 1)));
        assertThatThrownBy(rc::flush).isInstanceOf(StatementRetryException.class);

        rc.rollbackStatement();
        rc.beginStatement();
        String fresh = text(rc.get(key(1, "counter")));
        rc.put(key(1, "counter"), value(Integer.toString(Integer.parseInt(fresh) + 1)));
        rc.commit();

        assertThat(db.read(key(1, "counter"))).isEqualTo("11");
        assertThat(db.read(key(2, "other"))).as("earlier statements survive a statement retry").isEqualTo("kept");
    }

    @Test
    void statementRollbackRestoresTheTransactionsEarlierWriteOfTheSameKey() {
        Transaction rc = db.begin(IsolationLevel.READ_COMMITTED);
        rc.beginStatement();
        rc.put(key(1, "k"), value("first"));
        rc.flush();
        rc.beginStatement();
        rc.put(key(1, "k"), value("second"));
        rc.put(key(3, "new"), value("new"));
        rc.flush();
        rc.rollbackStatement();

        assertThat(text(rc.get(key(1, "k")))).isEqualTo("first");
        assertThat(rc.get(key(3, "new"))).isNull();
        rc.commit();
        assertThat(db.read(key(1, "k"))).isEqualTo("first");
        assertThat(db.read(key(3, "new"))).isNull();
    }

    @Test
    void writerWaitsForAnotherWriterInsteadOfFailing() {
        db.write(key(1, "k"), "0");
        Transaction holder = db.begin(IsolationLevel.READ_COMMITTED);
        holder.beginStatement();
        holder.put(key(1, "k"), value("holder"));
        holder.flush();

        Transaction waiter = db.begin(IsolationLevel.READ_COMMITTED);
        waiter.beginStatement();
        waiter.put(key(1, "k"), value("waiter"));
        CompletableFuture<Void> blocked = Async.run(waiter::flush);
        Async.assertBlocked(blocked);
        holder.rollback();
        Async.result(blocked);
        waiter.commit();

        assertThat(db.read(key(1, "k"))).isEqualTo("waiter");
    }
}

package io.basalt.txn.coord;

import static io.basalt.txn.TxnTestbed.key;
import static io.basalt.txn.TxnTestbed.text;
import static io.basalt.txn.TxnTestbed.value;
import static org.assertj.core.api.Assertions.assertThat;

import io.basalt.txn.IsolationLevel;
import io.basalt.txn.Transaction;
import io.basalt.txn.TxnTestbed;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** {@code Transaction.getAll}: what {@code get} would return for each key, with one request per partition. */
class MultiGetTest {
    private final TxnTestbed db = TxnTestbed.inMemory(4);

    @AfterEach
    void close() {
        db.close();
    }

    @ParameterizedTest
    @EnumSource(IsolationLevel.class)
    void returnsEachKeysVisibleValueInOrder(IsolationLevel level) {
        db.write(key(0, "a"), "a0");
        db.write(key(1, "b"), "b0");
        db.write(key(2, "c"), "c0");
        Transaction txn = db.begin(level);
        txn.beginStatement();
        txn.put(key(1, "b"), value("mine"));
        txn.flush();
        db.write(key(2, "d"), "committed later");
        txn.beginStatement(); // a second statement: READ COMMITTED reads at a new snapshot

        List<byte[]> values = txn.getAll(List.of(key(2, "c"), key(0, "a"), key(1, "b"), key(3, "none"), key(2, "d")));

        String later = level == IsolationLevel.SNAPSHOT || level == IsolationLevel.SERIALIZABLE_SSI
                ? null : "committed later";
        assertThat(values.stream().map(v -> v == null ? null : text(v)).toList())
                .isEqualTo(Arrays.asList("c0", "a0", "mine", null, later));
        txn.rollback();
    }

    @Test
    void sendsOneRequestPerPartition() {
        for (int i = 0; i < 10; i++) {
            db.write(key(i % 2, "k" + i), "v" + i);
        }
        Transaction txn = db.begin(IsolationLevel.SNAPSHOT);
        long before = txn.requestCount();

        List<byte[]> values = txn.getAll(List.of(key(0, "k0"), key(1, "k1"), key(0, "k2"), key(1, "k3"), key(0, "k4")));

        assertThat(values).allSatisfy(v -> assertThat(v).isNotNull());
        assertThat(txn.requestCount() - before).isEqualTo(2);
        assertThat(txn.partitionsTouched().cardinality()).isEqualTo(2);
        txn.commit();
    }
}

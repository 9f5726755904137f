package io.basalt.sql.session;

import static io.basalt.sql.SqlTestbed.rows;
import static io.basalt.sql.SqlTestbed.update;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.basalt.common.error.BasaltException;
import io.basalt.common.error.SqlState;
import io.basalt.sql.SqlTestbed;
import org.junit.jupiter.api.Test;

/**
 * Every transaction a session begins ends, whatever fails: a transaction left registered would
 * hold back MVCC garbage collection and schema changes (which wait for older transactions) forever.
 */
class TransactionLifecycleTest {

    @Test
    void anImplicitQueryThatFailsInsideTheTransactionLayerEndsItsTransaction() {
        try (SqlTestbed db = new SqlTestbed(); SqlSession holder = db.session(); SqlSession other = db.session()) {
            update(holder, "CREATE TABLE t (id INT PRIMARY KEY, v INT)");
            update(holder, "INSERT INTO t VALUES (1, 10)");
            update(holder, "BEGIN");
            update(holder, "UPDATE t SET v = 11 WHERE id = 1");

            BasaltException busy = catchThrowableOfType(BasaltException.class,
                    () -> rows(other, "SELECT v FROM t WHERE id = 1 FOR UPDATE NOWAIT"));
            assertThat(busy.sqlState()).isEqualTo(SqlState.LOCK_NOT_AVAILABLE);
            update(holder, "COMMIT");

            assertThat(db.node.transactions().registry().activeCount()).as("transactions still registered").isZero();
            update(other, "CREATE INDEX t_v ON t (v)"); // would wait forever for a leaked transaction
            assertThat(rows(other, "SELECT id FROM t WHERE v = 11")).hasSize(1);
        }
    }
}

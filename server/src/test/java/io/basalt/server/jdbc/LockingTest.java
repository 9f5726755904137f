package io.basalt.server.jdbc;

import static io.basalt.server.jdbc.TestDatabase.execute;
import static io.basalt.server.jdbc.TestDatabase.rows;
import static io.basalt.server.jdbc.TestDatabase.row;
import static io.basalt.server.jdbc.TestDatabase.scalar;
import static io.basalt.server.jdbc.TestDatabase.sqlError;
import static io.basalt.server.jdbc.TestDatabase.update;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.SQLException;
import java.sql.SQLTransientException;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Row locks as an application sees them through JDBC: {@code SELECT ... FOR UPDATE / FOR SHARE}
 * at every level, {@code NOWAIT} and {@code lock_timeout} (55P03), two-phase locking chosen with
 * {@code SET serializable} or the URL, and what the metadata says about isolation.
 */
class LockingTest {
    private TestDatabase database;
    private Connection holder;
    private Connection waiter;
    private final ExecutorService background = Executors.newSingleThreadExecutor();

    @BeforeEach
    void createTable() throws SQLException {
        database = TestDatabase.inMemory();
        holder = database.connect();
        waiter = database.connect();
        execute(holder, "CREATE TABLE item (id INTEGER PRIMARY KEY, qty INTEGER NOT NULL)",
                "INSERT INTO item VALUES (1, 10), (2, 20), (3, 30)");
    }

    @AfterEach
    void closeDatabase() throws Exception {
        background.shutdownNow();
        assertThat(background.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
        database.close();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(ints = {Connection.TRANSACTION_READ_COMMITTED, Connection.TRANSACTION_REPEATABLE_READ,
            Connection.TRANSACTION_SERIALIZABLE})
    void selectForUpdateMakesAWriterWaitUntilCommitAndReturnsTheLatestRow(int level) throws Exception {
        holder.setTransactionIsolation(level);
        waiter.setTransactionIsolation(level);
        holder.setAutoCommit(false);
        assertThat(rows(holder, "SELECT id, qty FROM item WHERE id = 1 FOR UPDATE")).containsExactly(row(1, 10));

        Future<Integer> write = background.submit(() -> update(waiter, "UPDATE item SET qty = qty + 1 WHERE id = 1"));
        await().during(Duration.ofMillis(200)).atMost(Duration.ofSeconds(5)).until(() -> !write.isDone());
        update(holder, "UPDATE item SET qty = 100 WHERE id = 1");
        holder.commit();

        assertThat(write.get(10, TimeUnit.SECONDS)).isEqualTo(1);
        assertThat(scalar(holder, "SELECT qty FROM item WHERE id = 1")).as("the increment applied to the locked row's new value")
                .isEqualTo(101);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(ints = {Connection.TRANSACTION_READ_COMMITTED, Connection.TRANSACTION_REPEATABLE_READ,
            Connection.TRANSACTION_SERIALIZABLE})
    void forUpdateUnderALimitInKeyOrderLocksOnlyTheRowsItReturns(int level) throws SQLException {
        execute(holder, "CREATE TABLE queue (w INTEGER, id INTEGER, v INTEGER, PRIMARY KEY (w, id)) PARTITION BY HASH (w)",
                "INSERT INTO queue VALUES (1, 1, 0), (1, 2, 0), (1, 3, 0), (2, 1, 0)");
        holder.setTransactionIsolation(level);
        waiter.setTransactionIsolation(level);
        holder.setAutoCommit(false);
        waiter.setAutoCommit(false);
        assertThat(rows(holder, "SELECT id FROM queue WHERE w = 1 ORDER BY id FETCH FIRST 1 ROWS ONLY FOR UPDATE"))
                .containsExactly(row(1));

        assertThat(rows(waiter, "SELECT id FROM queue WHERE w = 1 AND id = 2 FOR UPDATE NOWAIT"))
                .as("the rows after the limit stay unlocked").containsExactly(row(2));
        sqlError(() -> rows(waiter, "SELECT id FROM queue WHERE w = 1 AND id = 1 FOR UPDATE NOWAIT"), "55P03",
                SQLTransientException.class);
        waiter.rollback();
        holder.commit();
    }

    @Test
    void nowaitFailsAtOnceWith55P03AndLeavesTheHolderAlone() throws SQLException {
        holder.setAutoCommit(false);
        rows(holder, "SELECT * FROM item WHERE id = 2 FOR UPDATE");
        waiter.setAutoCommit(false);

        long started = System.nanoTime();
        sqlError(() -> rows(waiter, "SELECT * FROM item WHERE id = 2 FOR UPDATE NOWAIT"), "55P03", SQLTransientException.class);
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(1));
        waiter.rollback();

        update(holder, "UPDATE item SET qty = 21 WHERE id = 2");
        holder.commit();
        assertThat(scalar(waiter, "SELECT qty FROM item WHERE id = 2")).isEqualTo(21);
    }

    @Test
    void lockTimeoutGivesUpWith55P03AfterWaitingThatLong() throws SQLException {
        holder.setAutoCommit(false);
        update(holder, "UPDATE item SET qty = 31 WHERE id = 3");
        execute(waiter, "SET lock_timeout = '300ms'");
        assertThat(scalar(waiter, "SHOW lock_timeout")).isEqualTo("300ms");

        long started = System.nanoTime();
        sqlError(() -> update(waiter, "UPDATE item SET qty = 32 WHERE id = 3"), "55P03", SQLTransientException.class);
        Duration waited = Duration.ofNanos(System.nanoTime() - started);
        assertThat(waited).isGreaterThanOrEqualTo(Duration.ofMillis(300)).isLessThan(Duration.ofSeconds(5));

        holder.commit();
        assertThat(scalar(waiter, "SELECT qty FROM item WHERE id = 3")).as("the holder's write survived").isEqualTo(31);
    }

    @Test
    void forShareLocksLetOtherSharersInButKeepWritersOut() throws Exception {
        holder.setAutoCommit(false);
        waiter.setAutoCommit(false);
        assertThat(rows(holder, "SELECT qty FROM item WHERE id = 1 FOR SHARE")).containsExactly(row(10));
        assertThat(rows(waiter, "SELECT qty FROM item WHERE id = 1 FOR SHARE")).as("a second sharer").containsExactly(row(10));
        waiter.commit();

        sqlError(() -> rows(waiter, "SELECT qty FROM item WHERE id = 1 FOR UPDATE NOWAIT"), "55P03", SQLTransientException.class);
        waiter.rollback();
        holder.commit();
        assertThat(rows(waiter, "SELECT qty FROM item WHERE id = 1 FOR UPDATE NOWAIT")).containsExactly(row(10));
        waiter.commit();
    }

    @Test
    void serializableWithTwoPhaseLockingBlocksAnInsertIntoAScannedRange() throws Exception {
        execute(holder, "SET serializable = '2pl'");
        assertThat(scalar(holder, "SHOW serializable")).isEqualTo("2pl");
        holder.setAutoCommit(false);
        assertThat(scalar(holder, "SELECT COUNT(*) FROM item")).isEqualTo(3L);

        Future<Integer> insert = background.submit(() -> update(waiter, "INSERT INTO item VALUES (4, 40)"));
        await().during(Duration.ofMillis(200)).atMost(Duration.ofSeconds(5)).until(() -> !insert.isDone());
        assertThat(scalar(holder, "SELECT COUNT(*) FROM item")).as("no phantom").isEqualTo(3L);
        holder.commit();

        assertThat(insert.get(10, TimeUnit.SECONDS)).isEqualTo(1);
        assertThat(scalar(holder, "SELECT COUNT(*) FROM item")).isEqualTo(4L);
    }

    @Test
    void theUrlPropertyChoosesTwoPhaseLocking() throws Exception {
        Properties properties = new Properties();
        properties.setProperty("serializable", "2pl");
        Connection locking = database.connect(properties);
        assertThat(scalar(locking, "SHOW serializable")).isEqualTo("2pl");
        locking.setAutoCommit(false);
        assertThat(scalar(locking, "SELECT qty FROM item WHERE id = 2")).isEqualTo(20);

        // Two-phase locking holds a shared lock on the row it read: a writer must wait.
        Future<Integer> write = background.submit(() -> update(waiter, "UPDATE item SET qty = 22 WHERE id = 2"));
        await().during(Duration.ofMillis(200)).atMost(Duration.ofSeconds(5)).until(() -> !write.isDone());
        locking.commit();
        assertThat(write.get(10, TimeUnit.SECONDS)).isEqualTo(1);
    }

    @Test
    void metadataAndNewConnectionsTellTheTruthAboutIsolation() throws SQLException {
        DatabaseMetaData metaData = holder.getMetaData();
        assertThat(metaData.getDefaultTransactionIsolation()).isEqualTo(Connection.TRANSACTION_SERIALIZABLE);
        assertThat(holder.getTransactionIsolation()).as("a new connection").isEqualTo(Connection.TRANSACTION_SERIALIZABLE);
        assertThat(scalar(holder, "SHOW TRANSACTION ISOLATION LEVEL")).isEqualTo("serializable");
        assertThat(metaData.supportsTransactions()).isTrue();
        for (int level : List.of(Connection.TRANSACTION_READ_COMMITTED, Connection.TRANSACTION_REPEATABLE_READ,
                Connection.TRANSACTION_SERIALIZABLE)) {
            assertThat(metaData.supportsTransactionIsolationLevel(level)).as("level %d", level).isTrue();
        }
        assertThat(metaData.supportsTransactionIsolationLevel(Connection.TRANSACTION_NONE)).isFalse();
        assertThat(metaData.supportsSelectForUpdate()).isTrue();
    }
}

package io.basalt.server.jdbc;

import static io.basalt.server.jdbc.TestDatabase.column;
import static io.basalt.server.jdbc.TestDatabase.execute;
import static io.basalt.server.jdbc.TestDatabase.rows;
import static io.basalt.server.jdbc.TestDatabase.scalar;
import static io.basalt.server.jdbc.TestDatabase.sqlError;
import static io.basalt.server.jdbc.TestDatabase.update;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.awaitility.Awaitility.await;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLIntegrityConstraintViolationException;
import java.sql.SQLTransactionRollbackException;
import java.time.Duration;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Transaction control through JDBC and SQL: auto-commit, commit and rollback, visibility between
 * connections, snapshot reads, first-updater-wins, failed transactions, isolation settings and
 * read-only connections.
 */
class TransactionsTest {
    private TestDatabase database;
    private Connection connection;
    private Connection other;
    private final ExecutorService background = Executors.newSingleThreadExecutor();

    @BeforeEach
    void createTable() throws SQLException {
        database = TestDatabase.inMemory();
        connection = database.connect();
        other = database.connect();
        execute(connection, "CREATE TABLE account (id INTEGER PRIMARY KEY, balance INTEGER NOT NULL)",
                "INSERT INTO account VALUES (1, 100), (2, 200), (3, 300)");
    }

    @AfterEach
    void closeDatabase() throws Exception {
        background.shutdownNow();
        assertThat(background.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
        database.close();
    }

    @Test
    void autoCommitIsOnByDefaultAndEachStatementIsVisibleAtOnce() throws SQLException {
        assertThat(connection.getAutoCommit()).isTrue();

        update(connection, "UPDATE account SET balance = 101 WHERE id = 1");

        assertThat(balance(other, 1)).isEqualTo(101);
    }

    @Test
    void commitMakesChangesVisibleToAnotherConnection() throws SQLException {
        connection.setAutoCommit(false);
        update(connection, "UPDATE account SET balance = 150 WHERE id = 1");
        update(connection, "INSERT INTO account VALUES (4, 400)");

        connection.commit();

        assertThat(balance(other, 1)).isEqualTo(150);
        assertThat(balance(other, 4)).isEqualTo(400);
    }

    @Test
    void rollbackDiscardsChanges() throws SQLException {
        connection.setAutoCommit(false);
        update(connection, "UPDATE account SET balance = 0");
        update(connection, "DELETE FROM account WHERE id = 2");
        update(connection, "INSERT INTO account VALUES (4, 400)");

        connection.rollback();

        assertThat(column(connection, "SELECT balance FROM account ORDER BY id")).containsExactly(100, 200, 300);
        assertThat(column(other, "SELECT balance FROM account ORDER BY id")).containsExactly(100, 200, 300);
    }

    @Test
    void uncommittedWritesAreInvisibleToOtherConnections() throws SQLException {
        connection.setAutoCommit(false);
        update(connection, "UPDATE account SET balance = 999 WHERE id = 1");
        update(connection, "DELETE FROM account WHERE id = 2");
        update(connection, "INSERT INTO account VALUES (4, 400)");

        assertThat(column(other, "SELECT balance FROM account ORDER BY id")).containsExactly(100, 200, 300);
        assertThat(rows(other, "SELECT * FROM account WHERE id = 4")).isEmpty();
        connection.commit();
    }

    @Test
    void transactionReadsItsOwnWrites() throws SQLException {
        connection.setAutoCommit(false);
        update(connection, "UPDATE account SET balance = balance + 1 WHERE id = 1");
        update(connection, "DELETE FROM account WHERE id = 2");
        update(connection, "INSERT INTO account VALUES (4, 400)");

        assertThat(column(connection, "SELECT balance FROM account ORDER BY id")).containsExactly(101, 300, 400);
        assertThat(balance(connection, 1)).isEqualTo(101);
        assertThat(rows(connection, "SELECT * FROM account WHERE id = 2")).isEmpty();
        update(connection, "UPDATE account SET balance = balance * 2 WHERE id = 4");
        assertThat(balance(connection, 4)).isEqualTo(800);
        connection.rollback();
    }

    @Test
    void beginAndCommitAsSqlText() throws SQLException {
        execute(connection, "BEGIN");
        update(connection, "UPDATE account SET balance = 1 WHERE id = 1");
        assertThat(balance(other, 1)).as("invisible before COMMIT").isEqualTo(100);

        execute(connection, "COMMIT");

        assertThat(balance(other, 1)).isEqualTo(1);
        assertThat(connection.getAutoCommit()).as("auto-commit resumes after COMMIT").isTrue();
        update(connection, "UPDATE account SET balance = 2 WHERE id = 1");
        assertThat(balance(other, 1)).isEqualTo(2);
    }

    @Test
    void startTransactionAndRollbackAsSqlText() throws SQLException {
        execute(connection, "START TRANSACTION");
        update(connection, "INSERT INTO account VALUES (4, 400)");
        update(connection, "UPDATE account SET balance = 0 WHERE id = 3");

        execute(connection, "ROLLBACK");

        assertThat(scalar(connection, "SELECT COUNT(*) FROM account")).isEqualTo(3L);
        assertThat(balance(connection, 3)).isEqualTo(300);
        update(connection, "INSERT INTO account VALUES (5, 500)");
        assertThat(balance(other, 5)).as("auto-commit resumes after ROLLBACK").isEqualTo(500);
    }

    @Test
    void transactionKeepsReadingItsSnapshotAfterAnotherConnectionCommits() throws SQLException {
        connection.setAutoCommit(false);
        assertThat(balance(connection, 1)).isEqualTo(100);

        update(other, "UPDATE account SET balance = 111 WHERE id = 1");
        update(other, "INSERT INTO account VALUES (4, 400)");
        update(other, "DELETE FROM account WHERE id = 3");

        assertThat(balance(connection, 1)).isEqualTo(100);
        assertThat(column(connection, "SELECT id FROM account ORDER BY id")).containsExactly(1, 2, 3);
        // SUM of an INTEGER column is BIGINT, as in PostgreSQL.
        assertThat(scalar(connection, "SELECT SUM(balance) FROM account")).isEqualTo(600L);
        connection.commit();
        assertThat(column(connection, "SELECT balance FROM account ORDER BY id")).containsExactly(111, 200, 400);
    }

    @Test
    void youngerWriterWaitsForAnOlderWritersRowAndFailsWith40001WhenItCommits() throws Exception {
        connection.setAutoCommit(false);
        other.setAutoCommit(false);
        update(connection, "UPDATE account SET balance = 1 WHERE id = 1");
        assertThat(balance(other, 2)).as("the younger transaction has read at its snapshot").isEqualTo(200);

        Future<Integer> youngerWrite = background.submit(() -> update(other, "UPDATE account SET balance = 2 WHERE id = 1"));
        await().during(Duration.ofMillis(200)).atMost(Duration.ofSeconds(5)).until(() -> !youngerWrite.isDone());
        connection.commit();

        ExecutionException failure = catchThrowableOfType(ExecutionException.class, () -> youngerWrite.get(10, TimeUnit.SECONDS));
        assertThat(((SQLException) failure.getCause()).getSQLState()).isEqualTo("40001");
        other.rollback();
        assertThat(balance(other, 1)).isEqualTo(1);
    }

    @Test
    void aFirstStatementThatWaitedForANewerRowRunsAgainAfterItInsteadOfFailing() throws Exception {
        connection.setAutoCommit(false);
        other.setAutoCommit(false);
        update(connection, "UPDATE account SET balance = balance + 1 WHERE id = 1");

        Future<Integer> firstStatement = background.submit(
                () -> update(other, "UPDATE account SET balance = balance + 10 WHERE id = 1"));
        await().during(Duration.ofMillis(200)).atMost(Duration.ofSeconds(5)).until(() -> !firstStatement.isDone());
        connection.commit();

        // Nothing the waiting transaction read had reached its client: it restarts at a newer snapshot.
        assertThat(firstStatement.get(10, TimeUnit.SECONDS)).isEqualTo(1);
        assertThat(balance(other, 1)).as("its snapshot now includes the other commit").isEqualTo(111);
        other.commit();
        assertThat(balance(connection, 1)).isEqualTo(111);
    }

    @Test
    void olderWriterWaitsForAYoungerWritersRowAndFailsWith40001WhenItCommits() throws Exception {
        connection.setAutoCommit(false);
        other.setAutoCommit(false);
        balance(connection, 1); // begins the older transaction
        update(other, "UPDATE account SET balance = 2 WHERE id = 1");

        Future<Integer> olderWrite = background.submit(() -> update(connection, "UPDATE account SET balance = 1 WHERE id = 1"));
        await().during(Duration.ofMillis(200)).atMost(Duration.ofSeconds(5)).until(() -> !olderWrite.isDone());
        other.commit();

        ExecutionException failure = catchThrowableOfType(ExecutionException.class, () -> olderWrite.get(10, TimeUnit.SECONDS));
        assertThat(failure.getCause()).isInstanceOf(SQLTransactionRollbackException.class);
        assertThat(((SQLException) failure.getCause()).getSQLState()).isEqualTo("40001");
        connection.rollback();
        assertThat(balance(connection, 1)).isEqualTo(2);
    }

    @Test
    void olderWriterWaitsForAYoungerWritersRowAndProceedsWhenItRollsBack() throws Exception {
        connection.setAutoCommit(false);
        other.setAutoCommit(false);
        balance(connection, 1); // begins the older transaction
        update(other, "UPDATE account SET balance = 2 WHERE id = 1");

        Future<Integer> olderWrite = background.submit(() -> update(connection, "UPDATE account SET balance = 1 WHERE id = 1"));
        await().during(Duration.ofMillis(200)).atMost(Duration.ofSeconds(5)).until(() -> !olderWrite.isDone());
        other.rollback();

        assertThat(olderWrite.get(10, TimeUnit.SECONDS)).isEqualTo(1);
        connection.commit();
        assertThat(balance(other, 1)).isEqualTo(1);
    }

    @Test
    void firstUpdaterWinsWhenBothTransactionsUpdateTheSameRow() throws SQLException {
        connection.setAutoCommit(false);
        other.setAutoCommit(false);
        assertThat(balance(connection, 2)).isEqualTo(200);
        assertThat(balance(other, 2)).isEqualTo(200);

        update(connection, "UPDATE account SET balance = balance + 10 WHERE id = 2");
        connection.commit();
        sqlError(() -> update(other, "UPDATE account SET balance = balance + 20 WHERE id = 2"),
                "40001", SQLTransactionRollbackException.class);

        other.rollback();
        assertThat(balance(other, 2)).as("the lost update was prevented").isEqualTo(210);
        update(other, "UPDATE account SET balance = balance + 20 WHERE id = 2");
        other.commit();
        assertThat(balance(connection, 2)).isEqualTo(230);
    }

    @Test
    void errorInAnExplicitTransactionRefusesStatementsWith25P02UntilRollback() throws SQLException {
        connection.setAutoCommit(false);
        update(connection, "UPDATE account SET balance = 0 WHERE id = 1");
        sqlError(() -> update(connection, "INSERT INTO account VALUES (2, 0)"),
                "23505", SQLIntegrityConstraintViolationException.class);

        sqlError(() -> balance(connection, 1), "25P02", SQLException.class);
        sqlError(() -> update(connection, "UPDATE account SET balance = 5 WHERE id = 3"), "25P02", SQLException.class);

        connection.rollback();
        assertThat(column(connection, "SELECT balance FROM account ORDER BY id")).containsExactly(100, 200, 300);
        update(connection, "UPDATE account SET balance = 7 WHERE id = 3");
        connection.commit();
        assertThat(balance(other, 3)).isEqualTo(7);
    }

    @Test
    void errorInABeginBlockRefusesStatementsUntilSqlRollback() throws SQLException {
        execute(connection, "BEGIN");
        update(connection, "INSERT INTO account VALUES (4, 400)");
        sqlError(() -> update(connection, "INSERT INTO account VALUES (4, 401)"),
                "23505", SQLIntegrityConstraintViolationException.class);
        sqlError(() -> scalar(connection, "SELECT COUNT(*) FROM account"), "25P02", SQLException.class);

        execute(connection, "ROLLBACK");

        assertThat(scalar(connection, "SELECT COUNT(*) FROM account")).isEqualTo(3L);
    }

    @Test
    void commitOfAFailedTransactionThrows25P02AndDiscardsItsChanges() throws SQLException {
        connection.setAutoCommit(false);
        update(connection, "INSERT INTO account VALUES (4, 400)");
        update(connection, "UPDATE account SET balance = 0 WHERE id = 1");
        sqlError(() -> update(connection, "INSERT INTO account VALUES (1, 1)"),
                "23505", SQLIntegrityConstraintViolationException.class);

        sqlError(connection::commit, "25P02", SQLException.class);

        assertThat(rows(other, "SELECT * FROM account WHERE id = 4")).isEmpty();
        assertThat(balance(other, 1)).isEqualTo(100);
        assertThat(balance(connection, 1)).as("the connection works again").isEqualTo(100);
        update(connection, "INSERT INTO account VALUES (5, 500)");
        connection.commit();
        assertThat(balance(other, 5)).isEqualTo(500);
    }

    @Test
    void sqlCommitOfAFailedTransactionThrows25P02() throws SQLException {
        execute(connection, "BEGIN");
        update(connection, "INSERT INTO account VALUES (4, 400)");
        sqlError(() -> update(connection, "INSERT INTO account VALUES (4, 401)"),
                "23505", SQLIntegrityConstraintViolationException.class);

        sqlError(() -> execute(connection, "COMMIT"), "25P02", SQLException.class);

        assertThat(rows(other, "SELECT * FROM account WHERE id = 4")).isEmpty();
        update(connection, "INSERT INTO account VALUES (4, 402)");
        assertThat(balance(other, 4)).isEqualTo(402);
    }

    @Test
    void transactionIsolationRoundTripsThroughJdbc() throws SQLException {
        for (int level : new int[] {Connection.TRANSACTION_READ_COMMITTED, Connection.TRANSACTION_REPEATABLE_READ,
                Connection.TRANSACTION_SERIALIZABLE}) {
            connection.setTransactionIsolation(level);

            assertThat(connection.getTransactionIsolation()).isEqualTo(level);
        }
        connection.setTransactionIsolation(Connection.TRANSACTION_READ_UNCOMMITTED);
        assertThat(connection.getTransactionIsolation()).as("upgraded as in PostgreSQL")
                .isEqualTo(Connection.TRANSACTION_READ_COMMITTED);
    }

    @Test
    void showTransactionIsolationLevelReportsTheJdbcSetting() throws SQLException {
        connection.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
        assertThat(scalar(connection, "SHOW TRANSACTION ISOLATION LEVEL")).isEqualTo("read committed");
        connection.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
        assertThat(scalar(connection, "SHOW TRANSACTION ISOLATION LEVEL")).isEqualTo("repeatable read");
        connection.setTransactionIsolation(Connection.TRANSACTION_SERIALIZABLE);
        assertThat(scalar(connection, "SHOW TRANSACTION ISOLATION LEVEL")).isEqualTo("serializable");
    }

    @Test
    void setSessionCharacteristicsChangesTheIsolationJdbcReports() throws SQLException {
        execute(connection, "SET SESSION CHARACTERISTICS AS TRANSACTION ISOLATION LEVEL READ COMMITTED");
        assertThat(connection.getTransactionIsolation()).isEqualTo(Connection.TRANSACTION_READ_COMMITTED);

        execute(connection, "SET SESSION CHARACTERISTICS AS TRANSACTION ISOLATION LEVEL SERIALIZABLE");
        assertThat(connection.getTransactionIsolation()).isEqualTo(Connection.TRANSACTION_SERIALIZABLE);
        assertThat(scalar(connection, "SHOW TRANSACTION ISOLATION LEVEL")).isEqualTo("serializable");
    }

    @Test
    void setTransactionIsolationLevelAppliesToTheOpenTransaction() throws SQLException {
        connection.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
        execute(connection, "BEGIN");

        execute(connection, "SET TRANSACTION ISOLATION LEVEL READ COMMITTED");

        assertThat(scalar(connection, "SHOW TRANSACTION ISOLATION LEVEL")).isEqualTo("read committed");
        assertThat(connection.getTransactionIsolation()).isEqualTo(Connection.TRANSACTION_READ_COMMITTED);
        balance(connection, 1);
        sqlError(() -> execute(connection, "SET TRANSACTION ISOLATION LEVEL SERIALIZABLE"), "25001", SQLException.class);
        execute(connection, "ROLLBACK");
    }

    @Test
    void isolationConnectionPropertySetsTheLevel() throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("isolation", "SERIALIZABLE");

        Connection serializable = database.connect(properties);

        assertThat(serializable.getTransactionIsolation()).isEqualTo(Connection.TRANSACTION_SERIALIZABLE);
        assertThat(scalar(serializable, "SHOW TRANSACTION ISOLATION LEVEL")).isEqualTo("serializable");
    }

    @Test
    void readOnlyConnectionRefusesWritesWith25006() throws SQLException {
        connection.setReadOnly(true);
        assertThat(connection.isReadOnly()).isTrue();

        sqlError(() -> update(connection, "INSERT INTO account VALUES (4, 400)"), "25006", SQLException.class);
        sqlError(() -> update(connection, "UPDATE account SET balance = 0"), "25006", SQLException.class);
        sqlError(() -> update(connection, "DELETE FROM account"), "25006", SQLException.class);
        sqlError(() -> execute(connection, "CREATE TABLE forbidden (id INTEGER PRIMARY KEY)"), "25006", SQLException.class);
        assertThat(column(connection, "SELECT balance FROM account ORDER BY id")).containsExactly(100, 200, 300);

        connection.setReadOnly(false);
        assertThat(update(connection, "UPDATE account SET balance = 0 WHERE id = 1")).isEqualTo(1);
    }

    @Test
    void beginReadOnlyAppliesOnlyToThatTransaction() throws SQLException {
        execute(connection, "BEGIN READ ONLY");
        sqlError(() -> update(connection, "INSERT INTO account VALUES (4, 400)"), "25006", SQLException.class);
        execute(connection, "ROLLBACK");

        assertThat(connection.isReadOnly()).isFalse();
        assertThat(update(connection, "INSERT INTO account VALUES (4, 400)")).isEqualTo(1);
    }

    @Test
    void ddlIsRefusedWith25001InsideATransactionBlock() throws SQLException {
        connection.setAutoCommit(false);
        sqlError(() -> execute(connection, "CREATE TABLE too_late (id INTEGER PRIMARY KEY)"), "25001", SQLException.class);
        connection.rollback();
        connection.setAutoCommit(true);
        execute(connection, "BEGIN");
        sqlError(() -> execute(connection, "CREATE TABLE too_late (id INTEGER PRIMARY KEY)"), "25001", SQLException.class);
        execute(connection, "ROLLBACK");

        // Nothing was created behind the blocks' backs; in autocommit mode DDL runs.
        sqlError(() -> rows(connection, "SELECT * FROM too_late"), "42P01", SQLException.class);
        execute(connection, "CREATE TABLE too_late (id INTEGER PRIMARY KEY)");
        assertThat(rows(connection, "SELECT * FROM too_late")).isEmpty();
    }

    @Test
    void switchingAutoCommitOnCommitsTheOpenTransaction() throws SQLException {
        connection.setAutoCommit(false);
        update(connection, "UPDATE account SET balance = 5 WHERE id = 1");

        connection.setAutoCommit(true);

        assertThat(balance(other, 1)).isEqualTo(5);
    }

    @Test
    void closingAConnectionRollsBackItsOpenTransaction() throws SQLException {
        connection.setAutoCommit(false);
        update(connection, "UPDATE account SET balance = 5 WHERE id = 1");
        update(connection, "INSERT INTO account VALUES (4, 400)");

        connection.close();

        assertThat(balance(other, 1)).isEqualTo(100);
        assertThat(rows(other, "SELECT * FROM account WHERE id = 4")).isEmpty();
        update(other, "UPDATE account SET balance = 6 WHERE id = 1");
        assertThat(balance(other, 1)).as("the row is not left locked").isEqualTo(6);
    }

    private static int balance(Connection connection, int id) throws SQLException {
        return (Integer) scalar(connection, "SELECT balance FROM account WHERE id = ?", id);
    }
}

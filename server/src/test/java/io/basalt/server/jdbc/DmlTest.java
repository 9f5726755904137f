package io.basalt.server.jdbc;

import static io.basalt.server.jdbc.TestDatabase.column;
import static io.basalt.server.jdbc.TestDatabase.execute;
import static io.basalt.server.jdbc.TestDatabase.row;
import static io.basalt.server.jdbc.TestDatabase.rows;
import static io.basalt.server.jdbc.TestDatabase.scalar;
import static io.basalt.server.jdbc.TestDatabase.sqlError;
import static io.basalt.server.jdbc.TestDatabase.update;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.sql.BatchUpdateException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.SQLIntegrityConstraintViolationException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** INSERT, UPDATE and DELETE, their update counts, and JDBC batches. */
class DmlTest {
    private TestDatabase database;
    private Connection connection;

    @BeforeEach
    void createTables() throws SQLException {
        database = TestDatabase.inMemory();
        connection = database.connect();
        execute(connection,
                "CREATE TABLE item (id INTEGER PRIMARY KEY, name VARCHAR(20), qty INTEGER DEFAULT 1, price DECIMAL(8, 2))",
                "CREATE TABLE line (order_id INTEGER, line_no INTEGER, qty INTEGER NOT NULL, PRIMARY KEY (order_id, line_no))");
    }

    @AfterEach
    void closeDatabase() throws SQLException {
        database.close();
    }

    @Test
    void insertWithAColumnListInAnyOrder() throws SQLException {
        assertThat(update(connection, "INSERT INTO item (price, id, name, qty) VALUES (2.50, 1, 'apple', 3)")).isEqualTo(1);

        assertThat(rows(connection, "SELECT id, name, qty, price FROM item"))
                .containsExactly(row(1, "apple", 3, new BigDecimal("2.50")));
    }

    @Test
    void insertWithoutAColumnListFillsColumnsInTableOrder() throws SQLException {
        assertThat(update(connection, "INSERT INTO item VALUES (1, 'pear', 4, 0.99)")).isEqualTo(1);

        assertThat(rows(connection, "SELECT id, name, qty, price FROM item"))
                .containsExactly(row(1, "pear", 4, new BigDecimal("0.99")));
    }

    @Test
    void multiRowValuesInsertsEveryRowAndCountsThem() throws SQLException {
        int count = update(connection, "INSERT INTO item (id, name) VALUES (1, 'a'), (2, 'b'), (3, 'c'), (4, 'd')");

        assertThat(count).isEqualTo(4);
        assertThat(column(connection, "SELECT name FROM item ORDER BY id")).containsExactly("a", "b", "c", "d");
    }

    @Test
    void insertFillsOmittedColumnsWithDefaultsAndNulls() throws SQLException {
        update(connection, "INSERT INTO item (id) VALUES (1)");
        update(connection, "INSERT INTO item (id, name, qty) VALUES (2, 'explicit default', DEFAULT)");
        update(connection, "INSERT INTO item (id, qty) VALUES (3, NULL)");

        assertThat(rows(connection, "SELECT id, name, qty, price FROM item ORDER BY id")).containsExactly(
                row(1, null, 1, null), row(2, "explicit default", 1, null), row(3, null, null, null));
    }

    @Test
    void insertSelectCopiesTransformedRows() throws SQLException {
        update(connection, "INSERT INTO item (id, name, qty) VALUES (1, 'a', 10), (2, 'b', 20), (3, 'c', 30)");

        int copied = update(connection, "INSERT INTO line (order_id, line_no, qty) SELECT 100, id, qty * 2 FROM item WHERE qty >= 20");

        assertThat(copied).isEqualTo(2);
        assertThat(rows(connection, "SELECT order_id, line_no, qty FROM line ORDER BY line_no"))
                .containsExactly(row(100, 2, 40), row(100, 3, 60));
    }

    @Test
    void insertSelectFromTheSameTableDoesNotSeeItsOwnRows() throws SQLException {
        update(connection, "INSERT INTO item (id, name) VALUES (1, 'a'), (2, 'b')");

        assertThat(update(connection, "INSERT INTO item (id, name) SELECT id + 10, name FROM item")).isEqualTo(2);

        assertThat(column(connection, "SELECT id FROM item ORDER BY id")).containsExactly(1, 2, 11, 12);
    }

    @Test
    void updateWithAParameterisedExpression() throws SQLException {
        update(connection, "INSERT INTO item (id, qty, price) VALUES (1, 10, 1.00), (2, 20, 2.00), (3, 30, 3.00)");

        int updated = update(connection, "UPDATE item SET qty = qty + ?, price = price * ? WHERE id <> ?", 5, new BigDecimal("1.5"), 2);

        assertThat(updated).isEqualTo(2);
        assertThat(rows(connection, "SELECT id, qty, price FROM item ORDER BY id")).containsExactly(
                row(1, 15, new BigDecimal("1.50")), row(2, 20, new BigDecimal("2.00")),
                row(3, 35, new BigDecimal("4.50")));
    }

    @Test
    void updateAndDeleteOverAKeyRangeTouchExactlyTheRowsInRange() throws SQLException {
        insertItems(1, 100);

        assertThat(update(connection, "UPDATE item SET qty = 0 WHERE id BETWEEN 10 AND 19")).isEqualTo(10);
        assertThat(update(connection, "UPDATE item SET qty = -1 WHERE id > 90")).isEqualTo(10);
        assertThat(update(connection, "DELETE FROM item WHERE id >= 40 AND id < 60")).isEqualTo(20);
        assertThat(update(connection, "DELETE FROM item WHERE id < 5 OR name = 'item-77'")).isEqualTo(5);

        assertThat(scalar(connection, "SELECT COUNT(*) FROM item")).isEqualTo(75L);
        assertThat(column(connection, "SELECT id FROM item WHERE qty = 0 ORDER BY id"))
                .containsExactlyElementsOf(IntStream.rangeClosed(10, 19).boxed().collect(Collectors.toList()));
        assertThat(column(connection, "SELECT id FROM item WHERE qty = -1 ORDER BY id"))
                .containsExactlyElementsOf(IntStream.rangeClosed(91, 100).boxed().collect(Collectors.toList()));
        assertThat(column(connection, "SELECT id FROM item WHERE id BETWEEN 38 AND 62 ORDER BY id"))
                .containsExactly(38, 39, 60, 61, 62);
    }

    @Test
    void updateAndDeleteOverACompositeKeyPrefix() throws SQLException {
        update(connection, "INSERT INTO line VALUES (1, 1, 5), (1, 2, 6), (1, 3, 7), (2, 1, 8), (3, 1, 9)");

        assertThat(update(connection, "UPDATE line SET qty = qty * 10 WHERE order_id = 1 AND line_no >= 2")).isEqualTo(2);
        assertThat(update(connection, "DELETE FROM line WHERE order_id = 2")).isEqualTo(1);

        assertThat(rows(connection, "SELECT order_id, line_no, qty FROM line ORDER BY order_id, line_no")).containsExactly(
                row(1, 1, 5), row(1, 2, 60), row(1, 3, 70), row(3, 1, 9));
    }

    @Test
    void updateThatMatchesNothingCountsZero() throws SQLException {
        insertItems(1, 3);

        assertThat(update(connection, "UPDATE item SET qty = 0 WHERE id = 99")).isZero();
        assertThat(update(connection, "DELETE FROM item WHERE name = 'nobody'")).isZero();
        assertThat(scalar(connection, "SELECT COUNT(*) FROM item")).isEqualTo(3L);
    }

    @Test
    void updateThatChangesThePrimaryKeyMovesTheRow() throws SQLException {
        update(connection, "INSERT INTO item (id, name, qty) VALUES (1, 'a', 10), (2, 'b', 20)");

        assertThat(update(connection, "UPDATE item SET id = 100 WHERE id = 1")).isEqualTo(1);

        assertThat(rows(connection, "SELECT id, name, qty FROM item ORDER BY id")).containsExactly(
                row(2, "b", 20), row(100, "a", 10));
        assertThat(rows(connection, "SELECT name FROM item WHERE id = 1")).isEmpty();
        assertThat(column(connection, "SELECT name FROM item WHERE id = 100")).containsExactly("a");
    }

    @Test
    void shiftingEveryKeyByOneOverConsecutiveIdsKeepsEveryRow() throws SQLException {
        insertItems(1, 50);

        assertThat(update(connection, "UPDATE item SET id = id + 1")).isEqualTo(50);

        assertThat(rows(connection, "SELECT id, name FROM item ORDER BY id")).containsExactlyElementsOf(
                IntStream.rangeClosed(1, 50).mapToObj(i -> row(i + 1, "item-" + i)).collect(Collectors.toList()));
        assertThat(update(connection, "DELETE FROM item WHERE id = 25")).isEqualTo(1);
        assertThat(update(connection, "UPDATE item SET id = id - 1 WHERE id > 25")).isEqualTo(26);
        assertThat(column(connection, "SELECT id FROM item ORDER BY id")).containsExactlyElementsOf(
                IntStream.rangeClosed(2, 50).boxed().collect(Collectors.toList()));
        assertThat(column(connection, "SELECT name FROM item WHERE id = 25")).containsExactly("item-25");
    }

    @Test
    void movingAKeyOntoAnExistingOneFailsAndChangesNothing() throws SQLException {
        insertItems(1, 3);

        sqlError(() -> update(connection, "UPDATE item SET id = 3 WHERE id = 1"),
                "23505", SQLIntegrityConstraintViolationException.class);

        assertThat(rows(connection, "SELECT id, name FROM item ORDER BY id")).containsExactly(
                row(1, "item-1"), row(2, "item-2"), row(3, "item-3"));
    }

    @Test
    void updateOfACompositeKeyColumnMovesTheRow() throws SQLException {
        update(connection, "INSERT INTO line VALUES (1, 1, 5), (1, 2, 6)");

        assertThat(update(connection, "UPDATE line SET line_no = line_no + 1 WHERE order_id = 1")).isEqualTo(2);

        assertThat(rows(connection, "SELECT order_id, line_no, qty FROM line ORDER BY line_no"))
                .containsExactly(row(1, 2, 5), row(1, 3, 6));
    }

    @Test
    void deleteWithoutWhereRemovesEveryRowAndCountsThem() throws SQLException {
        insertItems(1, 37);

        assertThat(update(connection, "DELETE FROM item")).isEqualTo(37);

        assertThat(scalar(connection, "SELECT COUNT(*) FROM item")).isEqualTo(0L);
        assertThat(update(connection, "DELETE FROM item")).isZero();
    }

    @Test
    void preparedStatementBatchReturnsTheCountOfEachParameterSet() throws SQLException {
        insertItems(1, 10);
        try (PreparedStatement updateQty = connection.prepareStatement("UPDATE item SET qty = ? WHERE id >= ? AND id <= ?")) {
            addUpdate(updateQty, 7, 1, 3);
            addUpdate(updateQty, 8, 50, 60);
            addUpdate(updateQty, 9, 10, 10);
            addUpdate(updateQty, 6, 4, 9);

            assertThat(updateQty.executeBatch()).containsExactly(3, 0, 1, 6);
        }

        assertThat(column(connection, "SELECT qty FROM item ORDER BY id")).containsExactly(7, 7, 7, 6, 6, 6, 6, 6, 6, 9);
    }

    @Test
    void preparedStatementBatchOfInsertsCountsOneEach() throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO item (id, name) VALUES (?, ?)")) {
            for (int i = 1; i <= 5; i++) {
                insert.setInt(1, i);
                insert.setString(2, "batch-" + i);
                insert.addBatch();
            }

            assertThat(insert.executeBatch()).containsExactly(1, 1, 1, 1, 1);
            assertThat(insert.executeBatch()).as("the batch is emptied after it runs").isEmpty();
        }
        assertThat(scalar(connection, "SELECT COUNT(*) FROM item")).isEqualTo(5L);
    }

    @Test
    void statementBatchReturnsTheCountOfEachStatement() throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.addBatch("INSERT INTO item (id, name) VALUES (1, 'a'), (2, 'b'), (3, 'c')");
            statement.addBatch("UPDATE item SET qty = 5 WHERE id >= 2");
            statement.addBatch("DELETE FROM item WHERE id = 42");
            statement.addBatch("DELETE FROM item WHERE id = 1");
            statement.addBatch("INSERT INTO line VALUES (1, 1, 1)");

            assertThat(statement.executeBatch()).containsExactly(3, 2, 0, 1, 1);
        }
        assertThat(rows(connection, "SELECT id, qty FROM item ORDER BY id")).containsExactly(row(2, 5), row(3, 5));
    }

    @Test
    void failingPreparedStatementBatchInAutoCommitLeavesNothingOfTheBatch() throws SQLException {
        update(connection, "INSERT INTO item (id, name) VALUES (3, 'existing')");
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO item (id, name) VALUES (?, ?)")) {
            for (int id : new int[] {1, 2, 3, 4}) {
                insert.setInt(1, id);
                insert.setString(2, "batch");
                insert.addBatch();
            }

            BatchUpdateException error = sqlError(insert::executeBatch, "23505", BatchUpdateException.class);
            assertThat(error.getCause()).isInstanceOf(SQLIntegrityConstraintViolationException.class);
        }

        assertThat(rows(connection, "SELECT id, name FROM item ORDER BY id")).containsExactly(row(3, "existing"));
    }

    @Test
    void failingStatementBatchInAutoCommitLeavesNothingOfTheBatch() throws SQLException {
        update(connection, "INSERT INTO item (id, name) VALUES (3, 'existing')");
        try (Statement statement = connection.createStatement()) {
            statement.addBatch("INSERT INTO item (id, name) VALUES (1, 'batch')");
            statement.addBatch("UPDATE item SET name = 'changed' WHERE id = 3");
            statement.addBatch("INSERT INTO item (id, name) VALUES (3, 'duplicate')");
            statement.addBatch("INSERT INTO item (id, name) VALUES (4, 'batch')");

            sqlError(statement::executeBatch, "23505", BatchUpdateException.class);
        }

        assertThat(rows(connection, "SELECT id, name FROM item ORDER BY id")).containsExactly(row(3, "existing"));
    }

    @Test
    void batchInsideAnExplicitTransactionCommitsWithIt() throws SQLException {
        connection.setAutoCommit(false);
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO line VALUES (?, ?, ?)")) {
            for (int i = 1; i <= 3; i++) {
                insert.setInt(1, 7);
                insert.setInt(2, i);
                insert.setInt(3, i * i);
                insert.addBatch();
            }
            assertThat(insert.executeBatch()).containsExactly(1, 1, 1);
        }
        Connection other = database.connect();
        assertThat(scalar(other, "SELECT COUNT(*) FROM line")).as("not visible before commit").isEqualTo(0L);

        connection.commit();

        assertThat(column(other, "SELECT qty FROM line WHERE order_id = 7 ORDER BY line_no")).containsExactly(1, 4, 9);
    }

    @Test
    void largeInsertBatchIsAllThere() throws SQLException {
        List<Integer> ids = new ArrayList<>();
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO item (id, name, qty) VALUES (?, ?, ?)")) {
            for (int i = 1; i <= 1_000; i++) {
                insert.setInt(1, i);
                insert.setString(2, "n" + i);
                insert.setInt(3, i % 7);
                insert.addBatch();
                ids.add(i);
            }
            int[] counts = insert.executeBatch();
            assertThat(counts).hasSize(1_000).containsOnly(1);
        }

        assertThat(column(connection, "SELECT id FROM item ORDER BY id")).containsExactlyElementsOf(ids);
        assertThat(scalar(connection, "SELECT SUM(qty) FROM item")).isEqualTo(ids.stream().mapToLong(i -> i % 7).sum());
    }

    private void insertItems(int from, int to) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO item (id, name) VALUES (?, ?)")) {
            for (int i = from; i <= to; i++) {
                insert.setInt(1, i);
                insert.setString(2, "item-" + i);
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    private static void addUpdate(PreparedStatement statement, int qty, int from, int to) throws SQLException {
        statement.setInt(1, qty);
        statement.setInt(2, from);
        statement.setInt(3, to);
        statement.addBatch();
    }
}

package io.basalt.server.jdbc;

import static io.basalt.server.jdbc.TestDatabase.column;
import static io.basalt.server.jdbc.TestDatabase.execute;
import static io.basalt.server.jdbc.TestDatabase.row;
import static io.basalt.server.jdbc.TestDatabase.rows;
import static io.basalt.server.jdbc.TestDatabase.scalar;
import static io.basalt.server.jdbc.TestDatabase.sqlError;
import static io.basalt.server.jdbc.TestDatabase.update;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLIntegrityConstraintViolationException;
import java.sql.SQLSyntaxErrorException;
import java.sql.Timestamp;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * ALTER TABLE ADD COLUMN with a DEFAULT on a populated table (PostgreSQL 11's fast default): rows
 * from before the column read the DEFAULT as it was evaluated by the ALTER, later rows follow the
 * usual rules, and indexes, constraints, the system catalog and a reopened file database agree.
 */
class AlterTableAddColumnTest {
    private TestDatabase database;
    private Connection connection;

    @TempDir
    Path directory;

    @BeforeEach
    void populate() throws SQLException {
        database = TestDatabase.inMemory();
        connection = database.connect();
        execute(connection, "CREATE TABLE t (id INT PRIMARY KEY, v VARCHAR(10))");
        update(connection, "INSERT INTO t VALUES (1, 'a'), (2, 'b'), (3, NULL)");
    }

    @AfterEach
    void close() throws SQLException {
        database.close();
    }

    @Test
    void existingRowsReadTheDefaultAndLaterRowsFollowTheUsualRules() throws SQLException {
        execute(connection, "ALTER TABLE t ADD COLUMN d INT DEFAULT 7 NOT NULL",
                "ALTER TABLE t ADD COLUMN e VARCHAR(5) DEFAULT 'x'");
        update(connection, "INSERT INTO t (id) VALUES (4)");
        update(connection, "INSERT INTO t VALUES (5, 'e', 8, NULL)");
        update(connection, "UPDATE t SET e = NULL WHERE id = 1"); // an explicit NULL is not "from before"
        update(connection, "UPDATE t SET d = 9 WHERE id = 2");

        assertThat(rows(connection, "SELECT id, d, e FROM t ORDER BY id")).containsExactly(
                row(1, 7, null), row(2, 9, "x"), row(3, 7, "x"), row(4, 7, "x"), row(5, 8, null));
        assertThat(column(connection, "SELECT id FROM t WHERE e IS NULL ORDER BY id")).containsExactly(1, 5);
        sqlError(() -> update(connection, "INSERT INTO t (id, d) VALUES (6, NULL)"), "23502",
                SQLIntegrityConstraintViolationException.class);
    }

    @Test
    void changingTheDefaultLaterLeavesOldRowsAlone() throws SQLException {
        execute(connection, "ALTER TABLE t ADD d INT DEFAULT 7", "ALTER TABLE t ALTER COLUMN d SET DEFAULT 8");
        update(connection, "INSERT INTO t (id) VALUES (4)");
        execute(connection, "ALTER TABLE t ALTER d DROP DEFAULT");
        update(connection, "INSERT INTO t (id) VALUES (5)");

        assertThat(column(connection, "SELECT d FROM t ORDER BY id")).containsExactly(7, 7, 7, 8, null);
        assertThat(scalar(connection, "SELECT COLUMN_DEFAULT FROM BASALT_CATALOG.COLUMNS WHERE TABLE_NAME = 'T'"
                + " AND COLUMN_NAME = 'D'")).isNull();
    }

    @Test
    void aTimestampDefaultIsFrozenWhenTheColumnIsAdded() throws SQLException {
        execute(connection, "ALTER TABLE t ADD COLUMN created TIMESTAMP DEFAULT CURRENT_TIMESTAMP");
        update(connection, "INSERT INTO t (id) VALUES (4)");

        Object first = scalar(connection, "SELECT created FROM t WHERE id = 1");
        assertThat(first).isInstanceOf(Timestamp.class);
        assertThat(column(connection, "SELECT created FROM t WHERE id <= 3")).containsOnly(first);
        assertThat((Timestamp) scalar(connection, "SELECT created FROM t WHERE id = 4"))
                .isAfterOrEqualTo((Timestamp) first);
        assertThat(scalar(connection, "SELECT created FROM t WHERE id = 1")).isEqualTo(first);
    }

    @Test
    void notNullWithoutDefaultNeedsAnEmptyTable() throws SQLException {
        sqlError(() -> execute(connection, "ALTER TABLE t ADD COLUMN n INT NOT NULL"), "23502",
                SQLIntegrityConstraintViolationException.class);
        sqlError(() -> rows(connection, "SELECT n FROM t"), "42703", SQLSyntaxErrorException.class);

        execute(connection, "CREATE TABLE vacant (id INT PRIMARY KEY)", "ALTER TABLE vacant ADD COLUMN n INT NOT NULL");
        sqlError(() -> update(connection, "INSERT INTO vacant (id) VALUES (1)"), "23502",
                SQLIntegrityConstraintViolationException.class);
        update(connection, "INSERT INTO vacant VALUES (1, 10)");
        assertThat(rows(connection, "SELECT * FROM vacant")).containsExactly(row(1, 10));
    }

    @Test
    void volatileDefaultsIdentityAndInlineKeysAreRefused() throws SQLException {
        sqlError(() -> execute(connection, "ALTER TABLE t ADD COLUMN r DOUBLE DEFAULT RAND()"), "0A000",
                SQLException.class);
        sqlError(() -> execute(connection, "ALTER TABLE t ADD COLUMN s SERIAL"), "0A000", SQLException.class);
        sqlError(() -> execute(connection, "ALTER TABLE t ADD COLUMN u INT UNIQUE"), "0A000", SQLException.class);
        sqlError(() -> execute(connection, "ALTER TABLE t ADD COLUMN w INT DEFAULT 'nope'"), "22P02",
                SQLException.class);
        assertThat(rows(connection, "SELECT * FROM t WHERE id = 1")).containsExactly(row(1, "a"));
    }

    @Test
    void anInlineCheckIsValidatedAgainstTheDefault() throws SQLException {
        execute(connection, "ALTER TABLE t ADD COLUMN q INT DEFAULT 5 CHECK (q > 0)");
        sqlError(() -> update(connection, "UPDATE t SET q = -1 WHERE id = 1"), "23514",
                SQLIntegrityConstraintViolationException.class);

        sqlError(() -> execute(connection, "ALTER TABLE t ADD COLUMN r INT DEFAULT -1 CHECK (r > 0)"), "23514",
                SQLIntegrityConstraintViolationException.class);
        sqlError(() -> rows(connection, "SELECT r FROM t"), "42703", SQLSyntaxErrorException.class);
    }

    @Test
    void indexesBuiltLaterSeeTheMissingValue() throws SQLException {
        execute(connection, "ALTER TABLE t ADD COLUMN d INT DEFAULT 7", "CREATE INDEX t_d ON t (d)");
        update(connection, "INSERT INTO t VALUES (4, 'd', 8)");

        assertThat(column(connection, "SELECT id FROM t WHERE d = 7 ORDER BY id")).containsExactly(1, 2, 3);
        assertThat(column(connection, "EXPLAIN SELECT id FROM t WHERE d = 7").toString()).contains("T_D");
        // Every old row holds the same value: a unique index on it cannot be built.
        sqlError(() -> execute(connection, "CREATE UNIQUE INDEX t_d_key ON t (d)"), "23505",
                SQLIntegrityConstraintViolationException.class);
    }

    @Test
    void foreignKeysOfTheTableKeepWorkingAfterAColumnIsAdded() throws SQLException {
        execute(connection, "CREATE TABLE child (id INT PRIMARY KEY, tid INT REFERENCES t)");
        update(connection, "INSERT INTO child VALUES (1, 1)");
        execute(connection, "ALTER TABLE t ADD COLUMN d INT DEFAULT 7", "ALTER TABLE child ADD COLUMN k INT DEFAULT 0");

        update(connection, "INSERT INTO child VALUES (2, 2, 1)");
        sqlError(() -> update(connection, "INSERT INTO child VALUES (3, 99, 1)"), "23503",
                SQLIntegrityConstraintViolationException.class);
        sqlError(() -> update(connection, "DELETE FROM t WHERE id = 1"), "23503",
                SQLIntegrityConstraintViolationException.class);
        assertThat(rows(connection, "SELECT id, tid, k FROM child ORDER BY id")).containsExactly(row(1, 1, 0),
                row(2, 2, 1));
    }

    @Test
    void theSystemCatalogShowsTheNewColumn() throws SQLException {
        execute(connection, "ALTER TABLE t ADD COLUMN d DECIMAL(5, 2) DEFAULT 1.5 NOT NULL");

        assertThat(rows(connection, "SELECT ORDINAL_POSITION, IS_NULLABLE, COLUMN_DEFAULT FROM BASALT_CATALOG.COLUMNS"
                + " WHERE TABLE_NAME = 'T' AND COLUMN_NAME = 'D'")).containsExactly(row(3, false, "1.5"));
        assertThat(scalar(connection, "SELECT d FROM t WHERE id = 1").toString()).isEqualTo("1.50");
    }

    @Test
    void theMissingValueSurvivesAReopen() throws SQLException {
        String url = "jdbc:basalt:file:" + directory.toAbsolutePath();
        try (TestDatabase file = TestDatabase.at(url)) {
            Connection c = file.connect();
            execute(c, "CREATE TABLE t (id INT PRIMARY KEY)");
            update(c, "INSERT INTO t VALUES (1), (2)");
            execute(c, "ALTER TABLE t ADD COLUMN d VARCHAR(5) DEFAULT 'old'", "ALTER TABLE t ALTER d SET DEFAULT 'new'");
            update(c, "UPDATE t SET d = NULL WHERE id = 2");
        }
        try (TestDatabase file = TestDatabase.at(url)) {
            Connection c = file.connect();
            update(c, "INSERT INTO t (id) VALUES (3)");
            assertThat(rows(c, "SELECT id, d FROM t ORDER BY id")).containsExactly(row(1, "old"), row(2, null),
                    row(3, "new"));
        }
    }

    /**
     * A transaction that wrote under the old definition is waited for, and its row, which lacks the
     * column, reads the missing value: as if it had committed before the ALTER.
     */
    @Test
    void aTransactionOlderThanTheAlterIsWaitedForAndItsRowsReadTheDefault() throws Exception {
        Connection older = database.connect();
        older.setAutoCommit(false);
        update(older, "INSERT INTO t VALUES (10, 'old')");

        Connection ddl = database.connect();
        CompletableFuture<Void> alter = CompletableFuture.runAsync(() -> {
            try {
                execute(ddl, "ALTER TABLE t ADD COLUMN d INT DEFAULT 7");
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        });
        awaitColumn("T", "D");
        assertThat(alter).isNotDone(); // it waits for the older transaction
        update(older, "INSERT INTO t VALUES (11, 'new', 1)"); // a statement that starts now sees the column
        older.commit();
        alter.get(30, TimeUnit.SECONDS);

        assertThat(rows(connection, "SELECT id, d FROM t WHERE id >= 10 ORDER BY id")).containsExactly(row(10, 7),
                row(11, 1));
    }

    private void awaitColumn(String table, String column) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (scalar(connection, "SELECT COUNT(*) FROM BASALT_CATALOG.COLUMNS WHERE TABLE_NAME = ? AND COLUMN_NAME = ?",
                table, column).equals(0L)) {
            assertThat(System.nanoTime()).as("column %s.%s published", table, column).isLessThan(deadline);
            Thread.onSpinWait();
        }
    }
}

package io.basalt.server.jdbc;

import static io.basalt.server.jdbc.TestDatabase.column;
import static io.basalt.server.jdbc.TestDatabase.execute;
import static io.basalt.server.jdbc.TestDatabase.row;
import static io.basalt.server.jdbc.TestDatabase.rows;
import static io.basalt.server.jdbc.TestDatabase.scalar;
import static io.basalt.server.jdbc.TestDatabase.sqlError;
import static io.basalt.server.jdbc.TestDatabase.update;
import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.SQLIntegrityConstraintViolationException;
import java.sql.SQLSyntaxErrorException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * ALTER TABLE actions migrations use besides ADD COLUMN: SET / DROP NOT NULL (validated against
 * existing rows), RENAME COLUMN and RENAME TO (dependents follow), ADD CHECK and DROP CONSTRAINT.
 */
class AlterTableConstraintsTest {
    private TestDatabase database;
    private Connection connection;

    @BeforeEach
    void populate() throws SQLException {
        database = TestDatabase.inMemory();
        connection = database.connect();
        execute(connection, "CREATE TABLE t (id INT PRIMARY KEY, v VARCHAR(10), n INT CHECK (n >= 0))",
                "CREATE INDEX t_n ON t (n)");
        update(connection, "INSERT INTO t VALUES (1, 'a', 1), (2, NULL, 2)");
    }

    @AfterEach
    void close() throws SQLException {
        database.close();
    }

    @Test
    void setNotNullValidatesExistingRows() throws SQLException {
        sqlError(() -> execute(connection, "ALTER TABLE t ALTER COLUMN v SET NOT NULL"), "23502",
                SQLIntegrityConstraintViolationException.class);
        update(connection, "INSERT INTO t VALUES (3, NULL, 3)"); // still nullable

        update(connection, "UPDATE t SET v = 'z' WHERE v IS NULL");
        execute(connection, "ALTER TABLE t ALTER COLUMN v SET NOT NULL");
        sqlError(() -> update(connection, "INSERT INTO t VALUES (4, NULL, 4)"), "23502",
                SQLIntegrityConstraintViolationException.class);
        assertThat(scalar(connection, "SELECT IS_NULLABLE FROM BASALT_CATALOG.COLUMNS WHERE TABLE_NAME = 'T'"
                + " AND COLUMN_NAME = 'V'")).isEqualTo(false);

        execute(connection, "ALTER TABLE t ALTER v DROP NOT NULL");
        update(connection, "INSERT INTO t VALUES (4, NULL, 4)");
        sqlError(() -> execute(connection, "ALTER TABLE t ALTER id DROP NOT NULL"), "42P16",
                SQLSyntaxErrorException.class);
        sqlError(() -> execute(connection, "ALTER TABLE t ALTER nope SET NOT NULL"), "42703",
                SQLSyntaxErrorException.class);
    }

    @Test
    void aNotNullColumnWithAMissingValueCountsAsFilled() throws SQLException {
        execute(connection, "ALTER TABLE t ADD COLUMN d INT DEFAULT 0", "ALTER TABLE t ALTER d SET NOT NULL");
        update(connection, "UPDATE t SET d = 5 WHERE id = 1");
        assertThat(column(connection, "SELECT d FROM t ORDER BY id")).containsExactly(5, 0);
    }

    @Test
    void renamedColumnsKeepTheirIndexesChecksAndForeignKeys() throws SQLException {
        execute(connection, "CREATE TABLE child (id INT PRIMARY KEY, tid INT REFERENCES t)");
        update(connection, "INSERT INTO child VALUES (1, 1)");

        execute(connection, "ALTER TABLE t RENAME COLUMN n TO qty", "ALTER TABLE t RENAME id TO tid",
                "ALTER TABLE child RENAME COLUMN tid TO parent");

        sqlError(() -> update(connection, "INSERT INTO t VALUES (3, 'c', -1)"), "23514",
                SQLIntegrityConstraintViolationException.class);
        assertThat(column(connection, "SELECT tid FROM t WHERE qty = 2")).containsExactly(2);
        assertThat(column(connection, "EXPLAIN SELECT tid FROM t WHERE qty = 2").toString()).contains("T_N");
        sqlError(() -> update(connection, "INSERT INTO child VALUES (2, 99)"), "23503",
                SQLIntegrityConstraintViolationException.class);
        sqlError(() -> update(connection, "DELETE FROM t WHERE tid = 1"), "23503",
                SQLIntegrityConstraintViolationException.class);
        sqlError(() -> rows(connection, "SELECT n FROM t"), "42703", SQLSyntaxErrorException.class);
        sqlError(() -> execute(connection, "ALTER TABLE t RENAME qty TO v"), "42701", SQLSyntaxErrorException.class);
    }

    @Test
    void aRenamedTableKeepsItsRowsReferencesAndIdentity() throws SQLException {
        execute(connection, "CREATE TABLE child (id INT PRIMARY KEY, tid INT REFERENCES t)",
                "CREATE TABLE s (id SERIAL PRIMARY KEY, v INT)");
        update(connection, "INSERT INTO child VALUES (1, 1)");
        update(connection, "INSERT INTO s (v) VALUES (10)");

        execute(connection, "ALTER TABLE t RENAME TO items", "ALTER TABLE s RENAME TO serials");

        sqlError(() -> rows(connection, "SELECT * FROM t"), "42P01", SQLSyntaxErrorException.class);
        assertThat(column(connection, "SELECT id FROM items ORDER BY id")).containsExactly(1, 2);
        sqlError(() -> update(connection, "DELETE FROM items WHERE id = 1"), "23503",
                SQLIntegrityConstraintViolationException.class);
        update(connection, "INSERT INTO serials (v) VALUES (20)");
        assertThat(rows(connection, "SELECT id, v FROM serials ORDER BY id")).containsExactly(row(1, 10), row(2, 20));
        sqlError(() -> execute(connection, "ALTER TABLE items RENAME TO child"), "42P07", SQLSyntaxErrorException.class);
        // The identity sequence now belongs to the new name, so it goes with the table.
        execute(connection, "DROP TABLE serials", "CREATE SEQUENCE s_id_seq");
    }

    @Test
    void addCheckValidatesExistingRowsAndDropConstraintRemovesIt() throws SQLException {
        sqlError(() -> execute(connection, "ALTER TABLE t ADD CONSTRAINT small CHECK (n < 2)"), "23514",
                SQLIntegrityConstraintViolationException.class);
        update(connection, "INSERT INTO t VALUES (3, 'c', 5)"); // not in force

        execute(connection, "ALTER TABLE t ADD CONSTRAINT small CHECK (n < 10)");
        sqlError(() -> update(connection, "INSERT INTO t VALUES (4, 'd', 10)"), "23514",
                SQLIntegrityConstraintViolationException.class);
        sqlError(() -> execute(connection, "ALTER TABLE t ADD CONSTRAINT small CHECK (n < 20)"), "42710",
                SQLSyntaxErrorException.class);
        execute(connection, "ALTER TABLE t ADD CHECK (v <> 'x')");
        sqlError(() -> update(connection, "INSERT INTO t VALUES (4, 'x', 1)"), "23514",
                SQLIntegrityConstraintViolationException.class);

        execute(connection, "ALTER TABLE t DROP CONSTRAINT small");
        update(connection, "INSERT INTO t VALUES (4, 'd', 10)");
        sqlError(() -> execute(connection, "ALTER TABLE t DROP CONSTRAINT small"), "42704", SQLException.class);
        execute(connection, "ALTER TABLE t DROP CONSTRAINT IF EXISTS small");
        sqlError(() -> execute(connection, "ALTER TABLE t DROP CONSTRAINT t_pkey"), "0A000",
                SQLFeatureNotSupportedException.class);
    }

    @Test
    void droppingAForeignKeyConstraintStopsItsChecks() throws SQLException {
        execute(connection, "CREATE TABLE child (id INT PRIMARY KEY, tid INT CONSTRAINT child_t REFERENCES t)");
        sqlError(() -> update(connection, "INSERT INTO child VALUES (1, 99)"), "23503",
                SQLIntegrityConstraintViolationException.class);

        execute(connection, "ALTER TABLE child DROP CONSTRAINT child_t");
        update(connection, "INSERT INTO child VALUES (1, 99)");
        execute(connection, "DROP TABLE t"); // nothing references it any more
    }

    @Test
    void setDefaultChecksTheExpressionAndIdentityColumnsKeepTheirs() throws SQLException {
        // PostgreSQL accepts a text default longer than the column and fails each INSERT that uses it
        // (DefaultChecker); a default of the wrong kind fails at once.
        execute(connection, "ALTER TABLE t ALTER v SET DEFAULT 'much too long'");
        sqlError(() -> execute(connection, "INSERT INTO t (id) VALUES (3)"), "22001", SQLException.class);
        sqlError(() -> execute(connection, "ALTER TABLE t ALTER n SET DEFAULT 'not a number'"), "22P02",
                SQLException.class);
        execute(connection, "CREATE TABLE s (id INT GENERATED ALWAYS AS IDENTITY PRIMARY KEY)");
        sqlError(() -> execute(connection, "ALTER TABLE s ALTER id SET DEFAULT 5"), "42601",
                SQLSyntaxErrorException.class);
        sqlError(() -> execute(connection, "ALTER TABLE s ALTER id DROP DEFAULT"), "42601",
                SQLSyntaxErrorException.class);
    }
}

package io.basalt.sql.ddl;

import static io.basalt.sql.SqlTestbed.rows;
import static io.basalt.sql.SqlTestbed.update;
import static org.assertj.core.api.Assertions.assertThat;

import io.basalt.common.error.SqlState;
import io.basalt.sql.SessionTest;
import io.basalt.sql.SqlTestbed;

import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** ALTER TABLE ADD / DROP COLUMN (the JDBC tests in server cover the rest): definitions change, rows are not rewritten, dependents are protected. */
class AlterTableTest extends SessionTest {
    @BeforeEach
    void createTables() {
        update(session, "CREATE TABLE t (id INT PRIMARY KEY, a VARCHAR(5), b INT, c INT CHECK (c > 0))");
        update(session, "CREATE INDEX t_b ON t (b)");
        update(session, "INSERT INTO t VALUES (1, 'x', 10, 1), (2, 'y', 20, 2)");
    }

    @Test
    void anAddedColumnIsNullInExistingRowsAndWritable() {
        update(session, "ALTER TABLE t ADD COLUMN d VARCHAR(10)");
        update(session, "INSERT INTO t VALUES (3, 'z', 30, 3, 'new')");
        update(session, "UPDATE t SET d = 'set' WHERE id = 1");

        assertThat(rows(session, "SELECT id, d FROM t ORDER BY id"))
                .containsExactly(List.of(1, "set"), Arrays.asList(2, null), List.of(3, "new"));
        assertThat(error("ALTER TABLE t ADD COLUMN d INT")).isEqualTo(SqlState.DUPLICATE_COLUMN);
        update(session, "ALTER TABLE t ADD COLUMN IF NOT EXISTS d INT");
        assertThat(error("ALTER TABLE t ADD COLUMN e INT NOT NULL")).isEqualTo(SqlState.NOT_NULL_VIOLATION);
        assertThat(error("ALTER TABLE t ADD COLUMN e INT UNIQUE")).isEqualTo(SqlState.FEATURE_NOT_SUPPORTED);
        assertThat(error("ALTER TABLE t ADD COLUMN e INT DEFAULT RAND_INTEGER(10)"))
                .isEqualTo(SqlState.FEATURE_NOT_SUPPORTED);
    }

    @Test
    void aDroppedColumnGoesAndTheOthersKeepTheirValuesAndIndexes() {
        update(session, "ALTER TABLE t DROP COLUMN a");

        assertThat(rows(session, "SELECT * FROM t ORDER BY id")).containsExactly(List.of(1, 10, 1), List.of(2, 20, 2));
        assertThat(rows(session, "SELECT id FROM t WHERE b = 20")).containsExactly(List.of(2));
        assertThat(rows(session, "EXPLAIN SELECT id FROM t WHERE b = 20").toString()).contains("T_B");
        update(session, "INSERT INTO t VALUES (3, 30, 3)");
        assertThat(error("INSERT INTO t VALUES (4, 40, -1)")).isEqualTo(SqlState.CHECK_VIOLATION);
        // A column added after a drop never sees the dropped column's old values.
        update(session, "ALTER TABLE t ADD COLUMN a VARCHAR(5)");
        assertThat(rows(session, "SELECT a FROM t WHERE id = 1")).containsExactly(Arrays.asList((Object) null));
    }

    @Test
    void columnsOthersDependOnCannotBeDropped() {
        update(session, "CREATE TABLE child (id INT PRIMARY KEY, tid INT REFERENCES t)");

        assertThat(error("ALTER TABLE t DROP COLUMN id")).isEqualTo(SqlState.DEPENDENT_OBJECTS_STILL_EXIST);
        assertThat(error("ALTER TABLE t DROP COLUMN b")).isEqualTo(SqlState.DEPENDENT_OBJECTS_STILL_EXIST);
        assertThat(error("ALTER TABLE t DROP COLUMN c")).isEqualTo(SqlState.DEPENDENT_OBJECTS_STILL_EXIST);
        assertThat(error("ALTER TABLE child DROP COLUMN tid")).isEqualTo(SqlState.DEPENDENT_OBJECTS_STILL_EXIST);
        assertThat(error("ALTER TABLE t DROP COLUMN nope")).isEqualTo(SqlState.UNDEFINED_COLUMN);
        update(session, "ALTER TABLE t DROP COLUMN IF EXISTS nope");
        assertThat(error("ALTER TABLE nope ADD COLUMN x INT")).isEqualTo(SqlState.UNDEFINED_TABLE);
        update(session, "ALTER TABLE IF EXISTS nope ADD COLUMN x INT");
    }

    @Test
    void foreignKeysFollowShiftedPositions() {
        update(session, "CREATE TABLE parent (pad INT, code INT, id INT PRIMARY KEY)");
        update(session, "CREATE TABLE child (id INT PRIMARY KEY, pid INT REFERENCES parent)");
        update(session, "INSERT INTO parent VALUES (0, 7, 1)");

        update(session, "ALTER TABLE parent DROP COLUMN pad"); // the referenced key moves from position 2 to 1

        update(session, "INSERT INTO child VALUES (1, 1)");
        assertThat(error("INSERT INTO child VALUES (2, 2)")).isEqualTo(SqlState.FOREIGN_KEY_VIOLATION);
        assertThat(error("DELETE FROM parent WHERE id = 1")).isEqualTo(SqlState.FOREIGN_KEY_VIOLATION);
    }
}

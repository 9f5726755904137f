package io.basalt.sql.constraint;

import static io.basalt.sql.SqlTestbed.rows;
import static io.basalt.sql.SqlTestbed.update;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.basalt.common.error.BasaltException;
import io.basalt.common.error.SqlState;
import io.basalt.sql.SessionTest;
import io.basalt.sql.SqlTestbed;

import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

/** FOREIGN KEY / REFERENCES in one session: definitions, enforcement, referential actions, DROP. */
class ForeignKeyTest extends SessionTest {
    private BasaltException failure(String sql) {
        return catchThrowableOfType(BasaltException.class, () -> update(session, sql));
    }

    @Test
    void aChildNeedsItsParent() {
        update(session, "CREATE TABLE customer (id INT PRIMARY KEY, name VARCHAR(10))");
        update(session, "CREATE TABLE orders (id INT PRIMARY KEY, customer_id INT REFERENCES customer)");
        update(session, "INSERT INTO customer VALUES (1, 'ann')");

        update(session, "INSERT INTO orders VALUES (10, 1), (11, NULL)");
        BasaltException missing = failure("INSERT INTO orders VALUES (12, 2)");
        assertThat(missing.sqlState()).isEqualTo(SqlState.FOREIGN_KEY_VIOLATION);
        assertThat(missing.getMessage()).contains("ORDERS_CUSTOMER_ID_FKEY");
        assertThat(failure("UPDATE orders SET customer_id = 3 WHERE id = 10").sqlState())
                .isEqualTo(SqlState.FOREIGN_KEY_VIOLATION);
        assertThat(rows(session, "SELECT id, customer_id FROM orders ORDER BY id"))
                .containsExactly(List.of(10, 1), Arrays.asList(11, null));
    }

    @Test
    void deletingAReferencedRowIsRestrictedByDefault() {
        update(session, "CREATE TABLE customer (id INT PRIMARY KEY)");
        update(session, "CREATE TABLE orders (id INT PRIMARY KEY, customer_id INT,"
                + " CONSTRAINT by_customer FOREIGN KEY (customer_id) REFERENCES customer (id))");
        update(session, "INSERT INTO customer VALUES (1), (2)");
        update(session, "INSERT INTO orders VALUES (10, 1)");

        BasaltException restricted = failure("DELETE FROM customer WHERE id = 1");
        assertThat(restricted.sqlState()).isEqualTo(SqlState.FOREIGN_KEY_VIOLATION);
        assertThat(restricted.getMessage()).contains("BY_CUSTOMER").contains("ORDERS");
        assertThat(failure("UPDATE customer SET id = 5 WHERE id = 1").sqlState()).isEqualTo(SqlState.FOREIGN_KEY_VIOLATION);
        update(session, "DELETE FROM customer WHERE id = 2");
        update(session, "UPDATE customer SET id = 1 WHERE id = 1");
        assertThat(rows(session, "SELECT id FROM customer")).containsExactly(List.of(1));
    }

    @Test
    void compositeKeysCascadeThroughLevels() {
        update(session, "CREATE TABLE district (w_id INT, d_id INT, PRIMARY KEY (w_id, d_id))");
        update(session, "CREATE TABLE orders (w_id INT, d_id INT, o_id INT, PRIMARY KEY (w_id, d_id, o_id),"
                + " FOREIGN KEY (w_id, d_id) REFERENCES district ON DELETE CASCADE)");
        update(session, "CREATE TABLE order_line (w_id INT, d_id INT, o_id INT, n INT, PRIMARY KEY (w_id, d_id, o_id, n),"
                + " FOREIGN KEY (w_id, d_id, o_id) REFERENCES orders (w_id, d_id, o_id) ON DELETE CASCADE)");
        update(session, "INSERT INTO district VALUES (1, 1), (1, 2)");
        update(session, "INSERT INTO orders VALUES (1, 1, 100), (1, 1, 101), (1, 2, 100)");
        update(session, "INSERT INTO order_line VALUES (1, 1, 100, 1), (1, 1, 100, 2), (1, 1, 101, 1), (1, 2, 100, 1)");
        assertThat(failure("INSERT INTO order_line VALUES (1, 2, 101, 1)").sqlState())
                .isEqualTo(SqlState.FOREIGN_KEY_VIOLATION);

        update(session, "DELETE FROM district WHERE w_id = 1 AND d_id = 1");

        assertThat(rows(session, "SELECT d_id, o_id FROM orders")).containsExactly(List.of(2, 100));
        assertThat(rows(session, "SELECT d_id, o_id, n FROM order_line")).containsExactly(List.of(2, 100, 1));
    }

    @Test
    void setNullClearsTheChildrenAndTheirIndexEntries() {
        update(session, "CREATE TABLE team (id INT PRIMARY KEY)");
        update(session, "CREATE TABLE player (id INT PRIMARY KEY, team_id INT REFERENCES team ON DELETE SET NULL)");
        update(session, "INSERT INTO team VALUES (1), (2)");
        update(session, "INSERT INTO player VALUES (1, 1), (2, 1), (3, 2)");

        update(session, "DELETE FROM team WHERE id = 1");

        assertThat(rows(session, "SELECT id, team_id FROM player ORDER BY id"))
                .containsExactly(Arrays.asList(1, null), Arrays.asList(2, null), List.of(3, 2));
        // The foreign key got an index of its own (team_id leads no key): it was kept in step.
        assertThat(rows(session, "EXPLAIN SELECT id FROM player WHERE team_id = 1").toString())
                .contains("PLAYER_TEAM_ID_FKEY_IDX");
        assertThat(rows(session, "SELECT id FROM player WHERE team_id = 1")).isEmpty();
        update(session, "CREATE TABLE strict (id INT PRIMARY KEY, team_id INT NOT NULL REFERENCES team"
                + " ON DELETE SET NULL)");
        update(session, "INSERT INTO strict VALUES (1, 2)");
        assertThat(failure("DELETE FROM team WHERE id = 2").sqlState()).isEqualTo(SqlState.NOT_NULL_VIOLATION);
    }

    @Test
    void aForeignKeyMayReferenceAUniqueConstraintOrItsOwnTable() {
        update(session, "CREATE TABLE account (id INT PRIMARY KEY, email VARCHAR(20) UNIQUE)");
        update(session, "CREATE TABLE login (id INT PRIMARY KEY, email VARCHAR(20) REFERENCES account (email))");
        update(session, "CREATE TABLE employee (id INT PRIMARY KEY, boss INT REFERENCES employee ON DELETE CASCADE)");
        update(session, "INSERT INTO account VALUES (1, 'a@x')");

        update(session, "INSERT INTO login VALUES (1, 'a@x')");
        assertThat(failure("INSERT INTO login VALUES (2, 'b@x')").sqlState()).isEqualTo(SqlState.FOREIGN_KEY_VIOLATION);
        assertThat(failure("DELETE FROM account WHERE id = 1").sqlState()).isEqualTo(SqlState.FOREIGN_KEY_VIOLATION);
        assertThat(failure("DROP INDEX account_email_key").sqlState()).isEqualTo(SqlState.DEPENDENT_OBJECTS_STILL_EXIST);

        update(session, "INSERT INTO employee VALUES (1, NULL)");
        update(session, "INSERT INTO employee VALUES (2, 1)");
        update(session, "INSERT INTO employee VALUES (3, 2)");
        update(session, "DELETE FROM employee WHERE id = 1");
        assertThat(rows(session, "SELECT count(*) FROM employee")).containsExactly(List.of(0L));
    }

    @Test
    void badDefinitionsAreRefused() {
        update(session, "CREATE TABLE parent (id INT PRIMARY KEY, code VARCHAR(5), label VARCHAR(5))");

        assertThat(failure("CREATE TABLE c1 (id INT PRIMARY KEY, p INT REFERENCES nope)").sqlState())
                .isEqualTo(SqlState.UNDEFINED_TABLE);
        assertThat(failure("CREATE TABLE c2 (id INT PRIMARY KEY, p VARCHAR(5) REFERENCES parent (label))").sqlState())
                .isEqualTo(SqlState.INVALID_FOREIGN_KEY);
        assertThat(failure("CREATE TABLE c3 (id INT PRIMARY KEY, p VARCHAR(5) REFERENCES parent)").sqlState())
                .isEqualTo(SqlState.DATATYPE_MISMATCH);
        assertThat(failure("CREATE TABLE c4 (id INT PRIMARY KEY, a INT, b INT, FOREIGN KEY (a, b) REFERENCES parent)")
                .sqlState()).isEqualTo(SqlState.INVALID_FOREIGN_KEY);
        assertThat(failure("CREATE TABLE c5 (id INT PRIMARY KEY, p INT REFERENCES parent ON UPDATE CASCADE)").sqlState())
                .isEqualTo(SqlState.FEATURE_NOT_SUPPORTED);
        assertThat(db.engine.catalog().current().tables()).hasSize(1);
    }

    @Test
    void droppingAReferencedTableNeedsCascadeWhichDropsTheConstraint() {
        update(session, "CREATE TABLE parent (id INT PRIMARY KEY)");
        update(session, "CREATE TABLE child (id INT PRIMARY KEY, p INT REFERENCES parent)");

        assertThat(failure("DROP TABLE parent").sqlState()).isEqualTo(SqlState.DEPENDENT_OBJECTS_STILL_EXIST);
        update(session, "DROP TABLE parent CASCADE");

        update(session, "INSERT INTO child VALUES (1, 42)"); // no constraint left
        assertThat(db.engine.catalog().current().table("CHILD").foreignKeys()).isEmpty();
    }
}

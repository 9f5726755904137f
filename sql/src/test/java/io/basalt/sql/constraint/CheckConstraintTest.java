package io.basalt.sql.constraint;

import static io.basalt.sql.SqlTestbed.rows;
import static io.basalt.sql.SqlTestbed.update;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.basalt.common.client.PreparedStatementHandle;
import io.basalt.common.error.BasaltException;
import io.basalt.common.error.SqlState;
import io.basalt.sql.SessionTest;
import io.basalt.sql.SqlTestbed;

import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** CHECK constraints: a FALSE condition fails INSERT and UPDATE with 23514, NULL passes, bad ones fail CREATE TABLE. */
class CheckConstraintTest extends SessionTest {
    @BeforeEach
    void createTables() {
        update(session, "CREATE TABLE stock (id INT PRIMARY KEY, qty INT CHECK (qty >= 0), lo INT, hi INT,"
                + " CONSTRAINT ordered CHECK (lo <= hi))");
    }

    private BasaltException failure(String sql) {
        return catchThrowableOfType(BasaltException.class, () -> update(session, sql));
    }

    @Test
    void insertsAndUpdatesThatBreakAConditionFail() {
        update(session, "INSERT INTO stock VALUES (1, 5, 1, 2), (2, NULL, NULL, 3)");

        BasaltException negative = failure("INSERT INTO stock VALUES (3, -1, 1, 2)");
        assertThat(negative.sqlState()).isEqualTo(SqlState.CHECK_VIOLATION);
        assertThat(negative.getMessage()).contains("STOCK_CHECK").contains("STOCK");
        assertThat(failure("UPDATE stock SET qty = qty - 6 WHERE id = 1").sqlState()).isEqualTo(SqlState.CHECK_VIOLATION);
        assertThat(failure("UPDATE stock SET lo = 9").getMessage()).contains("ORDERED");
        update(session, "UPDATE stock SET qty = qty - 5 WHERE id = 1");
        assertThat(rows(session, "SELECT id, qty FROM stock WHERE id = 1")).containsExactly(List.of(1, 0));
        assertThat(rows(session, "SELECT count(*) FROM stock")).containsExactly(List.of(2L));
    }

    @Test
    void preparedStatementsCheckEachExecution() {
        PreparedStatementHandle insert = session.prepare("INSERT INTO stock VALUES (?, ?, 0, 0)");
        session.execute(insert, List.of(1, 3), 0);

        BasaltException e = catchThrowableOfType(BasaltException.class, () -> session.execute(insert, List.of(2, -3), 0));
        assertThat(e.sqlState()).isEqualTo(SqlState.CHECK_VIOLATION);
        session.execute(insert, List.of(3, 0), 0);
        assertThat(rows(session, "SELECT id FROM stock ORDER BY id")).containsExactly(List.of(1), List.of(3));
    }

    @Test
    void badConditionsFailTheCreateTable() {
        assertThat(failure("CREATE TABLE t1 (id INT PRIMARY KEY, v INT CHECK (w > 0))").sqlState())
                .isEqualTo(SqlState.UNDEFINED_COLUMN);
        assertThat(failure("CREATE TABLE t2 (id INT PRIMARY KEY, v INT CHECK (v + 1))").sqlState())
                .isEqualTo(SqlState.DATATYPE_MISMATCH);
        assertThat(failure("CREATE TABLE t3 (id INT PRIMARY KEY, v INT CHECK (v > (SELECT 1)))").sqlState())
                .isEqualTo(SqlState.FEATURE_NOT_SUPPORTED);
        assertThat(failure("CREATE TABLE t4 (id INT PRIMARY KEY, v INT CHECK (count(v) > 0))").sqlState())
                .isEqualTo(SqlState.GROUPING_ERROR);
        assertThat(db.engine.catalog().current().tables()).hasSize(1);
    }
}

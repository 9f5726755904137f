package io.basalt.sql.plan;

import static io.basalt.sql.SqlTestbed.rows;
import static io.basalt.sql.SqlTestbed.update;
import static org.assertj.core.api.Assertions.assertThat;

import io.basalt.common.client.PreparedStatementHandle;
import io.basalt.common.client.RowCursor;
import io.basalt.sql.SqlTestbed;
import io.basalt.sql.session.SqlSession;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Plans are compiled once per SQL text and catalog version, whoever prepares them and however often. */
class PlanCacheTest {

    @Test
    void aStatementPreparedAnewOnEveryCallIsPlannedOnce() {
        try (SqlTestbed db = new SqlTestbed(); SqlSession first = db.session(); SqlSession second = db.session()) {
            update(first, "CREATE TABLE t (id INT PRIMARY KEY, v INT)");
            update(first, "INSERT INTO t VALUES (1, 10), (2, 20)");
            PlanCache plans = db.engine.plans();
            long compiledBefore = plans.plansCompiled();

            for (int i = 0; i < 20; i++) {
                SqlSession session = i % 2 == 0 ? first : second;
                PreparedStatementHandle select = session.prepare("SELECT v FROM t WHERE id = ?");
                assertThat(value(session, select, 1 + i % 2)).isEqualTo(i % 2 == 0 ? 10 : 20);
                select.close();
            }

            assertThat(plans.plansCompiled() - compiledBefore).isEqualTo(1);
        }
    }

    @Test
    void ddlMakesTheNextExecutionPlanAgainWithTheNewSchema() {
        try (SqlTestbed db = new SqlTestbed(); SqlSession session = db.session()) {
            update(session, "CREATE TABLE t (id INT PRIMARY KEY, v INT)");
            update(session, "INSERT INTO t VALUES (1, 10), (2, 20)");
            PreparedStatementHandle byValue = session.prepare("SELECT id FROM t WHERE v = ?");
            assertThat(value(session, byValue, 20)).isEqualTo(2);
            assertThat(rows(session, "EXPLAIN SELECT id FROM t WHERE v = 20").toString()).contains("full scan");
            long compiledBefore = db.engine.plans().plansCompiled();

            update(session, "CREATE INDEX t_v ON t (v)");

            assertThat(value(session, byValue, 20)).isEqualTo(2);
            assertThat(db.engine.plans().plansCompiled()).isGreaterThan(compiledBefore);
            assertThat(rows(session, "EXPLAIN SELECT id FROM t WHERE v = 20").toString()).contains("T_V");
        }
    }

    @Test
    void aStatementWithAPasswordLeavesNoCopyOfItsTextInTheCache() {
        try (SqlTestbed db = new SqlTestbed(); SqlSession session = db.session()) {
            update(session, "CREATE TABLE t (id INT PRIMARY KEY)");
            long sizeBefore = db.engine.plans().size();
            update(session, "CREATE USER ann PASSWORD 'secret-one'");
            update(session, "ALTER USER ann PASSWORD 'secret-two'");
            db.engine.plans().cleanUp();
            assertThat(db.engine.plans().size()).isEqualTo(sizeBefore);
        }
    }

    private static Object value(SqlSession session, PreparedStatementHandle statement, int parameter) {
        try (RowCursor cursor = session.execute(statement, List.of(parameter), 0).rowCursor()) {
            return cursor.next()[0];
        }
    }
}

package io.basalt.sql.parse;

import org.apache.calcite.sql.SqlDelete;
import org.apache.calcite.sql.SqlExplain;
import org.apache.calcite.sql.SqlInsert;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlOrderBy;
import org.apache.calcite.sql.SqlSelect;
import org.apache.calcite.sql.SqlUpdate;
import org.junit.jupiter.api.Test;

import static io.basalt.sql.parse.ParseTesting.parseAs;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ExplainParseTest {

    @Test
    void explainWrapsTheQueryWithoutRunningIt() {
        final SqlExplainStatement explain = parseAs("EXPLAIN SELECT a FROM t WHERE b = 1", SqlExplainStatement.class);

        assertThat(explain.analyze()).isFalse();
        assertThat(explain.statement()).isInstanceOf(SqlSelect.class);
        assertThat(explain.getKind()).isEqualTo(SqlKind.OTHER);
    }

    @Test
    void explainAnalyzeIsFlagged() {
        final SqlExplainStatement explain = parseAs("EXPLAIN ANALYZE SELECT a FROM t ORDER BY a LIMIT 3",
            SqlExplainStatement.class);

        assertThat(explain.analyze()).isTrue();
        assertThat(explain.statement()).isInstanceOf(SqlOrderBy.class);
    }

    @Test
    void explainTakesDml() {
        assertThat(parseAs("EXPLAIN INSERT INTO t VALUES (1)", SqlExplainStatement.class).statement())
            .isInstanceOf(SqlInsert.class);
        assertThat(parseAs("EXPLAIN ANALYZE UPDATE t SET a = a + 1", SqlExplainStatement.class).statement())
            .isInstanceOf(SqlUpdate.class);
        assertThat(parseAs("EXPLAIN DELETE FROM t WHERE a > 2", SqlExplainStatement.class).statement())
            .isInstanceOf(SqlDelete.class);
    }

    @Test
    void explainPlanForIsStillCalcitesExplain() {
        final SqlExplain explain = parseAs("EXPLAIN PLAN FOR SELECT a FROM t", SqlExplain.class);

        assertThat(explain.getKind()).isEqualTo(SqlKind.EXPLAIN);
        assertThat(explain.getExplicandum()).isInstanceOf(SqlSelect.class);
        assertThat(parseAs("EXPLAIN PLAN WITHOUT IMPLEMENTATION FOR SELECT 1", SqlExplain.class).getDepth())
            .isEqualTo(SqlExplain.Depth.LOGICAL);
    }

    @Test
    void explainOfDdlIsASyntaxError() {
        assertThatThrownBy(() -> BasaltSqlParser.parse("EXPLAIN CREATE TABLE t (a INT)"))
            .isInstanceOf(io.basalt.common.error.BasaltException.class)
            .hasMessageContaining("line 1, column 9");
    }
}

package io.basalt.sql.parse;

import org.apache.calcite.sql.SqlBasicCall;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlDelete;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlInsert;
import org.apache.calcite.sql.SqlJoin;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlLiteral;
import org.apache.calcite.sql.SqlMerge;
import org.apache.calcite.sql.SqlOrderBy;
import org.apache.calcite.sql.SqlSelect;
import org.apache.calcite.sql.SqlUpdate;
import org.junit.jupiter.api.Test;

import static io.basalt.sql.parse.ParseTesting.parseAs;
import static org.assertj.core.api.Assertions.assertThat;

/** Calcite's own grammar must survive our additions and keyword changes. */
class CoreGrammarParseTest {

    @Test
    void selectWithJoinsGroupByLimitAndOffset() {
        final SqlOrderBy orderBy = parseAs("SELECT c.name, COUNT(*) AS n "
            + "FROM customer c JOIN orders o ON o.c_id = c.id LEFT JOIN region r USING (r_id) "
            + "WHERE o.total > 10 GROUP BY c.name HAVING COUNT(*) > 1 "
            + "ORDER BY n DESC LIMIT 10 OFFSET 20", SqlOrderBy.class);

        final SqlSelect select = (SqlSelect) orderBy.query;
        assertThat(select.getFrom()).isInstanceOf(SqlJoin.class);
        assertThat(select.getGroup()).hasSize(1);
        assertThat(select.getHaving()).isNotNull();
        assertThat(((SqlLiteral) orderBy.fetch).intValue(true)).isEqualTo(10);
        assertThat(((SqlLiteral) orderBy.offset).intValue(true)).isEqualTo(20);
    }

    @Test
    void offsetMayComeBeforeLimitAsInPostgresql() {
        final SqlOrderBy orderBy = parseAs("SELECT a FROM t OFFSET 5 LIMIT 10", SqlOrderBy.class);

        assertThat(((SqlLiteral) orderBy.fetch).intValue(true)).isEqualTo(10);
        assertThat(((SqlLiteral) orderBy.offset).intValue(true)).isEqualTo(5);
    }

    @Test
    void bangEqualsIsNotEquals() {
        final SqlSelect select = parseAs("SELECT a FROM t WHERE a != 1", SqlSelect.class);

        assertThat(select.getWhere().getKind()).isEqualTo(SqlKind.NOT_EQUALS);
    }

    @Test
    void insertWithSeveralRows() {
        final SqlInsert insert = parseAs("INSERT INTO t (a, b) VALUES (1, 'x'), (2, 'y'), (3, NULL)", SqlInsert.class);

        assertThat(insert.getTargetColumnList()).hasSize(2);
        assertThat(((SqlCall) insert.getSource()).getOperandList()).hasSize(3);
    }

    @Test
    void updateWithAnExpression() {
        final SqlUpdate update = parseAs("UPDATE accounts SET balance = balance * 1.05 + 1 WHERE id = 7", SqlUpdate.class);

        assertThat(update.getTargetColumnList()).extracting(n -> ((SqlIdentifier) n).getSimple())
            .containsExactly("BALANCE");
        assertThat(update.getSourceExpressionList().get(0).getKind()).isEqualTo(SqlKind.PLUS);
    }

    @Test
    void deleteWithACondition() {
        final SqlDelete delete = parseAs("DELETE FROM t WHERE a IN (1, 2, 3)", SqlDelete.class);

        assertThat(delete.getCondition().getKind()).isEqualTo(SqlKind.IN);
    }

    @Test
    void mergeStillParses() {
        parseAs("MERGE INTO t USING s ON t.id = s.id "
            + "WHEN MATCHED THEN UPDATE SET v = s.v WHEN NOT MATCHED THEN INSERT (id, v) VALUES (s.id, s.v)",
            SqlMerge.class);
    }

    @Test
    void windowPartitionByStillParsesAlthoughPartitionStartsOurClause() {
        final SqlSelect select = parseAs("SELECT SUM(x) OVER (PARTITION BY y ORDER BY z) FROM t", SqlSelect.class);

        assertThat(select.getSelectList().get(0).getKind()).isEqualTo(SqlKind.OVER);
    }

    @Test
    void endAndOnlyStillCloseTheirConstructsAlthoughNonReserved() {
        final SqlOrderBy orderBy = parseAs(
            "SELECT CASE WHEN a > 0 THEN 'p' ELSE 'n' END AS sign FROM t FETCH FIRST 5 ROWS ONLY", SqlOrderBy.class);

        final SqlBasicCall as = (SqlBasicCall) ((SqlSelect) orderBy.query).getSelectList().get(0);
        assertThat(as.operand(0).getKind()).isEqualTo(SqlKind.CASE);
        assertThat(((SqlLiteral) orderBy.fetch).intValue(true)).isEqualTo(5);
    }

    @Test
    void unquotedIdentifiersAreUpperCasedAndQuotedOnesKeepTheirCase() {
        final SqlSelect select = parseAs("SELECT amount, \"Mixed\" FROM \"Ledger\"", SqlSelect.class);

        assertThat(((SqlIdentifier) select.getSelectList().get(0)).getSimple()).isEqualTo("AMOUNT");
        assertThat(((SqlIdentifier) select.getSelectList().get(1)).getSimple()).isEqualTo("Mixed");
        assertThat(((SqlIdentifier) select.getFrom()).getSimple()).isEqualTo("Ledger");
    }

    @Test
    void selectWithoutFromAndWithCast() {
        final SqlSelect select = parseAs("SELECT CAST('1' AS INTEGER), CAST(x AS TEXT)", SqlSelect.class);

        assertThat(select.getFrom()).isNull();
        assertThat(select.getSelectList()).hasSize(2);
    }
}

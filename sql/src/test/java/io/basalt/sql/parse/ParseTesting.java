package io.basalt.sql.parse;

import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlDialect;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlSetOption;
import org.apache.calcite.sql.dialect.CalciteSqlDialect;
import org.apache.calcite.util.Litmus;

import static org.assertj.core.api.Assertions.assertThat;

/** Shared steps for the parser tests. */
final class ParseTesting {
    private ParseTesting() {
    }

    static <T extends SqlNode> T parseAs(String sql, Class<T> type) {
        final SqlNode node = BasaltSqlParser.parse(sql);
        assertThat(node).as(sql).isInstanceOf(type);
        return type.cast(node);
    }

    /** The option's name; SqlSetOption.getName() is deprecated because the name may be any node. */
    static SqlIdentifier optionName(SqlSetOption option) {
        return (SqlIdentifier) option.name();
    }

    static String unparse(SqlNode node) {
        return unparse(node, CalciteSqlDialect.DEFAULT);
    }

    static String unparse(SqlNode node, SqlDialect dialect) {
        return node.toSqlString(dialect).getSql();
    }

    /**
     * Asserts that the statement's SQL text, in {@code dialect}, parses back into an equal tree
     * that prints the same text; returns the text.
     */
    static String assertRoundTrips(String sql, SqlDialect dialect) {
        final SqlNode first = BasaltSqlParser.parse(sql);
        final String text = unparse(first, dialect);
        final SqlNode second = BasaltSqlParser.parse(text);
        assertThat(second.equalsDeep(first, Litmus.IGNORE))
            .as("%s%n  unparsed as%n%s%n  parsed back as%n%s", sql, text, unparse(second, dialect))
            .isTrue();
        assertThat(unparse(second, dialect)).isEqualTo(text);
        return text;
    }

    /** Asserts that the node's operator rebuilds an equal node from the node's operands. */
    static void assertOperandsRebuildNode(SqlCall call) {
        final SqlCall rebuilt = call.getOperator().createCall(null, call.getParserPosition(),
            call.getOperandList().toArray(new SqlNode[0]));
        assertThat(rebuilt).isInstanceOf(call.getClass());
        assertThat(rebuilt.equalsDeep(call, Litmus.IGNORE)).as(unparse(call)).isTrue();
        assertThat(unparse(rebuilt)).isEqualTo(unparse(call));
    }
}

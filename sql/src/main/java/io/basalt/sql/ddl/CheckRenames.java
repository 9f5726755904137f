package io.basalt.sql.ddl;

import io.basalt.sql.parse.BasaltSqlParser;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.dialect.CalciteSqlDialect;
import org.apache.calcite.sql.util.SqlShuttle;

/**
 * Rewrites a CHECK condition (stored as SQL text) for RENAME COLUMN: the condition is parsed,
 * every reference to the old column name is replaced, and the text is printed again the way
 * CREATE TABLE stored it. A condition can name only its own table's columns, unqualified or
 * qualified by the table, so a reference is an identifier whose last part is the column.
 */
final class CheckRenames {
    private CheckRenames() {
    }

    static String rename(String conditionSql, String column, String newName) {
        SqlNode condition = BasaltSqlParser.parseExpression(conditionSql);
        SqlNode renamed = condition.accept(new SqlShuttle() {
            @Override
            public SqlNode visit(SqlIdentifier id) {
                if (!id.names.isEmpty() && id.names.get(id.names.size() - 1).equals(column)) {
                    return id.setName(id.names.size() - 1, newName);
                }
                return id;
            }
        });
        return renamed.toSqlString(CalciteSqlDialect.DEFAULT).getSql();
    }
}

package io.basalt.sql.ddl;

import io.basalt.common.error.BasaltException;
import io.basalt.common.error.SqlState;
import io.basalt.sql.catalog.Catalog;
import io.basalt.sql.catalog.CheckDescriptor;
import io.basalt.sql.catalog.TableDescriptor;
import io.basalt.sql.parse.BasaltSqlParser;
import io.basalt.sql.plan.CompiledStatement;
import io.basalt.sql.plan.QueryPlanner;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.SqlSelect;
import org.apache.calcite.sql.SqlSyntax;
import org.apache.calcite.sql.SqlUnresolvedFunction;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.validate.SqlNameMatchers;
import org.apache.calcite.sql.util.SqlBasicVisitor;

/**
 * Checks CHECK constraints when the table is created, as PostgreSQL does, so that a bad one fails
 * the CREATE TABLE rather than every later INSERT: the condition may name only the table's own
 * columns (42703), must be boolean (42804), and may hold no subquery (0A000) or aggregate (42803).
 * It is planned as {@code SELECT condition FROM table} against the catalog plus the new table,
 * the same way DML plans it later (see {@code CheckConstraints}).
 */
final class CheckCompiler {
    private final QueryPlanner planner;

    CheckCompiler(QueryPlanner planner) {
        this.planner = planner;
    }

    void validate(Catalog before, TableDescriptor created) {
        if (created.checks().isEmpty()) {
            return;
        }
        List<TableDescriptor> tables = new ArrayList<>(before.tables());
        tables.add(created);
        Catalog with = new Catalog(before.version(), tables);
        for (CheckDescriptor check : created.checks()) {
            SqlSelect select = (SqlSelect) BasaltSqlParser.parse("SELECT " + check.conditionSql() + " FROM \""
                    + created.name().replace("\"", "\"\"") + "\"");
            select.getSelectList().get(0).accept(new ConditionShape(check.name()));
            CompiledStatement compiled = planner.compile(select, with);
            if (compiled.columns().get(0).jdbcType() != Types.BOOLEAN) {
                throw new BasaltException(SqlState.DATATYPE_MISMATCH, "argument of CHECK constraint \""
                        + check.name() + "\" must be type boolean, not " + compiled.columns().get(0).typeName());
            }
        }
    }

    /** Whether an unresolved function call names an aggregate (the parser does not resolve names). */
    private static boolean isAggregateName(SqlCall call) {
        if (!(call.getOperator() instanceof SqlUnresolvedFunction function)) {
            return false;
        }
        List<SqlOperator> overloads = new ArrayList<>();
        SqlStdOperatorTable.instance().lookupOperatorOverloads(function.getNameAsId(), null, SqlSyntax.FUNCTION,
                overloads, SqlNameMatchers.withCaseSensitive(false));
        return overloads.stream().anyMatch(SqlOperator::isAggregator);
    }

    /** Refuses what a row-level condition cannot hold. */
    private static final class ConditionShape extends SqlBasicVisitor<Void> {
        private final String name;

        ConditionShape(String name) {
            this.name = name;
        }

        @Override
        public Void visit(SqlCall call) {
            if (call instanceof SqlSelect) {
                throw new BasaltException(SqlState.FEATURE_NOT_SUPPORTED,
                        "cannot use subquery in check constraint \"" + name + "\"");
            }
            if (call.getOperator().isAggregator() || isAggregateName(call)) {
                throw new BasaltException(SqlState.GROUPING_ERROR,
                        "aggregate functions are not allowed in check constraint \"" + name + "\"");
            }
            return super.visit(call);
        }
    }
}

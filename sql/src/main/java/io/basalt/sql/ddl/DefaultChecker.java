package io.basalt.sql.ddl;

import io.basalt.common.error.BasaltException;
import io.basalt.common.error.SqlState;
import io.basalt.sql.catalog.Catalog;
import io.basalt.sql.catalog.ColumnDescriptor;
import io.basalt.sql.exec.ExecutionContext;
import io.basalt.sql.parse.BasaltSqlParser;
import io.basalt.sql.plan.CompiledStatement;
import io.basalt.sql.plan.QueryPlanner;
import io.basalt.sql.plan.ValidationStates;
import io.basalt.sql.type.Assignment;
import io.basalt.sql.type.InternalValues;
import java.util.List;
import org.apache.calcite.linq4j.Enumerator;
import org.apache.calcite.runtime.CalciteContextException;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.dialect.CalciteSqlDialect;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * Checks a column's DEFAULT when the table is created, as PostgreSQL does, so that a bad default
 * fails the CREATE TABLE instead of every later INSERT: it must be an expression without column
 * references (42P10) whose value, evaluated once now, fits the column's type (22P02, 22001, 22003,
 * ...). Volatile defaults such as CURRENT_TIMESTAMP are still evaluated per statement later.
 *
 * <p>Except a text default longer than the column: PostgreSQL casts text to VARCHAR(n) when the
 * default is used, so {@code VARCHAR(3) DEFAULT 'toolong'} is created and fails each INSERT that
 * uses it with 22001, which {@code Assignment} raises then.
 */
final class DefaultChecker {
    private static final Catalog NO_TABLES = new Catalog(0, List.of());

    private final QueryPlanner planner;

    DefaultChecker(QueryPlanner planner) {
        this.planner = planner;
    }

    /**
     * A DEFAULT that passed the checks: the SQL text the catalog stores, and its value now in the
     * column's storage representation (what ADD COLUMN freezes as the missing value).
     */
    record Checked(String sql, Object storedValue, BasaltException tooLong) {
        /**
         * The value to store; a text default too long for its column is accepted by CREATE TABLE
         * (each INSERT using it fails), but ADD COLUMN would store it for every existing row, so
         * asking for it raises the 22001 that was put off.
         */
        Object value() {
            if (tooLong != null) {
                throw tooLong;
            }
            return storedValue;
        }
    }

    /** The DEFAULT as the SQL text the catalog stores, once it passed the checks. */
    String check(SqlNode expression, ColumnDescriptor column) {
        return evaluate(expression, column).sql();
    }

    Checked evaluate(SqlNode expression, ColumnDescriptor column) {
        String sql = expression.toSqlString(CalciteSqlDialect.DEFAULT).getSql();
        CompiledStatement probe;
        try {
            probe = planner.compile(BasaltSqlParser.parse("SELECT " + sql), NO_TABLES);
        } catch (CalciteContextException e) {
            if (ValidationStates.of(e) == SqlState.UNDEFINED_COLUMN) {
                throw new BasaltException(SqlState.INVALID_COLUMN_REFERENCE,
                        "cannot use column reference in DEFAULT expression (column \"" + column.name() + "\")");
            }
            throw e;
        }
        Object value;
        try (Enumerator<Object> rows = probe.open(List.of(), new ExecutionContext(null, 0))) {
            rows.moveNext();
            value = probe.toClientRow(rows.current())[0];
        }
        Object internal = InternalValues.fromClient(SqlTypeName.valueOf(column.type().name().name()), value);
        // Nullable here: a NULL default of a NOT NULL column is the INSERT's error, not the DDL's.
        try {
            return new Checked(sql, Assignment.toStorage(column.withNullable(true), internal), null);
        } catch (BasaltException e) {
            if (e.sqlState() != SqlState.STRING_DATA_RIGHT_TRUNCATION) {
                throw e;
            }
            return new Checked(sql, null, e);
        }
    }
}

package io.basalt.sql.ddl;

import io.basalt.sql.catalog.Catalog;
import io.basalt.sql.catalog.CatalogManager;
import io.basalt.sql.exec.ExecutionContext;
import io.basalt.sql.parse.BasaltSqlParser;
import io.basalt.sql.plan.CompiledStatement;
import io.basalt.sql.plan.QueryPlanner;
import io.basalt.txn.IsolationLevel;
import io.basalt.txn.Transaction;
import java.util.List;
import org.apache.calcite.linq4j.Enumerator;

/**
 * Asks whether some row of a table meets a condition, for the ALTER TABLE actions that must
 * validate existing rows (SET NOT NULL, ADD CHECK, ADD COLUMN ... NOT NULL). The condition is SQL
 * over the table's columns, planned like any query against the current catalog, so a column's
 * missing value and the table's indexes are used as a SELECT would use them. It reads in a
 * snapshot transaction of its own, begun now: the caller decides what "now" must come after (see
 * {@link TableAlterations} for the fence that makes the answer cover every writer).
 */
final class ExistingRows {
    private final CatalogManager catalog;
    private final QueryPlanner planner;
    private final int partitionCount;

    ExistingRows(CatalogManager catalog, QueryPlanner planner, int partitionCount) {
        this.catalog = catalog;
        this.planner = planner;
        this.partitionCount = partitionCount;
    }

    boolean any(String table, String conditionSql) {
        Catalog current = catalog.current();
        CompiledStatement probe = planner.compile(BasaltSqlParser.parse("SELECT 1 FROM " + DdlNames.quote(table)
                + " WHERE " + conditionSql + " FETCH FIRST 1 ROWS ONLY"), current);
        Transaction txn = catalog.transactions().begin(IsolationLevel.SNAPSHOT);
        try (Enumerator<Object> rows = probe.open(List.of(), new ExecutionContext(txn, partitionCount, null, false,
                current, catalog.transactions(), null, null, ExecutionContext.DEFAULT_USER))) {
            return rows.moveNext();
        } finally {
            txn.rollback(); // read-only: nothing to commit
        }
    }
}

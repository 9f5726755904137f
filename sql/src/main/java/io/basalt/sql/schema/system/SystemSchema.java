package io.basalt.sql.schema.system;

import io.basalt.common.error.BasaltException;
import io.basalt.common.error.SqlState;
import io.basalt.sql.catalog.Catalog;
import io.basalt.sql.schema.BasaltSchema;
import java.util.HashMap;
import java.util.Map;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.RelVisitor;
import org.apache.calcite.rel.core.TableModify;
import org.apache.calcite.rel.core.TableScan;
import org.apache.calcite.schema.Table;
import org.apache.calcite.schema.impl.AbstractSchema;

/**
 * {@code BASALT_CATALOG}: the catalog as read-only SQL tables (listed in {@link SystemTables}), the
 * way PostgreSQL has {@code pg_catalog} and CockroachDB {@code crdb_internal}, and the transaction
 * counters ({@code TRANSACTION_STATISTICS}, as PostgreSQL has {@code pg_stat_database}). The JDBC
 * driver's DatabaseMetaData reads the schema through them with ordinary queries, so it needs no
 * engine classes and will work unchanged over the wire protocol; people can query them too.
 *
 * <p>It is a schema of its own beside {@code PUBLIC}, so user tables may have the same names. It
 * is not on the default path: {@code TABLES} is a user table, {@code BASALT_CATALOG.TABLES} the
 * system one.
 *
 * <p>Why not {@code INFORMATION_SCHEMA}: the standard fixes that schema's tables and columns, and
 * tools that see it expect all of them; ours are shaped after Basalt's catalog (indexes, their
 * placement and state) instead. A standard view can be built on top later.
 */
public final class SystemSchema extends AbstractSchema {
    public static final String NAME = "BASALT_CATALOG";
    static final String USER_SCHEMA = BasaltSchema.NAME;

    private final Map<String, Table> tables = new HashMap<>();

    /** The system tables of a plan made with {@code catalog} (see {@link SystemTable} for which catalog they read). */
    public SystemSchema(Catalog catalog) {
        for (SystemTables.Definition definition : SystemTables.ALL) {
            tables.put(definition.name(),
                    new SystemTable(definition.name(), definition.columns(), definition.rows(), catalog));
        }
    }

    @Override
    protected Map<String, Table> getTableMap() {
        return tables;
    }

    /**
     * Refuses INSERT, UPDATE, DELETE and MERGE on a system table (42809, PostgreSQL's code for
     * "cannot change sequence" and the like: the object is of the wrong kind for the statement).
     * Not 0A000: pools such as HikariCP evict a connection on 0A000.
     *
     * @param rel a statement converted to relational algebra, before optimisation
     */
    public static void refuseChanges(RelNode rel) {
        if (rel instanceof TableModify modify) {
            SystemTable table = modify.getTable().unwrap(SystemTable.class);
            if (table != null) {
                throw readOnly(table.name(), modify.getOperation().name());
            }
        }
    }

    /**
     * Whether a physical plan reads system tables and nothing else stored: such a query reads
     * nothing that a transaction's snapshot or locks protect (neither the catalog nor the
     * transaction counters are versioned with transactions), so a session may run it outside the
     * current transaction.
     */
    public static boolean readsOnlySystemTables(RelNode physical) {
        boolean[] systemOnly = {true};
        boolean[] any = {false};
        new RelVisitor() {
            @Override
            public void visit(RelNode node, int ordinal, RelNode parent) {
                if (node instanceof SystemTableScan) {
                    any[0] = true;
                } else if (node instanceof TableScan || node instanceof TableModify) {
                    systemOnly[0] = false;
                }
                super.visit(node, ordinal, parent);
            }
        }.go(physical);
        return any[0] && systemOnly[0];
    }

    private static BasaltException readOnly(String table, String operation) {
        return new BasaltException(SqlState.WRONG_OBJECT_TYPE, "cannot " + operation + " system table \"" + NAME + "."
                + table + "\": the system catalog is read-only (change the schema with DDL)");
    }
}

package io.basalt.sql.ddl;

import io.basalt.common.error.BasaltException;
import io.basalt.common.error.SqlState;
import io.basalt.sql.catalog.CatalogManager;
import io.basalt.sql.catalog.ColumnDescriptor;
import io.basalt.sql.catalog.ColumnType;
import io.basalt.sql.catalog.IndexDescriptor;
import io.basalt.sql.catalog.TableDescriptor;
import io.basalt.sql.parse.SqlColumnDeclaration;
import io.basalt.sql.parse.SqlCreateIndex;
import io.basalt.sql.parse.SqlDropIndex;
import io.basalt.sql.parse.SqlKeyConstraint;
import io.basalt.sql.parse.SqlCreateTable;
import io.basalt.sql.parse.SqlDropTable;
import io.basalt.sql.plan.QueryPlanner;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlNode;

/**
 * Executes CREATE/DROP TABLE and CREATE/DROP INDEX against the {@link CatalogManager}. Checks what the parser
 * cannot: types and their limits, duplicate and unknown column names, the primary key (required
 * in this release: rows are stored under it), the partition key (a prefix of the primary key),
 * and that a DEFAULT is a valid constant expression.
 */
public final class DdlExecutor {
    private final CatalogManager catalog;
    private final DefaultChecker defaults;
    private final int partitionCount;

    public DdlExecutor(CatalogManager catalog, QueryPlanner planner, int partitionCount) {
        this.catalog = catalog;
        this.defaults = new DefaultChecker(planner);
        this.partitionCount = partitionCount;
    }

    public void createTable(SqlCreateTable create) {
        String name = simpleName(create.name());
        List<ColumnDescriptor> columns = new ArrayList<>();
        Set<String> names = new HashSet<>();
        List<String> primaryKey = create.primaryKeyColumns();
        for (SqlColumnDeclaration declaration : create.columns()) {
            String column = simpleName(declaration.name());
            if (!names.add(column)) {
                throw new BasaltException(SqlState.DUPLICATE_COLUMN,
                        "column \"" + column + "\" specified more than once");
            }
            ColumnType type = ColumnTypes.fromSpec(declaration.dataType(), column);
            boolean nullable = declaration.nullable() && !primaryKey.contains(column);
            ColumnDescriptor descriptor = new ColumnDescriptor(columns.size() + 1, column, type, nullable, null);
            if (declaration.defaultValue() != null) {
                String defaultSql = defaults.check(declaration.defaultValue(), descriptor);
                descriptor = new ColumnDescriptor(descriptor.id(), column, type, nullable, defaultSql);
            }
            columns.add(descriptor);
        }
        if (primaryKey.isEmpty()) {
            throw new BasaltException(SqlState.INVALID_TABLE_DEFINITION, "table \"" + name
                    + "\" needs a PRIMARY KEY: rows are stored under it (tables without one come with a later release)");
        }
        int[] keyPositions = positions(primaryKey, columns, name);
        int partitionKeyLength = partitionKeyLength(create, primaryKey, name);
        List<SqlKeyConstraint> uniqueKeys = create.uniqueKeys();
        List<String> constraintNames = new ArrayList<>();
        List<int[]> uniqueColumns = new ArrayList<>();
        for (SqlKeyConstraint unique : uniqueKeys) {
            int[] positions = positions(unique.columnNames(), columns, name);
            String constraintName = unique.name() != null ? simpleName(unique.name())
                    : generatedName(name, unique.columnNames(), "key");
            if (constraintNames.contains(constraintName)) {
                throw new BasaltException(SqlState.DUPLICATE_TABLE, "relation \"" + constraintName + "\" already exists");
            }
            constraintNames.add(constraintName);
            uniqueColumns.add(positions);
        }
        // The table is empty, so its constraint indexes are readable at once: nothing to backfill.
        catalog.createTable(name, create.ifNotExists(), firstId -> {
            List<IndexDescriptor> indexes = new ArrayList<>();
            for (int i = 0; i < uniqueColumns.size(); i++) {
                indexes.add(new IndexDescriptor(firstId + 1 + i, constraintNames.get(i), uniqueColumns.get(i), true,
                        IndexDescriptor.Placement.GLOBAL, true, IndexDescriptor.State.PUBLIC, 0));
            }
            return new TableDescriptor(firstId, name, columns, keyPositions, partitionKeyLength, indexes);
        }, uniqueColumns.size(), constraintNames);
    }

    public void dropTable(SqlDropTable drop) {
        catalog.dropTable(simpleName(drop.name()), drop.ifExists(), partitionCount);
    }

    /**
     * CREATE INDEX: publishes the index write-only, waits until every older transaction has ended
     * (from then on every writer maintains it), backfills the existing rows online
     * ({@link IndexBackfill}), then makes it public, readable by snapshots after the backfill.
     */
    public void createIndex(SqlCreateIndex create) {
        String tableName = simpleName(create.table());
        TableDescriptor table = catalog.current().table(tableName);
        if (table == null) {
            throw new BasaltException(SqlState.UNDEFINED_TABLE, "relation \"" + tableName + "\" does not exist");
        }
        List<String> columnNames = create.columns().stream().map(DdlExecutor::simpleName).toList();
        int[] positions = positions(columnNames, table.columns(), tableName);
        IndexDescriptor.Placement placement = create.local() ? IndexDescriptor.Placement.LOCAL
                : IndexDescriptor.Placement.GLOBAL;
        if (create.unique() && placement == IndexDescriptor.Placement.LOCAL && !table.partitionKeyWithin(positions)) {
            throw new BasaltException(SqlState.INVALID_TABLE_DEFINITION, "a LOCAL UNIQUE index must include the"
                    + " partition key of table \"" + tableName + "\": each partition checks only its own rows");
        }
        String indexName = create.name() != null ? simpleName(create.name())
                : generatedName(tableName, columnNames, create.unique() ? "key" : "idx");
        IndexDescriptor index = catalog.addIndex(tableName, indexName, create.ifNotExists(),
                id -> new IndexDescriptor(id, indexName, positions, create.unique(), placement, false,
                        IndexDescriptor.State.WRITE_ONLY, Long.MAX_VALUE));
        if (index == null) {
            return; // IF NOT EXISTS, and it did
        }
        try {
            catalog.awaitOlderTransactions();
            TableDescriptor writeOnly = catalog.current().table(tableName);
            new IndexBackfill(catalog.transactions(), writeOnly, index, partitionCount).run();
            long readableFrom = catalog.awaitOlderTransactions();
            catalog.updateIndex(tableName, index.published(readableFrom));
        } catch (RuntimeException e) {
            catalog.dropIndex(indexName, true, partitionCount);
            throw e;
        }
    }

    public void dropIndex(SqlDropIndex drop) {
        catalog.dropIndex(simpleName(drop.name()), drop.ifExists(), partitionCount);
    }

    /** PostgreSQL's default names: table_col1_col2_key for unique constraints, ..._idx for indexes. */
    private static String generatedName(String table, List<String> columns, String suffix) {
        String name = table + "_" + String.join("_", columns) + "_" + suffix;
        // Unquoted names are folded to upper case: keep a generated name reachable without quotes.
        return table.equals(table.toUpperCase(Locale.ROOT)) ? name.toUpperCase(Locale.ROOT) : name;
    }

    private static int[] positions(List<String> keyColumns, List<ColumnDescriptor> columns, String table) {
        int[] positions = new int[keyColumns.size()];
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < positions.length; i++) {
            String column = keyColumns.get(i);
            if (!seen.add(column)) {
                throw new BasaltException(SqlState.DUPLICATE_COLUMN,
                        "column \"" + column + "\" appears twice in primary key constraint");
            }
            positions[i] = -1;
            for (int c = 0; c < columns.size(); c++) {
                if (columns.get(c).name().equals(column)) {
                    positions[i] = c;
                }
            }
            if (positions[i] < 0) {
                throw new BasaltException(SqlState.UNDEFINED_COLUMN,
                        "column \"" + column + "\" named in key does not exist in table \"" + table + "\"");
            }
        }
        return positions;
    }

    private static int partitionKeyLength(SqlCreateTable create, List<String> primaryKey, String table) {
        if (create.partitionBy() == null) {
            return primaryKey.size();
        }
        List<String> partitionColumns = new ArrayList<>();
        for (SqlNode node : create.partitionBy()) {
            partitionColumns.add(simpleName((SqlIdentifier) node));
        }
        if (partitionColumns.isEmpty() || partitionColumns.size() > primaryKey.size()
                || !primaryKey.subList(0, partitionColumns.size()).equals(partitionColumns)) {
            throw new BasaltException(SqlState.INVALID_TABLE_DEFINITION, "the partition key of table \"" + table
                    + "\" must be a leading part of its primary key " + primaryKey);
        }
        return partitionColumns.size();
    }

    private static String simpleName(SqlIdentifier identifier) {
        if (!identifier.isSimple()) {
            throw new BasaltException(SqlState.INVALID_NAME, "schema-qualified names are not supported: " + identifier);
        }
        return identifier.getSimple();
    }
}

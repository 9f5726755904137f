package io.basalt.sql.ddl;

import io.basalt.common.error.BasaltException;
import io.basalt.common.error.SqlState;
import io.basalt.sql.catalog.CatalogManager;
import io.basalt.sql.catalog.ColumnDescriptor;
import io.basalt.sql.catalog.ColumnType;
import io.basalt.sql.catalog.TableDescriptor;
import io.basalt.sql.parse.SqlColumnDeclaration;
import io.basalt.sql.parse.SqlCreateTable;
import io.basalt.sql.parse.SqlDropTable;
import io.basalt.sql.plan.QueryPlanner;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlNode;

/**
 * Executes CREATE TABLE and DROP TABLE against the {@link CatalogManager}. Checks what the parser
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
            if (declaration.unique()) {
                throw uniqueNotSupported();
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
        if (!create.uniqueKeys().isEmpty()) {
            throw uniqueNotSupported();
        }
        if (primaryKey.isEmpty()) {
            throw new BasaltException(SqlState.INVALID_TABLE_DEFINITION, "table \"" + name
                    + "\" needs a PRIMARY KEY: rows are stored under it (tables without one come with a later release)");
        }
        int[] keyPositions = positions(primaryKey, columns, name);
        int partitionKeyLength = partitionKeyLength(create, primaryKey, name);
        catalog.createTable(name, create.ifNotExists(),
                id -> new TableDescriptor(id, name, columns, keyPositions, partitionKeyLength));
    }

    public void dropTable(SqlDropTable drop) {
        catalog.dropTable(simpleName(drop.name()), drop.ifExists(), partitionCount);
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

    private static BasaltException uniqueNotSupported() {
        return new BasaltException(SqlState.FEATURE_NOT_SUPPORTED,
                "UNIQUE constraints need secondary indexes, which come with a later release");
    }

    private static String simpleName(SqlIdentifier identifier) {
        if (!identifier.isSimple()) {
            throw new BasaltException(SqlState.INVALID_NAME, "schema-qualified names are not supported: " + identifier);
        }
        return identifier.getSimple();
    }
}

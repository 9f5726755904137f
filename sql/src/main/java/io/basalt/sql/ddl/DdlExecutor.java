package io.basalt.sql.ddl;

import io.basalt.common.error.BasaltException;
import io.basalt.common.error.SqlState;
import io.basalt.sql.catalog.Catalog;
import io.basalt.sql.catalog.CatalogManager;
import io.basalt.sql.catalog.CheckDescriptor;
import io.basalt.sql.catalog.ForeignKeyDescriptor;
import io.basalt.sql.catalog.ColumnDescriptor;
import io.basalt.sql.catalog.ColumnType;
import io.basalt.sql.catalog.IndexDescriptor;
import io.basalt.sql.catalog.KeyColumns;
import io.basalt.sql.catalog.TableDescriptor;
import io.basalt.sql.catalog.SequenceDescriptor;
import io.basalt.sql.parse.SqlCheckConstraint;
import io.basalt.sql.parse.SqlCreateSequence;
import io.basalt.sql.parse.SqlAlterTable;
import io.basalt.sql.parse.SqlDropSequence;
import io.basalt.sql.parse.SqlTruncate;
import io.basalt.sql.sequence.SequenceAllocator;
import java.util.function.IntFunction;
import io.basalt.sql.parse.SqlColumnDeclaration;
import io.basalt.sql.parse.SqlCreateIndex;
import io.basalt.sql.parse.SqlDropIndex;
import io.basalt.sql.parse.SqlKeyConstraint;
import io.basalt.sql.parse.SqlCreateTable;
import io.basalt.sql.parse.SqlDropTable;
import io.basalt.sql.parse.SqlForeignKeyConstraint;
import io.basalt.sql.plan.QueryPlanner;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.dialect.CalciteSqlDialect;

/**
 * Executes DDL against the {@link CatalogManager} (ALTER TABLE through {@link TableAlterations}). Checks what the parser
 * cannot: types and their limits, duplicate and unknown column names, the primary key (required
 * in this release: rows are stored under it), the partition key (a prefix of the primary key),
 * and that a DEFAULT is a valid constant expression.
 */
public final class DdlExecutor {
    private final CatalogManager catalog;
    private final DefaultChecker defaults;
    private final CheckCompiler checkCompiler;
    private final SequenceAllocator sequences;
    private final int partitionCount;
    private final TableAlterations alterations;

    public DdlExecutor(CatalogManager catalog, QueryPlanner planner, int partitionCount, SequenceAllocator sequences) {
        this.catalog = catalog;
        this.sequences = sequences;
        this.defaults = new DefaultChecker(planner);
        this.checkCompiler = new CheckCompiler(planner);
        this.partitionCount = partitionCount;
        this.alterations = new TableAlterations(catalog, defaults, checkCompiler,
                new ExistingRows(catalog, planner, partitionCount));
    }

    public void createTable(SqlCreateTable create) {
        String name = simpleName(create.name());
        List<ColumnDescriptor> columns = new ArrayList<>();
        Set<String> names = new HashSet<>();
        List<String> primaryKey = create.primaryKeyColumns();
        List<IntFunction<SequenceDescriptor>> ownedSequences = new ArrayList<>();
        for (SqlColumnDeclaration declaration : create.columns()) {
            String column = simpleName(declaration.name());
            if (!names.add(column)) {
                throw new BasaltException(SqlState.DUPLICATE_COLUMN,
                        "column \"" + column + "\" specified more than once");
            }
            ColumnType type = ColumnTypes.fromSpec(declaration.dataType(), column);
            boolean nullable = declaration.nullable() && !primaryKey.contains(column);
            ColumnDescriptor descriptor = new ColumnDescriptor(columns.size() + 1, column, type, nullable, null);
            IdentityColumns.Identity identity = IdentityColumns.of(declaration, name, column, type);
            if (identity != null) {
                if (declaration.defaultValue() != null) {
                    throw new BasaltException(SqlState.SYNTAX_ERROR, "both default and identity specified for column \""
                            + column + "\" of table \"" + name + "\"");
                }
                ownedSequences.add(identity.sequence());
                descriptor = new ColumnDescriptor(descriptor.id(), column, type, false, identity.defaultSql(),
                        identity.kind());
            } else if (declaration.defaultValue() != null) {
                String defaultSql = defaults.check(declaration.defaultValue(), descriptor);
                descriptor = new ColumnDescriptor(descriptor.id(), column, type, nullable, defaultSql);
            }
            columns.add(descriptor);
        }
        if (primaryKey.isEmpty()) {
            throw new BasaltException(SqlState.INVALID_TABLE_DEFINITION, "table \"" + name
                    + "\" needs a PRIMARY KEY: rows are stored under it (tables without one come with a later release)");
        }
        int[] keyPositions = DdlNames.positions(primaryKey, columns, name);
        int partitionKeyLength = partitionKeyLength(create, primaryKey, name);
        ConstraintNames constraintNames = new ConstraintNames(name);

        // Indexes created with the table: one per UNIQUE constraint, and one for each foreign key
        // whose columns lead neither the primary key nor another index (deleting a parent must find
        // its children without reading the whole child table).
        List<String> indexNames = new ArrayList<>();
        List<int[]> indexColumns = new ArrayList<>();
        List<Boolean> indexUnique = new ArrayList<>();
        // Placement: beside the rows whenever that loses nothing. A unique key that includes the
        // partition key is checked within one partition either way, and a foreign key's index only
        // serves deletes of parents; beside the rows, writes to the table stay in one partition.
        List<IndexDescriptor.Placement> indexPlacements = new ArrayList<>();
        TableDescriptor shape = new TableDescriptor(0, name, columns, keyPositions, partitionKeyLength);
        for (SqlKeyConstraint unique : create.uniqueKeys()) {
            indexNames.add(constraintNames.add(unique.name(), unique.columnNames(), "key"));
            int[] uniqueColumns = DdlNames.positions(unique.columnNames(), columns, name);
            indexColumns.add(uniqueColumns);
            indexUnique.add(true);
            indexPlacements.add(shape.partitionKeyWithin(uniqueColumns) ? IndexDescriptor.Placement.LOCAL
                    : IndexDescriptor.Placement.GLOBAL);
        }
        List<SqlForeignKeyConstraint> foreignKeyClauses = create.foreignKeys();
        List<String> foreignKeyNames = new ArrayList<>();
        for (SqlForeignKeyConstraint fk : foreignKeyClauses) {
            foreignKeyNames.add(constraintNames.add(fk.name(), fk.columnNames(), "fkey"));
            int[] fkColumns = DdlNames.positions(fk.columnNames(), columns, name);
            boolean served = KeyColumns.leads(keyPositions, fkColumns)
                    || indexColumns.stream().anyMatch(c -> KeyColumns.leads(c, fkColumns));
            if (!served) {
                indexNames.add(constraintNames.add(null, fk.columnNames(), "fkey_idx"));
                indexColumns.add(fkColumns);
                indexUnique.add(false);
                indexPlacements.add(IndexDescriptor.Placement.LOCAL);
            }
        }
        List<CheckDescriptor> checks = new ArrayList<>();
        for (SqlCheckConstraint check : create.checks()) {
            String checkName = constraintNames.add(check.name(), List.of(), "check");
            checks.add(new CheckDescriptor(checkName, check.condition().toSqlString(CalciteSqlDialect.DEFAULT).getSql()));
        }
        List<ColumnDescriptor> partitionColumns = new ArrayList<>();
        for (int i = 0; i < partitionKeyLength; i++) {
            partitionColumns.add(columns.get(keyPositions[i]));
        }
        List<byte[]> rangeSplits = create.rangeSplits() == null ? List.of()
                : RangeSplits.encode(create.rangeSplits(), partitionColumns, name);
        Catalog before = catalog.current();
        // The table is empty, so its indexes are readable at once: nothing to backfill.
        catalog.createTable(name, create.ifNotExists(), firstId -> {
            List<IndexDescriptor> indexes = new ArrayList<>();
            for (int i = 0; i < indexNames.size(); i++) {
                indexes.add(new IndexDescriptor(firstId + 1 + i, indexNames.get(i), indexColumns.get(i),
                        indexUnique.get(i), indexPlacements.get(i), indexUnique.get(i), IndexDescriptor.State.PUBLIC, 0));
            }
            TableDescriptor table = new TableDescriptor(firstId, name, columns, keyPositions, partitionKeyLength,
                    indexes, List.of(), checks, rangeSplits);
            ForeignKeyResolver resolver = new ForeignKeyResolver(before);
            List<ForeignKeyDescriptor> foreignKeys = new ArrayList<>();
            for (int i = 0; i < foreignKeyClauses.size(); i++) {
                foreignKeys.add(resolver.resolve(foreignKeyClauses.get(i), foreignKeyNames.get(i), table));
            }
            TableDescriptor created = table.withForeignKeys(foreignKeys);
            checkCompiler.validate(before, created);
            return created;
        }, indexNames.size(), indexNames, ownedSequences);
    }

    /** CREATE SEQUENCE, with PostgreSQL's defaults for what it leaves out (see {@link SequenceDefinitions}). */
    public void createSequence(SqlCreateSequence create) {
        String name = simpleName(create.name());
        catalog.createSequence(name, create.ifNotExists(),
                id -> SequenceDefinitions.define(id, name, create.options(), Long.MIN_VALUE, Long.MAX_VALUE, null));
    }

    /** ALTER TABLE, one action (see {@link TableAlterations}). */
    public void alterTable(SqlAlterTable alter) {
        alterations.run(alter);
    }

    public void truncate(SqlTruncate truncate) {
        List<String> names = truncate.tables().stream().map(DdlExecutor::simpleName).toList();
        for (SequenceDescriptor restarted : catalog.truncate(names, truncate.cascade(), truncate.restartIdentity(),
                partitionCount)) {
            sequences.forget(restarted.id());
        }
    }

    public void dropSequence(SqlDropSequence drop) {
        String name = simpleName(drop.name());
        SequenceDescriptor sequence = catalog.current().sequence(name);
        if (catalog.dropSequence(name, drop.ifExists()) && sequence != null) {
            sequences.forget(sequence.id());
        }
    }

    /** Constraint names of one table: given or generated, never twice (42710). */
    private static final class ConstraintNames {
        private final String table;
        private final Set<String> used = new HashSet<>();

        ConstraintNames(String table) {
            this.table = table;
        }

        String add(SqlIdentifier given, List<String> columns, String suffix) {
            String name = given != null ? simpleName(given) : DdlNames.generated(table, columns, suffix);
            if (given == null) {
                String base = name;
                for (int n = 1; used.contains(name); n++) {
                    name = base + n;
                }
            }
            if (!used.add(name)) {
                throw new BasaltException(SqlState.DUPLICATE_OBJECT,
                        "constraint \"" + name + "\" for relation \"" + table + "\" already exists");
            }
            return name;
        }
    }

    public void dropTable(SqlDropTable drop) {
        catalog.dropTable(simpleName(drop.name()), drop.ifExists(), drop.cascade(), partitionCount);
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
        int[] positions = DdlNames.positions(columnNames, table.columns(), tableName);
        IndexDescriptor.Placement placement = create.local() ? IndexDescriptor.Placement.LOCAL
                : IndexDescriptor.Placement.GLOBAL;
        if (create.unique() && placement == IndexDescriptor.Placement.LOCAL && !table.partitionKeyWithin(positions)) {
            throw new BasaltException(SqlState.INVALID_TABLE_DEFINITION, "a LOCAL UNIQUE index must include the"
                    + " partition key of table \"" + tableName + "\": each partition checks only its own rows");
        }
        String indexName = create.name() != null ? simpleName(create.name())
                : DdlNames.generated(tableName, columnNames, create.unique() ? "key" : "idx");
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
        return DdlNames.simple(identifier);
    }
}

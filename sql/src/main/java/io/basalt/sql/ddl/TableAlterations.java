package io.basalt.sql.ddl;

import io.basalt.common.error.BasaltException;
import io.basalt.common.error.SqlState;
import io.basalt.sql.catalog.CatalogManager;
import io.basalt.sql.catalog.CheckDescriptor;
import io.basalt.sql.catalog.ColumnDescriptor;
import io.basalt.sql.catalog.ColumnType;
import io.basalt.sql.catalog.ForeignKeyDescriptor;
import io.basalt.sql.catalog.IndexDescriptor;
import io.basalt.sql.catalog.TableDescriptor;
import io.basalt.sql.catalog.TableDescriptorCodec;
import io.basalt.sql.parse.SqlAlterTable;
import io.basalt.sql.parse.SqlCheckConstraint;
import io.basalt.sql.parse.SqlColumnDeclaration;
import io.basalt.sql.parse.SqlSerialTypeNameSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import org.apache.calcite.sql.dialect.CalciteSqlDialect;

/**
 * ALTER TABLE, one action per statement, as changes of table descriptors: no action rewrites rows.
 *
 * <p><b>ADD COLUMN with a DEFAULT</b> (PostgreSQL 11's fast default): the DEFAULT is evaluated once,
 * now, and stored in the column as its missing value; rows written before the column existed read
 * it (see {@code RowCodec}), later INSERTs evaluate the DEFAULT as usual. A volatile DEFAULT
 * (RAND, NEXT VALUE FOR), an identity or SERIAL column would need a value per row, so they are
 * refused (0A000), as are inline PRIMARY KEY, UNIQUE and REFERENCES.
 *
 * <p><b>Validating existing rows</b> (SET NOT NULL, ADD CHECK, ADD COLUMN NOT NULL without a
 * non-null DEFAULT) while writers go on, the same fence CREATE INDEX uses: (1) the rows are checked
 * once, so the usual failure changes nothing; (2) the constraint is published, and from then on
 * every statement that starts enforces it; (3) {@link CatalogManager#awaitOlderTransactions()}
 * waits out every transaction that may have written under the old definition; (4) the rows are
 * checked again at a snapshot taken after that, which holds every row no writer checked. If (4)
 * finds a violation, the publication is undone and the statement fails; between (2) and the undo,
 * writes that break the constraint were refused (the price of not locking the table).
 *
 * <p><b>Writers with the old definition.</b> Statements take the catalog when they start, so one
 * that started before a change may still write after it. ADD COLUMN and DROP COLUMN therefore
 * also wait for older transactions before returning; meanwhile such a writer's row lacks the new
 * column and reads its missing value, as if it had committed before the ALTER. A statement whose
 * table's columns changed between its start and the end of its writes fails retryably
 * ({@code SqlSession}'s check after the statement's writes are flushed), so it never stores a row
 * laid out for columns that are gone.
 */
final class TableAlterations {
    private final CatalogManager catalog;
    private final DefaultChecker defaults;
    private final CheckCompiler checkCompiler;
    private final ExistingRows existing;

    TableAlterations(CatalogManager catalog, DefaultChecker defaults, CheckCompiler checkCompiler,
                     ExistingRows existing) {
        this.catalog = catalog;
        this.defaults = defaults;
        this.checkCompiler = checkCompiler;
        this.existing = existing;
    }

    void run(SqlAlterTable alter) {
        String table = DdlNames.simple(alter.table());
        if (catalog.current().table(table) == null) {
            if (alter.ifExists()) {
                return;
            }
            throw undefinedTable(table);
        }
        switch (alter.action()) {
            case ADD_COLUMN -> addColumn(table, alter.addColumn(), alter.ifClause());
            case DROP_COLUMN -> dropColumn(table, DdlNames.simple(alter.column()), alter.ifClause());
            case SET_DEFAULT -> changeColumn(table, DdlNames.simple(alter.column()), column -> {
                refuseIdentity(table, column);
                return column.withDefault(defaults.check(alter.expression(), column));
            });
            case DROP_DEFAULT -> changeColumn(table, DdlNames.simple(alter.column()), column -> {
                refuseIdentity(table, column);
                return column.withDefault(null);
            });
            case SET_NOT_NULL -> setNotNull(table, DdlNames.simple(alter.column()));
            case DROP_NOT_NULL -> dropNotNull(table, DdlNames.simple(alter.column()));
            case RENAME_COLUMN -> renameColumn(table, DdlNames.simple(alter.column()), DdlNames.simple(alter.newName()));
            case RENAME_TABLE -> catalog.renameTable(table, DdlNames.simple(alter.newName()), alter.ifExists());
            case ADD_CONSTRAINT -> addConstraint(table, alter);
            case DROP_CONSTRAINT -> dropConstraint(table, DdlNames.simple(alter.column()), alter.ifClause());
        }
    }

    private void addColumn(String tableName, SqlColumnDeclaration declaration, boolean ifNotExists) {
        String column = DdlNames.simple(declaration.name());
        if (ifNotExists && catalog.current().table(tableName).columnIndex(column) >= 0) {
            return; // before any check of the declaration or the rows, as PostgreSQL skips it
        }
        ColumnType type = ColumnTypes.fromSpec(declaration.dataType(), column);
        if (declaration.primaryKey() || !declaration.constraints().isEmpty() || !declaration.foreignKeys().isEmpty()
                || declaration.identity() != null
                || declaration.dataType().getTypeNameSpec() instanceof SqlSerialTypeNameSpec) {
            throw new BasaltException(SqlState.FEATURE_NOT_SUPPORTED, "ADD COLUMN takes no PRIMARY KEY, UNIQUE,"
                    + " REFERENCES, identity or SERIAL: existing rows would each need their own value or index entry"
                    + " (add the column, fill it, then ADD CONSTRAINT or CREATE INDEX)");
        }
        if (declaration.defaultValue() != null && VolatileCalls.in(declaration.defaultValue())) {
            throw new BasaltException(SqlState.FEATURE_NOT_SUPPORTED, "ADD COLUMN with a volatile DEFAULT would give"
                    + " each existing row its own value, which needs a rewrite of the table (add the column, then UPDATE)");
        }
        ColumnDescriptor shape = new ColumnDescriptor(0, column, type, declaration.nullable(), null);
        String defaultSql = null;
        Object missingValue = null;
        if (declaration.defaultValue() != null) {
            DefaultChecker.Checked checked = defaults.evaluate(declaration.defaultValue(), shape);
            defaultSql = checked.sql();
            missingValue = TableDescriptorCodec.normalizeMissingValue(checked.value());
        }
        boolean validate = !declaration.nullable() && missingValue == null;
        if (validate && existing.any(tableName, "TRUE")) {
            throw containsNulls(column, tableName);
        }
        String finalDefault = defaultSql;
        Object finalMissing = missingValue;
        boolean[] added = {false};
        catalog.alterTables(tableName, (all, newId) -> {
            TableDescriptor table = requireTable(all.table(tableName), tableName);
            if (table.columnIndex(column) >= 0) {
                if (ifNotExists) {
                    return List.of();
                }
                throw new BasaltException(SqlState.DUPLICATE_COLUMN, "column \"" + column + "\" of relation \""
                        + tableName + "\" already exists");
            }
            added[0] = true;
            return List.of(ColumnChanges.add(table, new ColumnDescriptor(newId.getAsInt(), column, type,
                    declaration.nullable(), finalDefault, ColumnDescriptor.Identity.NONE, finalMissing)));
        });
        if (!added[0]) {
            return;
        }
        catalog.awaitOlderTransactions();
        if (validate && existing.any(tableName, DdlNames.quote(column) + " IS NULL")) {
            dropColumn(tableName, column, true);
            throw containsNulls(column, tableName);
        }
        if (!declaration.checks().isEmpty()) {
            try {
                for (SqlCheckConstraint check : declaration.checks()) {
                    addCheck(tableName, check);
                }
            } catch (RuntimeException e) {
                dropColumn(tableName, column, true);
                throw e;
            }
        }
    }

    private void dropColumn(String tableName, String column, boolean ifExists) {
        boolean[] dropped = {false};
        catalog.alterTables(tableName, (all, newId) -> {
            TableDescriptor table = requireTable(all.table(tableName), tableName);
            int position = table.columnIndex(column);
            if (position < 0) {
                if (ifExists) {
                    return List.of();
                }
                throw undefinedColumn(column, tableName);
            }
            if (table.columns().size() == 1) {
                throw new BasaltException(SqlState.FEATURE_NOT_SUPPORTED, "cannot drop the only column of a table");
            }
            dropped[0] = true;
            return ColumnChanges.drop(all, table, position);
        });
        if (dropped[0]) {
            catalog.awaitOlderTransactions();
        }
    }

    /** Replaces one column's descriptor; nothing about existing rows changes. */
    private void changeColumn(String tableName, String column, UnaryOperator<ColumnDescriptor> change) {
        catalog.alterTables(tableName, (all, newId) -> {
            TableDescriptor table = requireTable(all.table(tableName), tableName);
            int position = table.columnIndex(column);
            if (position < 0) {
                throw undefinedColumn(column, tableName);
            }
            List<ColumnDescriptor> columns = new ArrayList<>(table.columns());
            ColumnDescriptor changed = change.apply(columns.get(position));
            if (changed.equals(columns.get(position))) {
                return List.of();
            }
            columns.set(position, changed);
            return List.of(table.withColumns(columns));
        });
    }

    private void setNotNull(String tableName, String column) {
        TableDescriptor table = catalog.current().table(tableName);
        int position = table.columnIndex(column);
        if (position < 0) {
            throw undefinedColumn(column, tableName);
        }
        if (!table.columns().get(position).nullable()) {
            return;
        }
        String isNull = DdlNames.quote(column) + " IS NULL";
        if (existing.any(tableName, isNull)) {
            throw containsNulls(column, tableName);
        }
        changeColumn(tableName, column, c -> c.withNullable(false));
        catalog.awaitOlderTransactions();
        if (existing.any(tableName, isNull)) {
            changeColumn(tableName, column, c -> c.withNullable(true));
            throw containsNulls(column, tableName);
        }
    }

    private void dropNotNull(String tableName, String column) {
        changeColumn(tableName, column, c -> {
            TableDescriptor table = catalog.current().table(tableName);
            if (table.isPrimaryKeyColumn(table.columnIndex(column))) {
                throw new BasaltException(SqlState.INVALID_TABLE_DEFINITION, "column \"" + column
                        + "\" is in a primary key");
            }
            refuseIdentity(tableName, c);
            return c.withNullable(true);
        });
    }

    /**
     * Indexes and foreign keys name columns by position and rows store them by id, so only CHECK
     * conditions, stored as SQL text, need rewriting ({@link CheckRenames}).
     */
    private void renameColumn(String tableName, String column, String newName) {
        catalog.alterTables(tableName, (all, newId) -> {
            TableDescriptor table = requireTable(all.table(tableName), tableName);
            int position = table.columnIndex(column);
            if (position < 0) {
                throw undefinedColumn(column, tableName);
            }
            if (table.columnIndex(newName) >= 0) {
                throw new BasaltException(SqlState.DUPLICATE_COLUMN, "column \"" + newName + "\" of relation \""
                        + tableName + "\" already exists");
            }
            List<ColumnDescriptor> columns = new ArrayList<>(table.columns());
            columns.set(position, columns.get(position).withName(newName));
            List<CheckDescriptor> checks = new ArrayList<>();
            for (CheckDescriptor check : table.checks()) {
                checks.add(new CheckDescriptor(check.name(), CheckRenames.rename(check.conditionSql(), column, newName)));
            }
            return List.of(table.withColumns(columns).withChecks(checks));
        });
    }

    private void addConstraint(String tableName, SqlAlterTable alter) {
        if (alter.constraint() instanceof SqlCheckConstraint check) {
            addCheck(tableName, check);
            return;
        }
        throw new BasaltException(SqlState.FEATURE_NOT_SUPPORTED, "ALTER TABLE ADD takes a column or a CHECK"
                + " constraint for now: declare UNIQUE with CREATE UNIQUE INDEX, foreign keys with the table");
    }

    /** ADD [CONSTRAINT name] CHECK: validated against existing rows with the fence described above. */
    private void addCheck(String tableName, SqlCheckConstraint clause) {
        String conditionSql = clause.condition().toSqlString(CalciteSqlDialect.DEFAULT).getSql();
        TableDescriptor table = catalog.current().table(tableName);
        String name = clause.name() != null ? DdlNames.simple(clause.name()) : freeCheckName(table);
        if (constraintExists(table, name)) {
            throw new BasaltException(SqlState.DUPLICATE_OBJECT, "constraint \"" + name + "\" for relation \""
                    + tableName + "\" already exists");
        }
        CheckDescriptor check = new CheckDescriptor(name, conditionSql);
        List<CheckDescriptor> withCheck = new ArrayList<>(table.checks());
        withCheck.add(check);
        checkCompiler.validate(catalog.current(), table.withChecks(List.of(check)));
        String violated = "NOT (" + conditionSql + ")";
        if (existing.any(tableName, violated)) {
            throw checkViolated(name, tableName);
        }
        catalog.alterTables(tableName, (all, newId) -> {
            TableDescriptor current = requireTable(all.table(tableName), tableName);
            if (constraintExists(current, name)) {
                throw new BasaltException(SqlState.DUPLICATE_OBJECT, "constraint \"" + name + "\" for relation \""
                        + tableName + "\" already exists");
            }
            List<CheckDescriptor> checks = new ArrayList<>(current.checks());
            checks.add(check);
            return List.of(current.withChecks(checks));
        });
        catalog.awaitOlderTransactions();
        if (existing.any(tableName, violated)) {
            removeCheck(tableName, name);
            throw checkViolated(name, tableName);
        }
    }

    /**
     * DROP CONSTRAINT: a CHECK or a foreign key goes with its descriptor (nothing in the rows
     * depends on it). A UNIQUE constraint is an index other foreign keys may rely on, and the
     * primary key is how rows are stored: both refused for now.
     */
    private void dropConstraint(String tableName, String name, boolean ifExists) {
        catalog.alterTables(tableName, (all, newId) -> {
            TableDescriptor table = requireTable(all.table(tableName), tableName);
            List<CheckDescriptor> checks = new ArrayList<>(table.checks());
            if (checks.removeIf(c -> c.name().equals(name))) {
                return List.of(table.withChecks(checks));
            }
            List<ForeignKeyDescriptor> foreignKeys = new ArrayList<>(table.foreignKeys());
            if (foreignKeys.removeIf(fk -> fk.name().equals(name))) {
                return List.of(table.withForeignKeys(foreignKeys));
            }
            IndexDescriptor index = table.index(name);
            if (name.equalsIgnoreCase(table.primaryKeyName()) || (index != null && index.constraint())) {
                throw new BasaltException(SqlState.FEATURE_NOT_SUPPORTED, "cannot drop constraint \"" + name
                        + "\" of relation \"" + tableName + "\": dropping a primary key or UNIQUE constraint is not"
                        + " supported yet");
            }
            if (ifExists) {
                return List.of();
            }
            throw new BasaltException(SqlState.UNDEFINED_OBJECT, "constraint \"" + name + "\" of relation \""
                    + tableName + "\" does not exist");
        });
    }

    private void removeCheck(String tableName, String name) {
        catalog.alterTables(tableName, (all, newId) -> {
            TableDescriptor table = requireTable(all.table(tableName), tableName);
            List<CheckDescriptor> checks = new ArrayList<>(table.checks());
            checks.removeIf(c -> c.name().equals(name));
            return List.of(table.withChecks(checks));
        });
    }

    /** PostgreSQL's generated name for a table CHECK, numbered past the ones taken. */
    private static String freeCheckName(TableDescriptor table) {
        String base = DdlNames.generated(table.name(), List.of(), "check");
        String name = base;
        for (int n = 1; constraintExists(table, name); n++) {
            name = base + n;
        }
        return name;
    }

    /** The primary key's name is generated in lower case (PostgreSQL's t_pkey); unquoted, it is folded to upper. */
    private static boolean constraintExists(TableDescriptor table, String name) {
        return table.checks().stream().anyMatch(c -> c.name().equals(name))
                || table.foreignKeys().stream().anyMatch(fk -> fk.name().equals(name))
                || table.index(name) != null || name.equalsIgnoreCase(table.primaryKeyName());
    }

    private static void refuseIdentity(String table, ColumnDescriptor column) {
        if (column.isIdentity()) {
            throw new BasaltException(SqlState.SYNTAX_ERROR, "column \"" + column.name() + "\" of relation \"" + table
                    + "\" is an identity column");
        }
    }

    private static TableDescriptor requireTable(TableDescriptor table, String name) {
        if (table == null) {
            throw undefinedTable(name);
        }
        return table;
    }

    private static BasaltException undefinedTable(String name) {
        return new BasaltException(SqlState.UNDEFINED_TABLE, "relation \"" + name + "\" does not exist");
    }

    private static BasaltException undefinedColumn(String column, String table) {
        return new BasaltException(SqlState.UNDEFINED_COLUMN, "column \"" + column + "\" of relation \"" + table
                + "\" does not exist");
    }

    private static BasaltException containsNulls(String column, String table) {
        return new BasaltException(SqlState.NOT_NULL_VIOLATION, "column \"" + column + "\" of relation \"" + table
                + "\" contains null values");
    }

    private static BasaltException checkViolated(String name, String table) {
        return new BasaltException(SqlState.CHECK_VIOLATION, "check constraint \"" + name + "\" of relation \""
                + table + "\" is violated by some row");
    }
}

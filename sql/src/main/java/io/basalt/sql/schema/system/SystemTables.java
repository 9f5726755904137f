package io.basalt.sql.schema.system;

import io.basalt.sql.catalog.Catalog;
import io.basalt.sql.catalog.CheckDescriptor;
import io.basalt.sql.catalog.ColumnDescriptor;
import io.basalt.sql.catalog.ColumnType;
import io.basalt.sql.catalog.ForeignKeyDescriptor;
import io.basalt.sql.catalog.IndexDescriptor;
import io.basalt.sql.catalog.SequenceDescriptor;
import io.basalt.sql.catalog.TableDescriptor;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;

/**
 * The tables of {@link SystemSchema}: their columns and how their rows follow from a catalog
 * snapshot, or for TRANSACTION_STATISTICS from the transaction counters. Names avoid SQL reserved
 * words so that they can be queried without quotes; flags are BOOLEAN columns named {@code IS_...}.
 *
 * <pre>
 * SCHEMAS            SCHEMA_NAME
 * TABLES             TABLE_SCHEMA, TABLE_NAME, TABLE_TYPE ('TABLE' or 'SYSTEM TABLE'),
 *                    TABLE_ID (null for system tables)
 * COLUMNS            TABLE_SCHEMA, TABLE_NAME, COLUMN_NAME, ORDINAL_POSITION (from 1), TYPE_NAME ('DECIMAL'),
 *                    TYPE_PRECISION, TYPE_SCALE, DECLARED_TYPE ('DECIMAL(10, 2)'), IS_NULLABLE,
 *                    COLUMN_DEFAULT (SQL text), IS_IDENTITY
 * INDEXES            TABLE_SCHEMA, TABLE_NAME, INDEX_NAME, INDEX_ID, IS_PRIMARY_KEY, IS_UNIQUE, IS_CONSTRAINT,
 *                    PLACEMENT ('GLOBAL', 'LOCAL'; null for the primary key), STATE ('PUBLIC', 'WRITE_ONLY')
 * INDEX_COLUMNS      TABLE_SCHEMA, TABLE_NAME, INDEX_NAME, ORDINAL_POSITION (from 1, in key order), COLUMN_NAME
 * TYPES              TYPE_NAME, PARAMETERS ('length', 'precision,scale', 'precision'), MAX_PRECISION, MAX_SCALE
 * FOREIGN_KEYS       TABLE_SCHEMA, TABLE_NAME (the referencing table), CONSTRAINT_NAME, ORDINAL_POSITION
 *                    (from 1, in the referenced key's order), COLUMN_NAME, REFERENCED_TABLE_SCHEMA,
 *                    REFERENCED_TABLE_NAME, REFERENCED_COLUMN_NAME, REFERENCED_KEY_NAME,
 *                    DELETE_RULE ('RESTRICT', 'CASCADE', 'SET NULL'), UPDATE_RULE ('NO ACTION')
 * CHECK_CONSTRAINTS  TABLE_SCHEMA, TABLE_NAME, CONSTRAINT_NAME, CHECK_CLAUSE (SQL text)
 * SEQUENCES          SEQUENCE_SCHEMA, SEQUENCE_NAME, START_VALUE, INCREMENT, MIN_VALUE, MAX_VALUE (BIGINT),
 *                    CACHE_SIZE, IS_CYCLE, OWNED_BY_TABLE (the table of the identity column it feeds, or null)
 * TRANSACTION_STATISTICS
 *                    STATISTIC ('one_phase_commits', ...), AMOUNT (BIGINT)
 * </pre>
 *
 * <p>TYPE_PRECISION is the declared length of CHAR and VARCHAR (null: unbounded VARCHAR), the
 * precision of DECIMAL (null: unconstrained NUMERIC, DECLARED_TYPE 'NUMERIC') and the
 * fractional-second digits of TIME and TIMESTAMP; null for the other types. TYPE_SCALE is
 * DECIMAL's scale (null for unconstrained NUMERIC), else null.
 *
 * <p>The primary key is listed in INDEXES (named {@link TableDescriptor#primaryKeyName()}, with the
 * table's id, since the rows are its entries), as PostgreSQL lists it in {@code pg_index}: tools
 * that show a table's indexes expect it there, and the key's columns and order come from one place.
 *
 * <p>FOREIGN_KEYS has a row per column pair, as the catalog pairs them: in the order of the
 * referenced key, not of the FOREIGN KEY clause ({@code FOREIGN KEY (b, a) REFERENCES p (y, x)}
 * where p's key is {@code (x, y)} lists {@code a = x} first), which is the order JDBC's KEY_SEQ
 * means. REFERENCED_KEY_NAME names that key: the parent's primary key or the unique index (UNIQUE
 * constraint) whose columns the foreign key references. ON DELETE NO ACTION is stored, and shown,
 * as RESTRICT: Basalt enforces the two alike and has no deferred constraints for them to differ
 * by. ON UPDATE takes only NO ACTION or RESTRICT (both refuse to change a referenced key) and the
 * catalog does not keep which, so UPDATE_RULE is always the default's name.
 *
 * <p>SEQUENCES lists the definitions, not the progress: the next value lives in the key-value
 * layer and is handed out in blocks, so no snapshot of it would be true for long. Sequences owned
 * by a table go away with it, which is why a tool that empties a schema (Flyway's clean) needs
 * OWNED_BY_TABLE to tell which ones it must drop itself.
 *
 * <p>TRANSACTION_STATISTICS has a row per counter of the statement's transaction manager
 * ({@link io.basalt.txn.TxnStats#counters()}, which names them and keeps the names stable), counted
 * since the database was opened and not kept across restarts. Every transaction counts, those that
 * run DDL and foreign-key checks included; a query of the table is one too, but its own commit
 * counts after its rows were read, so it shows at the next query. It is empty when the plan runs
 * without a transaction manager.
 */
final class SystemTables {
    static final String SCHEMAS = "SCHEMAS";
    static final String TABLES = "TABLES";
    static final String COLUMNS = "COLUMNS";
    static final String INDEXES = "INDEXES";
    static final String INDEX_COLUMNS = "INDEX_COLUMNS";
    static final String TYPES = "TYPES";
    static final String FOREIGN_KEYS = "FOREIGN_KEYS";
    static final String CHECK_CONSTRAINTS = "CHECK_CONSTRAINTS";
    static final String SEQUENCES = "SEQUENCES";
    static final String TRANSACTION_STATISTICS = "TRANSACTION_STATISTICS";

    /** A system table before it is bound to the catalog it was planned with. */
    record Definition(String name, List<ColumnDescriptor> columns,
                      Function<SystemTableContext, List<Object[]>> rows) {
    }

    private static final ColumnType TEXT = ColumnType.of(ColumnType.Name.VARCHAR);
    private static final ColumnType INTEGER = ColumnType.of(ColumnType.Name.INTEGER);
    private static final ColumnType BIGINT = ColumnType.of(ColumnType.Name.BIGINT);
    private static final ColumnType BOOLEAN = ColumnType.of(ColumnType.Name.BOOLEAN);
    private static final String NO_ACTION = "NO ACTION";

    static final List<Definition> ALL = List.of(
            new Definition(SCHEMAS, new Columns().add("SCHEMA_NAME", TEXT).build(),
                    fromCatalog(SystemTables::schemaRows)),
            new Definition(TABLES, new Columns().add("TABLE_SCHEMA", TEXT).add("TABLE_NAME", TEXT)
                    .add("TABLE_TYPE", TEXT).addNullable("TABLE_ID", INTEGER).build(),
                    fromCatalog(SystemTables::tableRows)),
            new Definition(COLUMNS, new Columns().add("TABLE_SCHEMA", TEXT).add("TABLE_NAME", TEXT)
                    .add("COLUMN_NAME", TEXT).add("ORDINAL_POSITION", INTEGER).add("TYPE_NAME", TEXT)
                    .addNullable("TYPE_PRECISION", INTEGER).addNullable("TYPE_SCALE", INTEGER)
                    .add("DECLARED_TYPE", TEXT).add("IS_NULLABLE", BOOLEAN).addNullable("COLUMN_DEFAULT", TEXT)
                    .add("IS_IDENTITY", BOOLEAN).build(), fromCatalog(SystemTables::columnRows)),
            new Definition(INDEXES, new Columns().add("TABLE_SCHEMA", TEXT).add("TABLE_NAME", TEXT)
                    .add("INDEX_NAME", TEXT).add("INDEX_ID", INTEGER).add("IS_PRIMARY_KEY", BOOLEAN)
                    .add("IS_UNIQUE", BOOLEAN).add("IS_CONSTRAINT", BOOLEAN).addNullable("PLACEMENT", TEXT)
                    .add("STATE", TEXT).build(), fromCatalog(SystemTables::indexRows)),
            new Definition(INDEX_COLUMNS, new Columns().add("TABLE_SCHEMA", TEXT).add("TABLE_NAME", TEXT)
                    .add("INDEX_NAME", TEXT).add("ORDINAL_POSITION", INTEGER).add("COLUMN_NAME", TEXT).build(),
                    fromCatalog(SystemTables::indexColumnRows)),
            new Definition(TYPES, new Columns().add("TYPE_NAME", TEXT).addNullable("PARAMETERS", TEXT)
                    .addNullable("MAX_PRECISION", INTEGER).addNullable("MAX_SCALE", INTEGER).build(),
                    context -> typeRows()),
            new Definition(FOREIGN_KEYS, new Columns().add("TABLE_SCHEMA", TEXT).add("TABLE_NAME", TEXT)
                    .add("CONSTRAINT_NAME", TEXT).add("ORDINAL_POSITION", INTEGER).add("COLUMN_NAME", TEXT)
                    .add("REFERENCED_TABLE_SCHEMA", TEXT).add("REFERENCED_TABLE_NAME", TEXT)
                    .add("REFERENCED_COLUMN_NAME", TEXT).addNullable("REFERENCED_KEY_NAME", TEXT)
                    .add("DELETE_RULE", TEXT).add("UPDATE_RULE", TEXT).build(),
                    fromCatalog(SystemTables::foreignKeyRows)),
            new Definition(CHECK_CONSTRAINTS, new Columns().add("TABLE_SCHEMA", TEXT).add("TABLE_NAME", TEXT)
                    .add("CONSTRAINT_NAME", TEXT).add("CHECK_CLAUSE", TEXT).build(),
                    fromCatalog(SystemTables::checkRows)),
            new Definition(SEQUENCES, new Columns().add("SEQUENCE_SCHEMA", TEXT).add("SEQUENCE_NAME", TEXT)
                    .add("START_VALUE", BIGINT).add("INCREMENT", BIGINT).add("MIN_VALUE", BIGINT)
                    .add("MAX_VALUE", BIGINT).add("CACHE_SIZE", INTEGER).add("IS_CYCLE", BOOLEAN)
                    .addNullable("OWNED_BY_TABLE", TEXT).build(), fromCatalog(SystemTables::sequenceRows)),
            new Definition(TRANSACTION_STATISTICS, new Columns().add("STATISTIC", TEXT).add("AMOUNT", BIGINT).build(),
                    SystemTables::transactionStatisticRows));

    private SystemTables() {
    }

    /** The rows of a table that describes the schema: they follow from the catalog alone. */
    private static Function<SystemTableContext, List<Object[]>> fromCatalog(Function<Catalog, List<Object[]>> rows) {
        return context -> rows.apply(context.catalog());
    }

    private static List<Object[]> schemaRows(Catalog catalog) {
        return List.of(new Object[] {SystemSchema.NAME}, new Object[] {SystemSchema.USER_SCHEMA});
    }

    private static List<Object[]> tableRows(Catalog catalog) {
        List<Object[]> rows = new ArrayList<>();
        for (Definition system : ALL) {
            rows.add(new Object[] {SystemSchema.NAME, system.name(), "SYSTEM TABLE", null});
        }
        for (TableDescriptor table : catalog.tables()) {
            rows.add(new Object[] {SystemSchema.USER_SCHEMA, table.name(), "TABLE", table.id()});
        }
        return rows;
    }

    private static List<Object[]> columnRows(Catalog catalog) {
        List<Object[]> rows = new ArrayList<>();
        for (Definition system : ALL) {
            addColumnRows(rows, SystemSchema.NAME, system.name(), system.columns());
        }
        for (TableDescriptor table : catalog.tables()) {
            addColumnRows(rows, SystemSchema.USER_SCHEMA, table.name(), table.columns());
        }
        return rows;
    }

    private static void addColumnRows(List<Object[]> rows, String schema, String table, List<ColumnDescriptor> columns) {
        for (int i = 0; i < columns.size(); i++) {
            ColumnDescriptor column = columns.get(i);
            ColumnType type = column.type();
            rows.add(new Object[] {schema, table, column.name(), i + 1, type.name().name(), precisionOf(type),
                type.name() == ColumnType.Name.DECIMAL && !type.isUnconstrainedDecimal() ? type.scale() : null,
                type.sqlText(), column.nullable(),
                column.defaultSql(), column.isIdentity()});
        }
    }

    private static Integer precisionOf(ColumnType type) {
        return switch (type.name()) {
            case CHAR, TIME, TIMESTAMP -> type.precision();
            case DECIMAL, VARCHAR -> type.precision() == ColumnType.UNBOUNDED ? null : type.precision();
            default -> null;
        };
    }

    private static List<Object[]> indexRows(Catalog catalog) {
        List<Object[]> rows = new ArrayList<>();
        for (TableDescriptor table : catalog.tables()) {
            rows.add(new Object[] {SystemSchema.USER_SCHEMA, table.name(), table.primaryKeyName(), table.id(), true,
                true, true, null, IndexDescriptor.State.PUBLIC.name()});
            for (IndexDescriptor index : table.indexes()) {
                rows.add(new Object[] {SystemSchema.USER_SCHEMA, table.name(), index.name(), index.id(), false,
                    index.unique(), index.constraint(), index.placement().name(), index.state().name()});
            }
        }
        return rows;
    }

    private static List<Object[]> indexColumnRows(Catalog catalog) {
        List<Object[]> rows = new ArrayList<>();
        for (TableDescriptor table : catalog.tables()) {
            addIndexColumnRows(rows, table, table.primaryKeyName(), table.primaryKey());
            for (IndexDescriptor index : table.indexes()) {
                addIndexColumnRows(rows, table, index.name(), index.columns());
            }
        }
        return rows;
    }

    private static void addIndexColumnRows(List<Object[]> rows, TableDescriptor table, String index, int[] positions) {
        for (int i = 0; i < positions.length; i++) {
            rows.add(new Object[] {SystemSchema.USER_SCHEMA, table.name(), index, i + 1,
                table.columns().get(positions[i]).name()});
        }
    }

    private static List<Object[]> foreignKeyRows(Catalog catalog) {
        List<Object[]> rows = new ArrayList<>();
        for (TableDescriptor table : catalog.tables()) {
            for (ForeignKeyDescriptor fk : table.foreignKeys()) {
                TableDescriptor parent = catalog.tableById(fk.parentTableId());
                if (parent == null) {
                    continue; // cannot happen (DROP TABLE drops or refuses the keys), but must not break metadata
                }
                int[] columns = fk.columns();
                int[] parentColumns = fk.parentColumns();
                String keyName = referencedKeyName(parent, parentColumns);
                for (int i = 0; i < columns.length; i++) {
                    rows.add(new Object[] {SystemSchema.USER_SCHEMA, table.name(), fk.name(), i + 1,
                        table.columns().get(columns[i]).name(), SystemSchema.USER_SCHEMA, parent.name(),
                        parent.columns().get(parentColumns[i]).name(), keyName, deleteRule(fk.onDelete()),
                        NO_ACTION});
                }
            }
        }
        return rows;
    }

    /**
     * The primary key or unique index whose columns, in its order, are {@code parentColumns}: the
     * key {@code ForeignKeyResolver} chose, looked for in the same order (the primary key first).
     * Null only if there is none, which DROP INDEX prevents.
     */
    private static String referencedKeyName(TableDescriptor parent, int[] parentColumns) {
        if (Arrays.equals(parent.primaryKey(), parentColumns)) {
            return parent.primaryKeyName();
        }
        for (IndexDescriptor index : parent.indexes()) {
            if (index.unique() && Arrays.equals(index.columns(), parentColumns)) {
                return index.name();
            }
        }
        return null;
    }

    private static String deleteRule(ForeignKeyDescriptor.OnDelete onDelete) {
        return switch (onDelete) {
            case RESTRICT -> "RESTRICT";
            case CASCADE -> "CASCADE";
            case SET_NULL -> "SET NULL";
        };
    }

    private static List<Object[]> checkRows(Catalog catalog) {
        List<Object[]> rows = new ArrayList<>();
        for (TableDescriptor table : catalog.tables()) {
            for (CheckDescriptor check : table.checks()) {
                rows.add(new Object[] {SystemSchema.USER_SCHEMA, table.name(), check.name(), check.conditionSql()});
            }
        }
        return rows;
    }

    private static List<Object[]> sequenceRows(Catalog catalog) {
        List<Object[]> rows = new ArrayList<>();
        for (SequenceDescriptor sequence : catalog.sequences()) {
            rows.add(new Object[] {SystemSchema.USER_SCHEMA, sequence.name(), sequence.start(), sequence.increment(),
                sequence.minValue(), sequence.maxValue(), sequence.cache(), sequence.cycle(), sequence.ownedBy()});
        }
        return rows;
    }

    private static List<Object[]> transactionStatisticRows(SystemTableContext context) {
        if (context.txnStats() == null) {
            return List.of();
        }
        List<Object[]> rows = new ArrayList<>();
        context.txnStats().counters().forEach((name, amount) -> rows.add(new Object[] {name, amount}));
        return rows;
    }

    /**
     * The types a column can have, with the limits CREATE TABLE enforces ({@code ddl.ColumnTypes}):
     * CHAR and VARCHAR take any positive length, DECIMAL up to {@link ColumnType#MAX_DECIMAL_PRECISION}
     * digits with a scale no larger than its precision, TIME and TIMESTAMP up to milliseconds.
     */
    private static List<Object[]> typeRows() {
        List<Object[]> rows = new ArrayList<>();
        for (ColumnType.Name name : ColumnType.Name.values()) {
            rows.add(switch (name) {
                case CHAR, VARCHAR -> new Object[] {name.name(), "length", Integer.MAX_VALUE, null};
                case DECIMAL -> new Object[] {name.name(), "precision,scale", ColumnType.MAX_DECIMAL_PRECISION,
                    ColumnType.MAX_DECIMAL_PRECISION};
                case TIME, TIMESTAMP -> new Object[] {name.name(), "precision", ColumnType.MAX_FRACTIONAL_SECONDS, null};
                default -> new Object[] {name.name(), null, null, null};
            });
        }
        return rows;
    }

    /** Column descriptors in order, with ids from 1 like a user table's. */
    private static final class Columns {
        private final List<ColumnDescriptor> columns = new ArrayList<>();

        Columns add(String name, ColumnType type) {
            columns.add(new ColumnDescriptor(columns.size() + 1, name, type, false, null));
            return this;
        }

        Columns addNullable(String name, ColumnType type) {
            columns.add(new ColumnDescriptor(columns.size() + 1, name, type, true, null));
            return this;
        }

        List<ColumnDescriptor> build() {
            return List.copyOf(columns);
        }
    }
}

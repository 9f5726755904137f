package io.basalt.sql.ddl;

import io.basalt.common.error.BasaltException;
import io.basalt.common.error.SqlState;
import io.basalt.sql.catalog.Catalog;
import io.basalt.sql.catalog.CheckDescriptor;
import io.basalt.sql.catalog.ColumnDescriptor;
import io.basalt.sql.catalog.ForeignKeyDescriptor;
import io.basalt.sql.catalog.IndexDescriptor;
import io.basalt.sql.catalog.TableDescriptor;
import java.util.ArrayList;
import java.util.List;

/**
 * ALTER TABLE ADD / DROP COLUMN as changes of table descriptors. Rows store values by column id,
 * never by position, so neither rewrites a row: an added column (with a fresh id that was never
 * used, from the catalog's id counter) reads as its missing value in existing rows (NULL unless
 * it was added with a DEFAULT, see {@link TableAlterations}), and a dropped column's
 * values stay in the rows, unread. Positions after a dropped column shift down, in the table and
 * in every foreign key that references it.
 */
final class ColumnChanges {
    private ColumnChanges() {
    }

    static TableDescriptor add(TableDescriptor table, ColumnDescriptor column) {
        List<ColumnDescriptor> columns = new ArrayList<>(table.columns());
        columns.add(column);
        return table.with(table.id(), columns, table.primaryKey(), table.indexes(), table.foreignKeys());
    }

    /** The tables to store after dropping {@code position} of {@code table}: it, and those whose foreign keys point at it. */
    static List<TableDescriptor> drop(Catalog catalog, TableDescriptor table, int position) {
        String column = table.columns().get(position).name();
        if (table.isPrimaryKeyColumn(position)) {
            throw dependent(column, "the primary key of \"" + table.name() + "\"");
        }
        for (IndexDescriptor index : table.indexes()) {
            if (contains(index.columns(), position)) {
                throw dependent(column, "index \"" + index.name() + "\"");
            }
        }
        for (ForeignKeyDescriptor fk : table.foreignKeys()) {
            if (contains(fk.columns(), position)) {
                throw dependent(column, "constraint \"" + fk.name() + "\"");
            }
        }
        for (Catalog.Reference reference : catalog.referencing(table.id())) {
            if (contains(reference.foreignKey().parentColumns(), position)) {
                throw dependent(column, "constraint \"" + reference.foreignKey().name() + "\" on table \""
                        + reference.child().name() + "\"");
            }
        }
        for (CheckDescriptor check : table.checks()) {
            if (check.conditionSql().contains("\"" + column.replace("\"", "\"\"") + "\"")) {
                throw dependent(column, "check constraint \"" + check.name() + "\"");
            }
        }
        List<ColumnDescriptor> columns = new ArrayList<>(table.columns());
        columns.remove(position);
        List<IndexDescriptor> indexes = new ArrayList<>();
        for (IndexDescriptor index : table.indexes()) {
            indexes.add(new IndexDescriptor(index.id(), index.name(), shift(index.columns(), position), index.unique(),
                    index.placement(), index.constraint(), index.state(), index.readableFrom()));
        }
        List<TableDescriptor> changed = new ArrayList<>();
        TableDescriptor altered = table.with(table.id(), columns, shift(table.primaryKey(), position), indexes,
                shiftOwn(table.foreignKeys(), table.id(), position));
        changed.add(altered);
        for (TableDescriptor other : catalog.tables()) {
            if (other.id() == table.id()) {
                continue;
            }
            List<ForeignKeyDescriptor> foreignKeys = new ArrayList<>();
            boolean references = false;
            for (ForeignKeyDescriptor fk : other.foreignKeys()) {
                references |= fk.parentTableId() == table.id();
                foreignKeys.add(fk.parentTableId() == table.id() ? new ForeignKeyDescriptor(fk.name(), fk.columns(),
                        fk.parentTableId(), shift(fk.parentColumns(), position), fk.onDelete()) : fk);
            }
            if (references) {
                changed.add(other.withForeignKeys(foreignKeys));
            }
        }
        return changed;
    }

    /** The table's own foreign keys: their columns shift, and so do their parent columns when they reference it. */
    private static List<ForeignKeyDescriptor> shiftOwn(List<ForeignKeyDescriptor> foreignKeys, int tableId, int position) {
        List<ForeignKeyDescriptor> shifted = new ArrayList<>();
        for (ForeignKeyDescriptor fk : foreignKeys) {
            int[] parentColumns = fk.parentTableId() == tableId ? shift(fk.parentColumns(), position) : fk.parentColumns();
            shifted.add(new ForeignKeyDescriptor(fk.name(), shift(fk.columns(), position), fk.parentTableId(),
                    parentColumns, fk.onDelete()));
        }
        return shifted;
    }

    private static int[] shift(int[] positions, int dropped) {
        int[] shifted = positions.clone();
        for (int i = 0; i < shifted.length; i++) {
            if (shifted[i] > dropped) {
                shifted[i]--;
            }
        }
        return shifted;
    }

    private static boolean contains(int[] positions, int position) {
        for (int p : positions) {
            if (p == position) {
                return true;
            }
        }
        return false;
    }

    private static BasaltException dependent(String column, String what) {
        return new BasaltException(SqlState.DEPENDENT_OBJECTS_STILL_EXIST, "cannot drop column \"" + column
                + "\" because " + what + " depends on it");
    }
}

package io.basalt.sql.ddl;

import io.basalt.common.error.BasaltException;
import io.basalt.common.error.SqlState;
import io.basalt.sql.catalog.Catalog;
import io.basalt.sql.catalog.ColumnDescriptor;
import io.basalt.sql.catalog.ColumnType;
import io.basalt.sql.catalog.ForeignKeyDescriptor;
import io.basalt.sql.catalog.IndexDescriptor;
import io.basalt.sql.catalog.TableDescriptor;
import io.basalt.sql.parse.ReferentialAction;
import io.basalt.sql.parse.SqlForeignKeyConstraint;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Turns a FOREIGN KEY / REFERENCES clause into a {@link ForeignKeyDescriptor}, checking what
 * PostgreSQL checks: the parent exists (or is the table being created), the referenced columns are
 * its primary key or carry a unique constraint (42830), the column counts and types match (42804),
 * and the actions are ones Basalt carries out (0A000 for ON UPDATE CASCADE / SET NULL and SET
 * DEFAULT). The column pairs are stored in the order of the referenced key, so that a child's
 * values make the parent's key directly.
 */
final class ForeignKeyResolver {
    private final Catalog catalog;

    ForeignKeyResolver(Catalog catalog) {
        this.catalog = catalog;
    }

    /**
     * @param self the table being created, for a foreign key that references it (its id may still be 0)
     */
    ForeignKeyDescriptor resolve(SqlForeignKeyConstraint clause, String name, TableDescriptor self) {
        String parentName = DdlNames.simple(clause.parent());
        boolean selfReference = parentName.equals(self.name());
        TableDescriptor parent = selfReference ? self : catalog.table(parentName);
        if (parent == null) {
            throw new BasaltException(SqlState.UNDEFINED_TABLE, "relation \"" + parentName + "\" does not exist");
        }
        int[] columns = DdlNames.positions(clause.columnNames(), self.columns(), self.name());
        int[] parentColumns = clause.parentColumnNames().isEmpty() ? parent.primaryKey()
                : DdlNames.positions(clause.parentColumnNames(), parent.columns(), parent.name());
        if (columns.length != parentColumns.length) {
            throw new BasaltException(SqlState.INVALID_FOREIGN_KEY,
                    "number of referencing and referenced columns for foreign key \"" + name + "\" disagree");
        }
        int[] key = referencedKey(parent, parentColumns);
        if (key == null) {
            throw new BasaltException(SqlState.INVALID_FOREIGN_KEY, "there is no unique constraint matching given keys"
                    + " for referenced table \"" + parent.name() + "\"");
        }
        // Reorder the pairs into the referenced key's column order.
        int[] orderedColumns = new int[key.length];
        for (int i = 0; i < key.length; i++) {
            for (int j = 0; j < parentColumns.length; j++) {
                if (parentColumns[j] == key[i]) {
                    orderedColumns[i] = columns[j];
                }
            }
            checkTypes(self.columns().get(orderedColumns[i]), parent.columns().get(key[i]), name);
        }
        return new ForeignKeyDescriptor(name, orderedColumns, selfReference ? self.id() : parent.id(), key,
                onDelete(clause));
    }

    /** The parent's primary key or unique index whose columns are {@code columns} in some order, in its own order. */
    private static int[] referencedKey(TableDescriptor parent, int[] columns) {
        List<int[]> keys = new ArrayList<>();
        keys.add(parent.primaryKey());
        for (IndexDescriptor index : parent.indexes()) {
            if (index.unique() && index.isPublic()) {
                keys.add(index.columns());
            }
        }
        int[] wanted = columns.clone();
        Arrays.sort(wanted);
        for (int[] key : keys) {
            int[] sorted = key.clone();
            Arrays.sort(sorted);
            if (Arrays.equals(sorted, wanted)) {
                return key;
            }
        }
        return null;
    }

    private static void checkTypes(ColumnDescriptor child, ColumnDescriptor parent, String name) {
        ColumnType.Name a = child.type().name();
        ColumnType.Name b = parent.type().name();
        boolean compatible = a == b && (a != ColumnType.Name.DECIMAL || child.type().scale() == parent.type().scale())
                || isInteger(a) && isInteger(b)
                || a == ColumnType.Name.VARCHAR && b == ColumnType.Name.VARCHAR;
        if (!compatible) {
            throw new BasaltException(SqlState.DATATYPE_MISMATCH, "foreign key constraint \"" + name
                    + "\" cannot be implemented: key columns \"" + child.name() + "\" and \"" + parent.name()
                    + "\" are of incompatible types: " + child.type() + " and " + parent.type());
        }
    }

    private static boolean isInteger(ColumnType.Name name) {
        return name == ColumnType.Name.SMALLINT || name == ColumnType.Name.INTEGER || name == ColumnType.Name.BIGINT;
    }

    private static ForeignKeyDescriptor.OnDelete onDelete(SqlForeignKeyConstraint clause) {
        if (clause.onUpdate() != ReferentialAction.NO_ACTION && clause.onUpdate() != ReferentialAction.RESTRICT) {
            throw new BasaltException(SqlState.FEATURE_NOT_SUPPORTED,
                    "ON UPDATE " + clause.onUpdate().sql() + " is not supported: only NO ACTION and RESTRICT");
        }
        return switch (clause.onDelete()) {
            case NO_ACTION, RESTRICT -> ForeignKeyDescriptor.OnDelete.RESTRICT;
            case CASCADE -> ForeignKeyDescriptor.OnDelete.CASCADE;
            case SET_NULL -> ForeignKeyDescriptor.OnDelete.SET_NULL;
            case SET_DEFAULT -> throw new BasaltException(SqlState.FEATURE_NOT_SUPPORTED,
                    "ON DELETE SET DEFAULT is not supported");
        };
    }
}

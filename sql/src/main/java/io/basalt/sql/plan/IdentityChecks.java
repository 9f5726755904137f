package io.basalt.sql.plan;

import io.basalt.common.error.BasaltException;
import io.basalt.common.error.SqlState;
import io.basalt.sql.catalog.Catalog;
import io.basalt.sql.catalog.ColumnDescriptor;
import io.basalt.sql.catalog.TableDescriptor;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlInsert;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.SqlUpdate;

/**
 * Refuses values for GENERATED ALWAYS identity columns (428C9), as PostgreSQL does: an INSERT may
 * not name the column (nor leave out its column list, which names them all), an UPDATE may not set it.
 */
final class IdentityChecks {
    private IdentityChecks() {
    }

    static void check(SqlNode statement, Catalog catalog) {
        if (statement instanceof SqlInsert insert) {
            TableDescriptor table = table(insert.getTargetTable(), catalog);
            if (table != null) {
                refuse(table, insert.getTargetColumnList(), "cannot insert a non-DEFAULT value into column");
            }
        } else if (statement instanceof SqlUpdate update) {
            TableDescriptor table = table(update.getTargetTable(), catalog);
            if (table != null) {
                refuse(table, update.getTargetColumnList(), "column can only be updated to DEFAULT:");
            }
        }
    }

    private static void refuse(TableDescriptor table, SqlNodeList targets, String message) {
        for (ColumnDescriptor column : table.columns()) {
            if (column.identity() != ColumnDescriptor.Identity.ALWAYS) {
                continue;
            }
            boolean named = targets == null || targets.stream().anyMatch(node -> node instanceof SqlIdentifier id
                    && id.names.get(id.names.size() - 1).equals(column.name()));
            if (named) {
                throw new BasaltException(SqlState.GENERATED_ALWAYS, message + " \"" + column.name() + "\" (it is"
                        + " GENERATED ALWAYS AS IDENTITY)");
            }
        }
    }

    private static TableDescriptor table(SqlNode target, Catalog catalog) {
        if (target instanceof SqlIdentifier id) {
            return catalog.table(id.names.get(id.names.size() - 1));
        }
        return null;
    }
}

package io.basalt.sql.ddl;

import io.basalt.common.error.BasaltException;
import io.basalt.common.error.SqlState;
import io.basalt.sql.catalog.ColumnDescriptor;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.apache.calcite.sql.SqlIdentifier;

/** Names in DDL: simple identifiers, column lists resolved to positions, PostgreSQL-style generated names. */
final class DdlNames {
    private DdlNames() {
    }

    static String simple(SqlIdentifier identifier) {
        if (!identifier.isSimple()) {
            throw new BasaltException(SqlState.INVALID_NAME, "schema-qualified names are not supported: " + identifier);
        }
        return identifier.getSimple();
    }

    /** The positions of {@code names} among {@code columns}: each must exist (42703) and appear once (42701). */
    static int[] positions(List<String> names, List<ColumnDescriptor> columns, String table) {
        int[] positions = new int[names.size()];
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < positions.length; i++) {
            String column = names.get(i);
            if (!seen.add(column)) {
                throw new BasaltException(SqlState.DUPLICATE_COLUMN, "column \"" + column + "\" appears twice in key");
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

    /** PostgreSQL's default names: table_col1_col2_suffix (key, idx, fkey, check). */
    static String generated(String table, List<String> columns, String suffix) {
        String name = table + (columns.isEmpty() ? "" : "_" + String.join("_", columns)) + "_" + suffix;
        // Unquoted names are folded to upper case: keep a generated name reachable without quotes.
        return table.equals(table.toUpperCase(Locale.ROOT)) ? name.toUpperCase(Locale.ROOT) : name;
    }

    /** A name as a quoted SQL identifier, for SQL the DDL builds itself. */
    static String quote(String name) {
        return "\"" + name.replace("\"", "\"\"") + "\"";
    }
}

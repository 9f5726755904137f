package io.basalt.jdbc.internal;

import io.basalt.common.client.ColumnMetadata;
import java.util.List;

/**
 * The DatabaseMetaData result sets the driver answers without asking the engine: facts fixed by
 * Basalt's design (no catalogs, two kinds of table) and the objects Basalt does not have yet
 * (procedures, functions, user-defined types, privileges), which are empty result sets with the
 * right columns rather than errors, because tools call them all while browsing.
 */
final class MetadataRows {

    private MetadataRows() {
    }

    /** Ordered by TABLE_TYPE, as JDBC asks. */
    static ListRowCursor tableTypes() {
        return new ListRowCursor(MetadataColumns.TABLE_TYPES, List.of(
                new Object[] {CatalogQueries.SYSTEM_TABLE}, new Object[] {CatalogQueries.TABLE}));
    }

    static ListRowCursor catalogs() {
        return empty(MetadataColumns.CATALOGS);
    }

    static ListRowCursor empty(List<ColumnMetadata> columns) {
        return new ListRowCursor(columns, List.of());
    }
}

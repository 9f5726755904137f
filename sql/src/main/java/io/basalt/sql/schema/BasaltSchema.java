package io.basalt.sql.schema;

import io.basalt.sql.catalog.Catalog;
import java.util.HashMap;
import java.util.Map;
import org.apache.calcite.schema.Table;
import org.apache.calcite.schema.impl.AbstractSchema;

/** The tables of one catalog snapshot, in the query view or the assignment view (see {@code RelTypes}). */
public final class BasaltSchema extends AbstractSchema {
    /** The schema of user tables, and the default one. */
    public static final String NAME = "PUBLIC";

    private final Map<String, Table> tables = new HashMap<>();

    public BasaltSchema(Catalog catalog, boolean assignmentView) {
        catalog.tables().forEach(t -> tables.put(t.name(), new BasaltTable(t, assignmentView)));
    }

    @Override
    protected Map<String, Table> getTableMap() {
        return tables;
    }
}

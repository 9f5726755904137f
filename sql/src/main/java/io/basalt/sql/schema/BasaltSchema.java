package io.basalt.sql.schema;

import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.schema.Schema;
import org.apache.calcite.schema.impl.AbstractTable;
import org.apache.calcite.sql.type.SqlTypeName;
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
        catalog.sequences().forEach(s -> tables.put(s.name(), new SequenceTable()));
    }

    /**
     * A sequence as Calcite's validator wants to find it for {@code NEXT VALUE FOR}: a "table" of
     * type SEQUENCE. It has no rows; reading it is refused by the planner like any other misuse.
     */
    private static final class SequenceTable extends AbstractTable {
        @Override
        public RelDataType getRowType(RelDataTypeFactory factory) {
            return factory.builder().add("NEXT_VALUE", SqlTypeName.BIGINT).build();
        }

        @Override
        public Schema.TableType getJdbcTableType() {
            return Schema.TableType.SEQUENCE;
        }
    }

    @Override
    protected Map<String, Table> getTableMap() {
        return tables;
    }
}

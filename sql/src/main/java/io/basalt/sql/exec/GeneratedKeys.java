package io.basalt.sql.exec;

import io.basalt.common.client.ColumnMetadata;
import io.basalt.sql.catalog.ColumnDescriptor;
import io.basalt.sql.catalog.TableDescriptor;
import java.util.ArrayList;
import java.util.List;

/**
 * The identity values an INSERT statement gave its rows, for JDBC's {@code getGeneratedKeys}: one
 * row per inserted row, one column per identity column of the table. Filled by {@link RowWrites}
 * as rows are written; one per statement attempt, so a retried statement reports only its last run.
 * Not thread-safe.
 */
public final class GeneratedKeys {
    private List<ColumnMetadata> columns = List.of();
    private final List<Object[]> rows = new ArrayList<>();

    /** Records the identity values of a row just inserted; {@code identities} are the table's identity positions (not empty). */
    void inserted(TableDescriptor table, int[] identities, Object[] row) {
        if (columns.isEmpty()) {
            List<ColumnMetadata> metadata = new ArrayList<>();
            for (int position : identities) {
                metadata.add(metadata(table, table.columns().get(position)));
            }
            columns = List.copyOf(metadata);
        }
        Object[] keys = new Object[identities.length];
        for (int i = 0; i < keys.length; i++) {
            keys[i] = clientValue(table.columns().get(identities[i]), row[identities[i]]);
        }
        rows.add(keys);
    }

    public List<ColumnMetadata> columns() {
        return columns;
    }

    public List<Object[]> rows() {
        return rows;
    }

    public boolean isEmpty() {
        return rows.isEmpty();
    }

    private static ColumnMetadata metadata(TableDescriptor table, ColumnDescriptor column) {
        int jdbcType = switch (column.type().name()) {
            case SMALLINT -> java.sql.Types.SMALLINT;
            case INTEGER -> java.sql.Types.INTEGER;
            default -> java.sql.Types.BIGINT;
        };
        return new ColumnMetadata(column.name(), column.name(), table.name(), "PUBLIC", jdbcType,
                column.type().name().name(), 0, 0, false);
    }

    /** Storage keeps integers as longs; clients get the column type's Java class (common.client). */
    private static Object clientValue(ColumnDescriptor column, Object stored) {
        if (!(stored instanceof Number number)) {
            return stored;
        }
        return switch (column.type().name()) {
            case SMALLINT -> number.shortValue();
            case INTEGER -> number.intValue();
            default -> number.longValue();
        };
    }
}

package io.basalt.jdbc.internal;

import io.basalt.common.client.ColumnMetadata;
import io.basalt.common.client.RowCursor;
import java.util.ArrayList;
import java.util.List;

/**
 * Rows the driver makes up itself (metadata result sets, an empty generated-keys result), served
 * through the same {@link RowCursor} seam as the engine's rows so that one ResultSet class reads both.
 * Values must be SPI values (see {@code io.basalt.common.client}'s package documentation).
 */
public final class ListRowCursor implements RowCursor {
    private final List<ColumnMetadata> columns;
    private final List<Object[]> rows;
    private int position;
    private boolean closed;

    public ListRowCursor(List<ColumnMetadata> columns, List<Object[]> rows) {
        this.columns = List.copyOf(columns);
        this.rows = new ArrayList<>(rows.size());
        for (Object[] row : rows) {
            if (row.length != columns.size()) {
                throw new IllegalArgumentException("a row has " + row.length + " values for " + columns.size() + " columns");
            }
            this.rows.add(row.clone());
        }
    }

    /** A nullable column without a table, as metadata result sets describe theirs. */
    public static ColumnMetadata column(String label, int jdbcType) {
        return new ColumnMetadata(label, label, "", "", jdbcType, JdbcTypes.name(jdbcType), 0, 0, true);
    }

    @Override
    public List<ColumnMetadata> columns() {
        return columns;
    }

    @Override
    public Object[] next() {
        if (closed || position >= rows.size()) {
            return null;
        }
        return rows.get(position++).clone();
    }

    @Override
    public void close() {
        closed = true;
    }
}

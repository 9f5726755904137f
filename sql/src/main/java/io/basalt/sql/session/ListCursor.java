package io.basalt.sql.session;

import io.basalt.common.client.ColumnMetadata;
import io.basalt.common.client.RowCursor;
import java.util.Iterator;
import java.util.List;

/** Rows the session computed itself (SHOW, EXPLAIN). */
final class ListCursor implements RowCursor {
    private final List<ColumnMetadata> columns;
    private final Iterator<Object[]> rows;

    ListCursor(List<ColumnMetadata> columns, List<Object[]> rows) {
        this.columns = List.copyOf(columns);
        this.rows = rows.iterator();
    }

    static ListCursor ofText(String column, List<String> values) {
        ColumnMetadata meta = new ColumnMetadata(column, column, "", "", java.sql.Types.VARCHAR, "VARCHAR",
                Integer.MAX_VALUE, 0, true);
        return new ListCursor(List.of(meta), values.stream().map(v -> new Object[] {v}).toList());
    }

    @Override
    public List<ColumnMetadata> columns() {
        return columns;
    }

    @Override
    public Object[] next() {
        return rows.hasNext() ? rows.next() : null;
    }

    @Override
    public void close() {
        // nothing to release
    }
}

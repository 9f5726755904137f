package io.basalt.common.client;

/**
 * What a statement produced: either rows (a query, EXPLAIN, SHOW) or an update count (DML, DDL,
 * transaction control).
 */
public final class StatementResult {
    private final RowCursor rows;
    private final long updateCount;

    private StatementResult(RowCursor rows, long updateCount) {
        this.rows = rows;
        this.updateCount = updateCount;
    }

    public static StatementResult rows(RowCursor rows) {
        return new StatementResult(rows, -1);
    }

    /** A DML count, or 0 for DDL and transaction control, as JDBC reports them. */
    public static StatementResult updateCount(long count) {
        return new StatementResult(null, count);
    }

    public boolean hasRows() {
        return rows != null;
    }

    /** The rows; only when {@link #hasRows()}. */
    public RowCursor rowCursor() {
        if (rows == null) {
            throw new IllegalStateException("statement produced an update count, not rows");
        }
        return rows;
    }

    /** The update count, or -1 when the statement produced rows. */
    public long updateCount() {
        return updateCount;
    }
}

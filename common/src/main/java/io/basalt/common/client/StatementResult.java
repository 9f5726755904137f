package io.basalt.common.client;

/**
 * What a statement produced: either rows (a query, EXPLAIN, SHOW) or an update count (DML, DDL,
 * transaction control), and for an INSERT into a table with identity columns the values they were
 * given (JDBC's generated keys).
 */
public final class StatementResult {
    private final RowCursor rows;
    private final long updateCount;
    private final RowCursor generatedKeys;

    private StatementResult(RowCursor rows, long updateCount, RowCursor generatedKeys) {
        this.rows = rows;
        this.updateCount = updateCount;
        this.generatedKeys = generatedKeys;
    }

    public static StatementResult rows(RowCursor rows) {
        return new StatementResult(rows, -1, null);
    }

    /** A DML count, or 0 for DDL and transaction control, as JDBC reports them. */
    public static StatementResult updateCount(long count) {
        return new StatementResult(null, count, null);
    }

    /** A DML count with the identity values the statement generated, one row per inserted row. */
    public static StatementResult updateCount(long count, RowCursor generatedKeys) {
        return new StatementResult(null, count, generatedKeys);
    }

    /** The generated identity values, or null when the statement generated none. */
    public RowCursor generatedKeys() {
        return generatedKeys;
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

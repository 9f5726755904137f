package io.basalt.bench.tpcc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongConsumer;

/**
 * Buffers generated rows for one connection and writes them in transactions of about
 * {@code rowsPerCommit} rows. At each commit the tables are written parents first
 * ({@link LoadTable} order), so foreign keys hold inside every transaction whatever order the
 * generator produced rows in. Not thread-safe: one per loader thread.
 */
final class BatchInserter implements TpccPopulation.RowSink, AutoCloseable {
    /** How rows reach the database; which is faster depends on the database (see benchmarks/README.md). */
    enum Mode {
        /** One prepared single-row INSERT, {@code addBatch} per row, {@code executeBatch} per table. */
        BATCH,
        /** Multi-row {@code INSERT ... VALUES (...), (...)} of up to {@link #ROWS_PER_STATEMENT} rows. */
        VALUES
    }

    /**
     * Rows in one multi-row INSERT. PostgreSQL allows at most 32,767 parameters a statement; the
     * widest table (CUSTOMER, 21 columns) stays far below that at 100 rows. Larger statements gained
     * nothing measurable on Basalt.
     */
    static final int ROWS_PER_STATEMENT = 100;

    private final Connection connection;
    private final Mode mode;
    private final int rowsPerCommit;
    private final LongConsumer committedRows;
    private final Map<LoadTable, List<Object[]>> pending = new EnumMap<>(LoadTable.class);
    private final Map<LoadTable, PreparedStatement> single = new EnumMap<>(LoadTable.class);
    private final Map<LoadTable, PreparedStatement> multi = new EnumMap<>(LoadTable.class);
    private int pendingRows;

    BatchInserter(Connection connection, Mode mode, int rowsPerCommit, LongConsumer committedRows) throws SQLException {
        this.connection = connection;
        this.mode = mode;
        this.rowsPerCommit = rowsPerCommit;
        this.committedRows = committedRows;
        connection.setAutoCommit(false);
    }

    @Override
    public void add(LoadTable table, Object... row) throws SQLException {
        pending.computeIfAbsent(table, t -> new ArrayList<>()).add(row);
        if (++pendingRows >= rowsPerCommit) {
            commit();
        }
    }

    /** Writes every buffered row and commits. */
    void commit() throws SQLException {
        for (LoadTable table : LoadTable.values()) {
            List<Object[]> rows = pending.get(table);
            if (rows != null && !rows.isEmpty()) {
                write(table, rows);
                rows.clear();
            }
        }
        connection.commit();
        committedRows.accept(pendingRows);
        pendingRows = 0;
    }

    private void write(LoadTable table, List<Object[]> rows) throws SQLException {
        int at = 0;
        if (mode == Mode.VALUES) {
            PreparedStatement full = multi.get(table);
            for (; rows.size() - at >= ROWS_PER_STATEMENT; at += ROWS_PER_STATEMENT) {
                if (full == null) {
                    full = connection.prepareStatement(table.insert(ROWS_PER_STATEMENT));
                    multi.put(table, full);
                }
                for (int r = 0; r < ROWS_PER_STATEMENT; r++) {
                    bind(full, r * table.columns, rows.get(at + r));
                }
                full.executeUpdate();
            }
        }
        if (at < rows.size()) {
            // The rest (or everything, in BATCH mode) as a JDBC batch of single-row inserts.
            PreparedStatement one = single.get(table);
            if (one == null) {
                one = connection.prepareStatement(table.insert(1));
                single.put(table, one);
            }
            for (; at < rows.size(); at++) {
                bind(one, 0, rows.get(at));
                one.addBatch();
            }
            one.executeBatch();
        }
    }

    private static void bind(PreparedStatement statement, int offset, Object[] row) throws SQLException {
        for (int c = 0; c < row.length; c++) {
            if (row[c] == null) {
                statement.setNull(offset + c + 1, Types.NULL);
            } else {
                statement.setObject(offset + c + 1, row[c]);
            }
        }
    }

    @Override
    public void close() throws SQLException {
        for (PreparedStatement statement : single.values()) {
            statement.close();
        }
        for (PreparedStatement statement : multi.values()) {
            statement.close();
        }
    }
}

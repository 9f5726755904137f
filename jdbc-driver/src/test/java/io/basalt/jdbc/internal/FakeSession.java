package io.basalt.jdbc.internal;

import io.basalt.common.client.ColumnMetadata;
import io.basalt.common.client.ParameterMetadata;
import io.basalt.common.client.PreparedStatementHandle;
import io.basalt.common.client.RowCursor;
import io.basalt.common.client.Session;
import io.basalt.common.client.StatementResult;
import io.basalt.common.client.TransactionIsolation;
import io.basalt.common.error.BasaltException;
import io.basalt.common.error.SqlState;
import java.math.BigDecimal;
import java.sql.JDBCType;
import java.sql.Types;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * A scripted {@link Session}: tests script the result of each SQL text (rows, an update count or an
 * error), inject a failure into any call, and read back the calls it received in order, with the
 * parameters, batches and fetch sizes.
 */
public final class FakeSession implements Session {
    /** One row of every SPI type, then a row of NULLs. */
    public static final String ALL_TYPES = "SELECT * FROM ALL_TYPES";
    public static final List<ColumnMetadata> ALL_TYPES_COLUMNS = List.of(
            column("B", Types.BOOLEAN), column("S", Types.SMALLINT), column("I", Types.INTEGER),
            column("L", Types.BIGINT),
            new ColumnMetadata("D", "D", "ALL_TYPES", "PUBLIC", Types.DECIMAL, "DECIMAL", 10, 2, true),
            column("R", Types.REAL), column("F", Types.DOUBLE),
            new ColumnMetadata("V", "V", "ALL_TYPES", "PUBLIC", Types.VARCHAR, "VARCHAR", 20, 0, false),
            column("DT", Types.DATE), column("TM", Types.TIME), column("TS", Types.TIMESTAMP),
            column("BIN", Types.VARBINARY));
    public static final Object[] ALL_TYPES_ROW = {
        true, (short) 12, 42, 1L << 40, new BigDecimal("12.50"), 1.5f, 2.25, "hello",
        LocalDate.of(2024, 2, 29), LocalTime.of(13, 45, 30, 123_000_000), LocalDateTime.of(2024, 2, 29, 13, 45, 30, 500_000_000),
        new byte[] {1, 2, (byte) 0xAB},
    };

    final String url;
    final Properties properties;
    /** Every call that changes state or runs SQL, in order, e.g. "execute SELECT 1", "commit". */
    final List<String> calls = new ArrayList<>();
    final List<FakeCursor> cursors = new ArrayList<>();
    final List<FakeHandle> handles = new ArrayList<>();
    List<Object> lastParameters;
    int lastFetchSize = -1;
    List<List<Object>> lastBatch;

    boolean autoCommit = true;
    TransactionIsolation isolation = TransactionIsolation.SERIALIZABLE;
    boolean readOnly;
    boolean valid = true;
    boolean closed;

    private final Map<String, Canned> canned = new HashMap<>();
    private final Map<String, RuntimeException> failures = new HashMap<>();

    FakeSession(String url, Properties properties) {
        this.url = url;
        this.properties = properties;
        canned.put(ALL_TYPES, new Canned(ALL_TYPES_COLUMNS,
                List.of(ALL_TYPES_ROW, new Object[ALL_TYPES_COLUMNS.size()]), -1, null, null, null));
    }

    public static ColumnMetadata column(String label, int jdbcType) {
        String typeName = JDBCType.valueOf(jdbcType).getName();
        return new ColumnMetadata(label, label, "ALL_TYPES", "PUBLIC", jdbcType, typeName, 0, 0, true);
    }

    // ---- Scripting -----------------------------------------------------------------------------

    private record Canned(List<ColumnMetadata> columns, List<Object[]> rows, long count, BasaltException error,
            RuntimeException cursorError, List<ParameterMetadata> parameters) {
    }

    /** {@code sql} returns these rows. */
    public FakeSession rows(String sql, List<ColumnMetadata> columns, Object[]... rows) {
        canned.put(sql, new Canned(columns, List.of(rows), -1, null, null, null));
        return this;
    }

    /** {@code sql} returns these rows, then reading further throws {@code error}. */
    public FakeSession rowsThenError(String sql, List<ColumnMetadata> columns, RuntimeException error, Object[]... rows) {
        canned.put(sql, new Canned(columns, List.of(rows), -1, null, error, null));
        return this;
    }

    /** {@code sql} updates {@code count} rows (per parameter set in a batch). */
    public FakeSession count(String sql, long count) {
        canned.put(sql, new Canned(null, null, count, null, null, null));
        return this;
    }

    /** Executing {@code sql} fails with {@code error}. */
    public FakeSession error(String sql, BasaltException error) {
        canned.put(sql, new Canned(null, null, -1, error, null, null));
        return this;
    }

    /** When prepared, {@code sql} declares these parameters (default: one VARCHAR per {@code ?}). */
    public FakeSession parameters(String sql, ParameterMetadata... parameters) {
        Canned c = canned(sql);
        canned.put(sql, new Canned(c.columns, c.rows, c.count, c.error, c.cursorError, List.of(parameters)));
        return this;
    }

    /** The next call recorded as {@code call} (see {@link #calls}) throws {@code failure}. */
    public FakeSession failOn(String call, RuntimeException failure) {
        failures.put(call, failure);
        return this;
    }

    private void record(String call) {
        if (closed) {
            throw new BasaltException(SqlState.CONNECTION_DOES_NOT_EXIST, "fake: session closed");
        }
        calls.add(call);
        RuntimeException failure = failures.remove(call);
        if (failure != null) {
            throw failure;
        }
    }

    private Canned canned(String sql) {
        Canned c = canned.get(sql);
        if (c == null) {
            throw new BasaltException(SqlState.SYNTAX_ERROR, "fake: nothing canned for " + sql);
        }
        return c;
    }

    private StatementResult result(Canned c) {
        if (c.error != null) {
            throw c.error;
        }
        if (c.columns == null) {
            return StatementResult.updateCount(c.count);
        }
        FakeCursor cursor = new FakeCursor(c.columns, c.rows, c.cursorError);
        cursors.add(cursor);
        return StatementResult.rows(cursor);
    }

    FakeCursor lastCursor() {
        return cursors.get(cursors.size() - 1);
    }

    FakeHandle lastHandle() {
        return handles.get(handles.size() - 1);
    }

    // ---- Session -------------------------------------------------------------------------------

    @Override
    public PreparedStatementHandle prepare(String sql) {
        record("prepare " + sql);
        Canned c = canned(sql);
        List<ParameterMetadata> parameters = c.parameters;
        if (parameters == null) {
            long marks = sql.chars().filter(ch -> ch == '?').count();
            parameters = new ArrayList<>();
            for (int i = 0; i < marks; i++) {
                parameters.add(new ParameterMetadata(Types.VARCHAR, "VARCHAR", 0, 0));
            }
        }
        FakeHandle handle = new FakeHandle(sql, parameters, c.columns);
        handles.add(handle);
        return handle;
    }

    @Override
    public StatementResult execute(String sql) {
        record("execute " + sql);
        return result(canned(sql));
    }

    @Override
    public StatementResult execute(PreparedStatementHandle statement, List<Object> parameters, int fetchSize) {
        record("execute prepared " + statement.sql());
        if (((FakeHandle) statement).closed) {
            throw new BasaltException(SqlState.OBJECT_NOT_IN_PREREQUISITE_STATE, "fake: handle closed");
        }
        lastParameters = parameters;
        lastFetchSize = fetchSize;
        return result(canned(statement.sql()));
    }

    @Override
    public long[] executeBatch(PreparedStatementHandle statement, List<List<Object>> parameterSets) {
        record("executeBatch " + statement.sql());
        lastBatch = parameterSets;
        Canned c = canned(statement.sql());
        if (c.error != null) {
            throw c.error;
        }
        long[] counts = new long[parameterSets.size()];
        Arrays.fill(counts, c.count);
        return counts;
    }

    @Override
    public long[] executeBatch(List<String> statements) {
        record("executeBatch " + statements);
        long[] counts = new long[statements.size()];
        for (int i = 0; i < counts.length; i++) {
            StatementResult result = execute(statements.get(i));
            if (result.hasRows()) {
                result.rowCursor().close();
                throw new BasaltException(SqlState.RESULT_RETURNED_WHEN_NONE_EXPECTED, "fake: batch statement returned rows");
            }
            counts[i] = result.updateCount();
        }
        return counts;
    }

    @Override
    public boolean autoCommit() {
        return autoCommit;
    }

    @Override
    public void setAutoCommit(boolean autoCommit) {
        record("setAutoCommit " + autoCommit);
        this.autoCommit = autoCommit;
    }

    @Override
    public void commit() {
        record("commit");
    }

    @Override
    public void rollback() {
        record("rollback");
    }

    @Override
    public boolean inTransaction() {
        return false;
    }

    @Override
    public TransactionIsolation isolation() {
        return isolation;
    }

    @Override
    public void setIsolation(TransactionIsolation isolation) {
        record("setIsolation " + isolation);
        this.isolation = isolation;
    }

    @Override
    public boolean readOnly() {
        return readOnly;
    }

    @Override
    public void setReadOnly(boolean readOnly) {
        record("setReadOnly " + readOnly);
        this.readOnly = readOnly;
    }

    @Override
    public boolean isValid() {
        return valid && !closed;
    }

    @Override
    public boolean isClosed() {
        return closed;
    }

    @Override
    public void close() {
        if (!closed) {
            calls.add("close");
            closed = true;
        }
    }

    // ---- Handles and cursors -------------------------------------------------------------------

    static final class FakeHandle implements PreparedStatementHandle {
        private final String sql;
        private final List<ParameterMetadata> parameters;
        private final List<ColumnMetadata> columns;
        boolean closed;

        FakeHandle(String sql, List<ParameterMetadata> parameters, List<ColumnMetadata> columns) {
            this.sql = sql;
            this.parameters = parameters;
            this.columns = columns;
        }

        @Override
        public String sql() {
            return sql;
        }

        @Override
        public List<ParameterMetadata> parameters() {
            return parameters;
        }

        @Override
        public List<ColumnMetadata> columns() {
            return columns == null ? List.of() : columns;
        }

        @Override
        public boolean isQuery() {
            return columns != null;
        }

        @Override
        public void close() {
            closed = true;
        }
    }

    static final class FakeCursor implements RowCursor {
        private final List<ColumnMetadata> columns;
        private final List<Object[]> rows;
        private final RuntimeException errorAfterRows;
        int rowsServed;
        boolean closed;

        FakeCursor(List<ColumnMetadata> columns, List<Object[]> rows, RuntimeException errorAfterRows) {
            this.columns = columns;
            this.rows = rows;
            this.errorAfterRows = errorAfterRows;
        }

        @Override
        public List<ColumnMetadata> columns() {
            return columns;
        }

        @Override
        public Object[] next() {
            if (closed) {
                throw new IllegalStateException("fake: next() on a closed cursor");
            }
            if (rowsServed == rows.size()) {
                if (errorAfterRows != null) {
                    throw errorAfterRows;
                }
                return null;
            }
            return rows.get(rowsServed++).clone();
        }

        @Override
        public void close() {
            closed = true;
        }
    }
}

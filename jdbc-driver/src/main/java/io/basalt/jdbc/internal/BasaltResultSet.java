package io.basalt.jdbc.internal;

import io.basalt.common.client.ColumnMetadata;
import io.basalt.common.client.RowCursor;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.Reader;
import java.io.StringReader;
import java.math.BigDecimal;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.sql.Array;
import java.sql.Blob;
import java.sql.Clob;
import java.sql.Date;
import java.sql.NClob;
import java.sql.Ref;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.RowId;
import java.sql.SQLException;
import java.sql.SQLWarning;
import java.sql.SQLXML;
import java.sql.Statement;
import java.sql.Time;
import java.sql.Timestamp;
import java.util.Calendar;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Rows read forward once from a {@link RowCursor}. Getters take the current row's value and hand
 * it to {@link ValueConverter}; nothing here converts.
 *
 * <p>Positions: before the first row, on a row, after the last. {@code isBeforeFirst} and
 * {@code isLast} must know whether another row exists, so they read one row ahead and keep it for
 * the next {@link #next()}. When the cursor is exhausted, or maxRows rows have been read, the cursor
 * is closed at once so that the engine's resources are freed even if the application never closes
 * the ResultSet.
 */
public final class BasaltResultSet extends ReadOnlyForwardResultSet {
    /** Null for result sets the driver makes up (database metadata). */
    private final BasaltStatement statement;
    private final RowCursor cursor;
    private final List<ColumnMetadata> columns;
    private final long maxRows;
    private final int holdability;
    private int fetchSize;
    private volatile boolean closed;

    /** The current row, null when not on one. */
    private Object[] row;
    /** A row read ahead of the current one, not yet returned by next(). */
    private Object[] lookahead;
    private long rowsRead;
    private long rowNumber;
    private boolean cursorExhausted;
    private boolean afterLast;
    private boolean wasNull;

    /** Label -> 1-based index, built on first use; the first of equal labels wins, as JDBC says. */
    private Map<String, Integer> exactLabels;
    private Map<String, Integer> upperCaseLabels;

    BasaltResultSet(BasaltStatement statement, RowCursor cursor, long maxRows, int fetchSize) throws SQLException {
        this.statement = statement;
        this.cursor = cursor;
        this.columns = JdbcErrors.call(cursor::columns);
        this.maxRows = maxRows;
        this.fetchSize = fetchSize;
        this.holdability = statement == null ? CLOSE_CURSORS_AT_COMMIT : statement.getResultSetHoldability();
    }

    /** A result set of rows the driver made up, for DatabaseMetaData. */
    static BasaltResultSet of(ListRowCursor rows) throws SQLException {
        return new BasaltResultSet(null, rows, 0, 0);
    }

    @Override
    void checkOpen() throws SQLException {
        if (closed) {
            throw JdbcErrors.resultSetClosed();
        }
    }

    // ---- Moving --------------------------------------------------------------------------------

    @Override
    public boolean next() throws SQLException {
        checkOpen();
        if (afterLast) {
            return false;
        }
        row = pull();
        if (row == null) {
            afterLast = true;
            return false;
        }
        rowNumber++;
        return true;
    }

    private Object[] pull() throws SQLException {
        if (lookahead != null) {
            Object[] next = lookahead;
            lookahead = null;
            return next;
        }
        if (cursorExhausted) {
            return null;
        }
        Object[] next = maxRows > 0 && rowsRead >= maxRows ? null : JdbcErrors.call(cursor::next);
        if (next == null) {
            cursorExhausted = true;
            JdbcErrors.run(cursor::close);
            return null;
        }
        rowsRead++;
        return next;
    }

    private Object[] peek() throws SQLException {
        if (lookahead == null) {
            lookahead = pull();
        }
        return lookahead;
    }

    @Override
    public boolean isBeforeFirst() throws SQLException {
        checkOpen();
        return rowNumber == 0 && !afterLast && peek() != null;
    }

    @Override
    public boolean isAfterLast() throws SQLException {
        checkOpen();
        return afterLast && rowNumber > 0;
    }

    @Override
    public boolean isFirst() throws SQLException {
        checkOpen();
        return row != null && rowNumber == 1;
    }

    @Override
    public boolean isLast() throws SQLException {
        checkOpen();
        return row != null && peek() == null;
    }

    @Override
    public int getRow() throws SQLException {
        checkOpen();
        return row == null ? 0 : BasaltStatement.saturatedInt(rowNumber);
    }

    @Override
    public void close() throws SQLException {
        if (closed) {
            return;
        }
        closed = true;
        row = null;
        lookahead = null;
        try {
            JdbcErrors.run(cursor::close);
        } finally {
            if (statement != null) {
                statement.resultSetClosed(this);
            }
        }
    }

    @Override
    public boolean isClosed() {
        return closed;
    }

    // ---- Columns -------------------------------------------------------------------------------

    /** The current row's value in column {@code index}; records wasNull. */
    private Object value(int index) throws SQLException {
        checkOpen();
        if (index < 1 || index > columns.size()) {
            throw JdbcErrors.columnIndexOutOfRange(index, columns.size());
        }
        if (row == null) {
            throw JdbcErrors.noCurrentRow();
        }
        Object value = row[index - 1];
        wasNull = value == null;
        return value;
    }

    /** Labels match case-insensitively, but an exact-case match wins (a and A may both exist). */
    @Override
    public int findColumn(String label) throws SQLException {
        checkOpen();
        if (exactLabels == null) {
            exactLabels = new HashMap<>();
            upperCaseLabels = new HashMap<>();
            for (int i = 0; i < columns.size(); i++) {
                String name = columns.get(i).label();
                if (name != null) {
                    exactLabels.putIfAbsent(name, i + 1);
                    upperCaseLabels.putIfAbsent(name.toUpperCase(Locale.ROOT), i + 1);
                }
            }
        }
        Integer index = label == null ? null : exactLabels.get(label);
        if (index == null && label != null) {
            index = upperCaseLabels.get(label.toUpperCase(Locale.ROOT));
        }
        if (index == null) {
            throw JdbcErrors.unknownColumn(label);
        }
        return index;
    }

    @Override
    public boolean wasNull() throws SQLException {
        checkOpen();
        return wasNull;
    }

    @Override
    public ResultSetMetaData getMetaData() throws SQLException {
        checkOpen();
        return new BasaltResultSetMetaData(columns);
    }

    // ---- Getters by index ----------------------------------------------------------------------

    @Override
    public String getString(int index) throws SQLException {
        return ValueConverter.toText(value(index));
    }

    @Override
    public boolean getBoolean(int index) throws SQLException {
        return ValueConverter.toBoolean(value(index));
    }

    @Override
    public byte getByte(int index) throws SQLException {
        return ValueConverter.toByte(value(index));
    }

    @Override
    public short getShort(int index) throws SQLException {
        return ValueConverter.toShort(value(index));
    }

    @Override
    public int getInt(int index) throws SQLException {
        return ValueConverter.toInt(value(index));
    }

    @Override
    public long getLong(int index) throws SQLException {
        return ValueConverter.toLong(value(index));
    }

    @Override
    public float getFloat(int index) throws SQLException {
        return ValueConverter.toFloat(value(index));
    }

    @Override
    public double getDouble(int index) throws SQLException {
        return ValueConverter.toDouble(value(index));
    }

    @Override
    public BigDecimal getBigDecimal(int index) throws SQLException {
        return ValueConverter.toBigDecimal(value(index));
    }

    @Override
    @Deprecated
    public BigDecimal getBigDecimal(int index, int scale) throws SQLException {
        return ValueConverter.toBigDecimal(value(index), scale);
    }

    @Override
    public byte[] getBytes(int index) throws SQLException {
        return ValueConverter.toBytes(value(index));
    }

    @Override
    public Date getDate(int index) throws SQLException {
        return ValueConverter.toSqlDate(value(index), null);
    }

    @Override
    public Date getDate(int index, Calendar cal) throws SQLException {
        return ValueConverter.toSqlDate(value(index), cal);
    }

    @Override
    public Time getTime(int index) throws SQLException {
        return ValueConverter.toSqlTime(value(index), null);
    }

    @Override
    public Time getTime(int index, Calendar cal) throws SQLException {
        return ValueConverter.toSqlTime(value(index), cal);
    }

    @Override
    public Timestamp getTimestamp(int index) throws SQLException {
        return ValueConverter.toSqlTimestamp(value(index), null);
    }

    @Override
    public Timestamp getTimestamp(int index, Calendar cal) throws SQLException {
        return ValueConverter.toSqlTimestamp(value(index), cal);
    }

    @Override
    public Object getObject(int index) throws SQLException {
        return ValueConverter.toStandardObject(value(index));
    }

    @Override
    public <T> T getObject(int index, Class<T> type) throws SQLException {
        return ValueConverter.toClass(value(index), type);
    }

    /** Only an empty type map: Basalt has no user-defined types to map. */
    @Override
    public Object getObject(int index, Map<String, Class<?>> map) throws SQLException {
        if (map != null && !map.isEmpty()) {
            checkOpen();
            throw JdbcErrors.notSupported("custom type maps");
        }
        return getObject(index);
    }

    @Override
    public String getNString(int index) throws SQLException {
        return getString(index);
    }

    @Override
    public Reader getCharacterStream(int index) throws SQLException {
        String text = getString(index);
        return text == null ? null : new StringReader(text);
    }

    @Override
    public Reader getNCharacterStream(int index) throws SQLException {
        return getCharacterStream(index);
    }

    @Override
    public InputStream getAsciiStream(int index) throws SQLException {
        String text = getString(index);
        return text == null ? null : new ByteArrayInputStream(text.getBytes(StandardCharsets.US_ASCII));
    }

    @Override
    public InputStream getBinaryStream(int index) throws SQLException {
        byte[] bytes = getBytes(index);
        return bytes == null ? null : new ByteArrayInputStream(bytes);
    }

    // ---- Getters by label ----------------------------------------------------------------------

    @Override
    public String getString(String label) throws SQLException {
        return getString(findColumn(label));
    }

    @Override
    public boolean getBoolean(String label) throws SQLException {
        return getBoolean(findColumn(label));
    }

    @Override
    public byte getByte(String label) throws SQLException {
        return getByte(findColumn(label));
    }

    @Override
    public short getShort(String label) throws SQLException {
        return getShort(findColumn(label));
    }

    @Override
    public int getInt(String label) throws SQLException {
        return getInt(findColumn(label));
    }

    @Override
    public long getLong(String label) throws SQLException {
        return getLong(findColumn(label));
    }

    @Override
    public float getFloat(String label) throws SQLException {
        return getFloat(findColumn(label));
    }

    @Override
    public double getDouble(String label) throws SQLException {
        return getDouble(findColumn(label));
    }

    @Override
    public BigDecimal getBigDecimal(String label) throws SQLException {
        return getBigDecimal(findColumn(label));
    }

    @Override
    @Deprecated
    public BigDecimal getBigDecimal(String label, int scale) throws SQLException {
        return getBigDecimal(findColumn(label), scale);
    }

    @Override
    public byte[] getBytes(String label) throws SQLException {
        return getBytes(findColumn(label));
    }

    @Override
    public Date getDate(String label) throws SQLException {
        return getDate(findColumn(label));
    }

    @Override
    public Date getDate(String label, Calendar cal) throws SQLException {
        return getDate(findColumn(label), cal);
    }

    @Override
    public Time getTime(String label) throws SQLException {
        return getTime(findColumn(label));
    }

    @Override
    public Time getTime(String label, Calendar cal) throws SQLException {
        return getTime(findColumn(label), cal);
    }

    @Override
    public Timestamp getTimestamp(String label) throws SQLException {
        return getTimestamp(findColumn(label));
    }

    @Override
    public Timestamp getTimestamp(String label, Calendar cal) throws SQLException {
        return getTimestamp(findColumn(label), cal);
    }

    @Override
    public Object getObject(String label) throws SQLException {
        return getObject(findColumn(label));
    }

    @Override
    public <T> T getObject(String label, Class<T> type) throws SQLException {
        return getObject(findColumn(label), type);
    }

    @Override
    public Object getObject(String label, Map<String, Class<?>> map) throws SQLException {
        return getObject(findColumn(label), map);
    }

    @Override
    public String getNString(String label) throws SQLException {
        return getNString(findColumn(label));
    }

    @Override
    public Reader getCharacterStream(String label) throws SQLException {
        return getCharacterStream(findColumn(label));
    }

    @Override
    public Reader getNCharacterStream(String label) throws SQLException {
        return getNCharacterStream(findColumn(label));
    }

    @Override
    public InputStream getAsciiStream(String label) throws SQLException {
        return getAsciiStream(findColumn(label));
    }

    @Override
    public InputStream getBinaryStream(String label) throws SQLException {
        return getBinaryStream(findColumn(label));
    }

    // ---- Types Basalt does not have ------------------------------------------------------------

    private SQLException unsupportedType(String type) throws SQLException {
        checkOpen();
        return JdbcErrors.notSupported(type + " values");
    }

    @Override
    @Deprecated
    public InputStream getUnicodeStream(int index) throws SQLException {
        throw unsupportedType("getUnicodeStream");
    }

    @Override
    @Deprecated
    public InputStream getUnicodeStream(String label) throws SQLException {
        throw unsupportedType("getUnicodeStream");
    }

    @Override
    public Ref getRef(int index) throws SQLException {
        throw unsupportedType("Ref");
    }

    @Override
    public Ref getRef(String label) throws SQLException {
        throw unsupportedType("Ref");
    }

    @Override
    public Blob getBlob(int index) throws SQLException {
        throw unsupportedType("Blob");
    }

    @Override
    public Blob getBlob(String label) throws SQLException {
        throw unsupportedType("Blob");
    }

    @Override
    public Clob getClob(int index) throws SQLException {
        throw unsupportedType("Clob");
    }

    @Override
    public Clob getClob(String label) throws SQLException {
        throw unsupportedType("Clob");
    }

    @Override
    public NClob getNClob(int index) throws SQLException {
        throw unsupportedType("NClob");
    }

    @Override
    public NClob getNClob(String label) throws SQLException {
        throw unsupportedType("NClob");
    }

    @Override
    public Array getArray(int index) throws SQLException {
        throw unsupportedType("Array");
    }

    @Override
    public Array getArray(String label) throws SQLException {
        throw unsupportedType("Array");
    }

    @Override
    public URL getURL(int index) throws SQLException {
        throw unsupportedType("URL");
    }

    @Override
    public URL getURL(String label) throws SQLException {
        throw unsupportedType("URL");
    }

    @Override
    public RowId getRowId(int index) throws SQLException {
        throw unsupportedType("RowId");
    }

    @Override
    public RowId getRowId(String label) throws SQLException {
        throw unsupportedType("RowId");
    }

    @Override
    public SQLXML getSQLXML(int index) throws SQLException {
        throw unsupportedType("SQLXML");
    }

    @Override
    public SQLXML getSQLXML(String label) throws SQLException {
        throw unsupportedType("SQLXML");
    }

    // ---- Properties ----------------------------------------------------------------------------

    @Override
    public Statement getStatement() throws SQLException {
        checkOpen();
        return statement;
    }

    @Override
    public int getType() throws SQLException {
        checkOpen();
        return TYPE_FORWARD_ONLY;
    }

    @Override
    public int getConcurrency() throws SQLException {
        checkOpen();
        return CONCUR_READ_ONLY;
    }

    @Override
    public int getHoldability() throws SQLException {
        checkOpen();
        return holdability;
    }

    @Override
    public int getFetchDirection() throws SQLException {
        checkOpen();
        return FETCH_FORWARD;
    }

    @Override
    public void setFetchDirection(int direction) throws SQLException {
        checkOpen();
        if (direction != FETCH_FORWARD) {
            throw JdbcErrors.forwardOnly();
        }
    }

    /** Recorded only: the cursor was opened with the statement's fetch size. */
    @Override
    public void setFetchSize(int rows) throws SQLException {
        checkOpen();
        if (rows < 0) {
            throw JdbcErrors.invalidArgument("the fetch size must not be negative: " + rows);
        }
        fetchSize = rows;
    }

    @Override
    public int getFetchSize() throws SQLException {
        checkOpen();
        return fetchSize;
    }

    @Override
    public String getCursorName() throws SQLException {
        checkOpen();
        throw JdbcErrors.notSupported("positioned updates (getCursorName)");
    }

    @Override
    public SQLWarning getWarnings() throws SQLException {
        checkOpen();
        return null;
    }

    @Override
    public void clearWarnings() throws SQLException {
        checkOpen();
    }

    @Override
    public <T> T unwrap(Class<T> iface) throws SQLException {
        if (isWrapperFor(iface)) {
            return iface.cast(this);
        }
        throw JdbcErrors.notAWrapperFor(iface);
    }

    @Override
    public boolean isWrapperFor(Class<?> iface) {
        return iface != null && iface.isInstance(this);
    }
}

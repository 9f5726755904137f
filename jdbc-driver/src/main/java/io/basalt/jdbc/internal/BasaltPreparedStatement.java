package io.basalt.jdbc.internal;

import io.basalt.common.client.PreparedStatementHandle;
import java.io.InputStream;
import java.io.Reader;
import java.math.BigDecimal;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.sql.Array;
import java.sql.Blob;
import java.sql.Clob;
import java.sql.Date;
import java.sql.JDBCType;
import java.sql.NClob;
import java.sql.ParameterMetaData;
import java.sql.PreparedStatement;
import java.sql.Ref;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.RowId;
import java.sql.SQLException;
import java.sql.SQLType;
import java.sql.SQLXML;
import java.sql.Time;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.List;

/**
 * A statement the engine prepared once ({@code Session.prepare}) and executes with parameters.
 * Setters convert their argument to an SPI value at once (so a bad value fails at the setter, and
 * a mutable argument changed afterwards does not change the statement); the engine closes the
 * handle when this statement closes.
 */
public final class BasaltPreparedStatement extends BasaltStatement implements PreparedStatement {
    private final PreparedStatementHandle handle;
    private final Parameters parameters;
    private final List<List<Object>> batch = new ArrayList<>();

    BasaltPreparedStatement(BasaltConnection connection, PreparedStatementHandle handle, int holdability)
            throws SQLException {
        super(connection, holdability);
        this.handle = handle;
        this.parameters = new Parameters(JdbcErrors.call(handle::parameters).size());
    }

    @Override
    void checkSqlTextAllowed() throws SQLException {
        throw JdbcErrors.queryStringOnPreparedStatement();
    }

    @Override
    void release() throws SQLException {
        JdbcErrors.run(handle::close);
    }

    private boolean isQuery() throws SQLException {
        return JdbcErrors.call(handle::isQuery);
    }

    // ---- Executing -----------------------------------------------------------------------------

    @Override
    public boolean execute() throws SQLException {
        checkOpen();
        List<Object> values = parameters.snapshot();
        closeResultSet();
        int fetchSize = getFetchSize();
        return accept(timed(() -> connection.session().execute(handle, values, fetchSize)));
    }

    /** Refuses a statement that returns no rows before running it (the handle knows). */
    @Override
    public ResultSet executeQuery() throws SQLException {
        checkOpen();
        if (!isQuery()) {
            throw JdbcErrors.noResults();
        }
        execute();
        return getResultSet();
    }

    @Override
    public int executeUpdate() throws SQLException {
        return saturatedInt(executeLargeUpdate());
    }

    /** Refuses a query before running it (the handle knows). */
    @Override
    public long executeLargeUpdate() throws SQLException {
        checkOpen();
        if (isQuery()) {
            throw JdbcErrors.resultWhenNoneExpected();
        }
        execute();
        return getLargeUpdateCount();
    }

    @Override
    public void addBatch() throws SQLException {
        checkOpen();
        batch.add(parameters.snapshot());
    }

    @Override
    public void clearBatch() throws SQLException {
        super.clearBatch();
        batch.clear();
    }

    /**
     * One {@code Session.executeBatch} call. The session does not say how far a failed batch got (in
     * auto-commit mode nothing was applied), so a BatchUpdateException carries no counts.
     */
    @Override
    public long[] executeLargeBatch() throws SQLException {
        checkOpen();
        List<List<Object>> parameterSets = List.copyOf(batch);
        batch.clear();
        closeResultSet();
        if (parameterSets.isEmpty()) {
            return new long[0];
        }
        try {
            if (isQuery()) {
                throw JdbcErrors.resultWhenNoneExpected();
            }
            return timed(() -> connection.session().executeBatch(handle, parameterSets));
        } catch (SQLException e) {
            throw JdbcErrors.batchFailed(e, new long[0]);
        }
    }

    // ---- Metadata ------------------------------------------------------------------------------

    /** The columns of a query, or null for a statement that returns no rows. */
    @Override
    public ResultSetMetaData getMetaData() throws SQLException {
        checkOpen();
        return isQuery() ? new BasaltResultSetMetaData(JdbcErrors.call(handle::columns)) : null;
    }

    @Override
    public ParameterMetaData getParameterMetaData() throws SQLException {
        checkOpen();
        return new BasaltParameterMetaData(JdbcErrors.call(handle::parameters));
    }

    // ---- Parameters ----------------------------------------------------------------------------

    private void set(int index, Object spiValue) throws SQLException {
        checkOpen();
        parameters.set(index, spiValue);
    }

    @Override
    public void clearParameters() throws SQLException {
        checkOpen();
        parameters.clear();
    }

    @Override
    public void setNull(int index, int sqlType) throws SQLException {
        set(index, null);
    }

    @Override
    public void setNull(int index, int sqlType, String typeName) throws SQLException {
        set(index, null);
    }

    @Override
    public void setBoolean(int index, boolean x) throws SQLException {
        set(index, x);
    }

    /** The SPI has no TINYINT: a byte travels as a SMALLINT. */
    @Override
    public void setByte(int index, byte x) throws SQLException {
        set(index, (short) x);
    }

    @Override
    public void setShort(int index, short x) throws SQLException {
        set(index, x);
    }

    @Override
    public void setInt(int index, int x) throws SQLException {
        set(index, x);
    }

    @Override
    public void setLong(int index, long x) throws SQLException {
        set(index, x);
    }

    @Override
    public void setFloat(int index, float x) throws SQLException {
        set(index, x);
    }

    @Override
    public void setDouble(int index, double x) throws SQLException {
        set(index, x);
    }

    @Override
    public void setBigDecimal(int index, BigDecimal x) throws SQLException {
        set(index, x);
    }

    @Override
    public void setString(int index, String x) throws SQLException {
        set(index, x);
    }

    @Override
    public void setNString(int index, String value) throws SQLException {
        set(index, value);
    }

    @Override
    public void setBytes(int index, byte[] x) throws SQLException {
        set(index, ValueConverter.toParameter(x));
    }

    @Override
    public void setDate(int index, Date x) throws SQLException {
        setDate(index, x, null);
    }

    @Override
    public void setDate(int index, Date x, Calendar cal) throws SQLException {
        set(index, x == null ? null : ValueConverter.parameterDate(x, cal));
    }

    @Override
    public void setTime(int index, Time x) throws SQLException {
        setTime(index, x, null);
    }

    @Override
    public void setTime(int index, Time x, Calendar cal) throws SQLException {
        set(index, x == null ? null : ValueConverter.parameterTime(x, cal));
    }

    @Override
    public void setTimestamp(int index, Timestamp x) throws SQLException {
        setTimestamp(index, x, null);
    }

    @Override
    public void setTimestamp(int index, Timestamp x, Calendar cal) throws SQLException {
        set(index, x == null ? null : ValueConverter.parameterTimestamp(x, cal));
    }

    @Override
    public void setObject(int index, Object x) throws SQLException {
        set(index, ValueConverter.toParameter(x));
    }

    @Override
    public void setObject(int index, Object x, int targetSqlType) throws SQLException {
        set(index, ValueConverter.toParameter(x, targetSqlType));
    }

    @Override
    public void setObject(int index, Object x, int targetSqlType, int scaleOrLength) throws SQLException {
        set(index, ValueConverter.toParameter(x, targetSqlType, scaleOrLength));
    }

    @Override
    public void setObject(int index, Object x, SQLType targetSqlType) throws SQLException {
        setObject(index, x, jdbcTypeNumber(targetSqlType));
    }

    @Override
    public void setObject(int index, Object x, SQLType targetSqlType, int scaleOrLength) throws SQLException {
        setObject(index, x, jdbcTypeNumber(targetSqlType), scaleOrLength);
    }

    private static int jdbcTypeNumber(SQLType type) throws SQLException {
        if (!(type instanceof JDBCType)) {
            throw JdbcErrors.notSupported("vendor SQLType " + type);
        }
        return type.getVendorTypeNumber();
    }

    @Override
    public void setCharacterStream(int index, Reader reader) throws SQLException {
        setCharacterStream(index, reader, -1L);
    }

    @Override
    public void setCharacterStream(int index, Reader reader, int length) throws SQLException {
        setCharacterStream(index, reader, (long) length);
    }

    @Override
    public void setCharacterStream(int index, Reader reader, long length) throws SQLException {
        checkOpen();
        set(index, ParameterStreams.readText(reader, length));
    }

    @Override
    public void setNCharacterStream(int index, Reader value) throws SQLException {
        setCharacterStream(index, value, -1L);
    }

    @Override
    public void setNCharacterStream(int index, Reader value, long length) throws SQLException {
        setCharacterStream(index, value, length);
    }

    @Override
    public void setAsciiStream(int index, InputStream x) throws SQLException {
        setAsciiStream(index, x, -1L);
    }

    @Override
    public void setAsciiStream(int index, InputStream x, int length) throws SQLException {
        setAsciiStream(index, x, (long) length);
    }

    @Override
    public void setAsciiStream(int index, InputStream x, long length) throws SQLException {
        checkOpen();
        byte[] bytes = ParameterStreams.readBytes(x, length);
        set(index, bytes == null ? null : new String(bytes, StandardCharsets.US_ASCII));
    }

    @Override
    public void setBinaryStream(int index, InputStream x) throws SQLException {
        setBinaryStream(index, x, -1L);
    }

    @Override
    public void setBinaryStream(int index, InputStream x, int length) throws SQLException {
        setBinaryStream(index, x, (long) length);
    }

    @Override
    public void setBinaryStream(int index, InputStream x, long length) throws SQLException {
        checkOpen();
        set(index, ParameterStreams.readBytes(x, length));
    }

    // ---- Not supported -------------------------------------------------------------------------

    @Override
    @Deprecated
    public void setUnicodeStream(int index, InputStream x, int length) throws SQLException {
        throw unsupportedParameter("setUnicodeStream");
    }

    @Override
    public void setRef(int index, Ref x) throws SQLException {
        throw unsupportedParameter("Ref");
    }

    @Override
    public void setBlob(int index, Blob x) throws SQLException {
        throw unsupportedParameter("Blob");
    }

    @Override
    public void setBlob(int index, InputStream inputStream, long length) throws SQLException {
        throw unsupportedParameter("Blob");
    }

    @Override
    public void setBlob(int index, InputStream inputStream) throws SQLException {
        throw unsupportedParameter("Blob");
    }

    @Override
    public void setClob(int index, Clob x) throws SQLException {
        throw unsupportedParameter("Clob");
    }

    @Override
    public void setClob(int index, Reader reader, long length) throws SQLException {
        throw unsupportedParameter("Clob");
    }

    @Override
    public void setClob(int index, Reader reader) throws SQLException {
        throw unsupportedParameter("Clob");
    }

    @Override
    public void setNClob(int index, NClob value) throws SQLException {
        throw unsupportedParameter("NClob");
    }

    @Override
    public void setNClob(int index, Reader reader, long length) throws SQLException {
        throw unsupportedParameter("NClob");
    }

    @Override
    public void setNClob(int index, Reader reader) throws SQLException {
        throw unsupportedParameter("NClob");
    }

    @Override
    public void setArray(int index, Array x) throws SQLException {
        throw unsupportedParameter("Array");
    }

    @Override
    public void setURL(int index, URL x) throws SQLException {
        throw unsupportedParameter("URL");
    }

    @Override
    public void setRowId(int index, RowId x) throws SQLException {
        throw unsupportedParameter("RowId");
    }

    @Override
    public void setSQLXML(int index, SQLXML xmlObject) throws SQLException {
        throw unsupportedParameter("SQLXML");
    }

    private SQLException unsupportedParameter(String what) throws SQLException {
        checkOpen();
        return JdbcErrors.notSupported(what + " parameters");
    }
}

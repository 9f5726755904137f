package io.basalt.jdbc.internal;

import io.basalt.common.client.ColumnMetadata;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.List;

/** The engine's {@link ColumnMetadata} as JDBC asks for it; columns are read-only query results. */
public final class BasaltResultSetMetaData implements ResultSetMetaData {
    private final List<ColumnMetadata> columns;

    BasaltResultSetMetaData(List<ColumnMetadata> columns) {
        this.columns = List.copyOf(columns);
    }

    private ColumnMetadata column(int index) throws SQLException {
        if (index < 1 || index > columns.size()) {
            throw JdbcErrors.columnIndexOutOfRange(index, columns.size());
        }
        return columns.get(index - 1);
    }

    @Override
    public int getColumnCount() {
        return columns.size();
    }

    @Override
    public String getColumnLabel(int column) throws SQLException {
        return column(column).label();
    }

    @Override
    public String getColumnName(int column) throws SQLException {
        return column(column).columnName();
    }

    @Override
    public String getTableName(int column) throws SQLException {
        return column(column).tableName();
    }

    @Override
    public String getSchemaName(int column) throws SQLException {
        return column(column).schemaName();
    }

    /** Basalt has no catalogs. */
    @Override
    public String getCatalogName(int column) throws SQLException {
        column(column);
        return "";
    }

    @Override
    public int getColumnType(int column) throws SQLException {
        return column(column).jdbcType();
    }

    @Override
    public String getColumnTypeName(int column) throws SQLException {
        return column(column).typeName();
    }

    /** The class {@code getObject} returns for this column. */
    @Override
    public String getColumnClassName(int column) throws SQLException {
        return JdbcTypes.className(column(column).jdbcType());
    }

    @Override
    public int getPrecision(int column) throws SQLException {
        return column(column).precision();
    }

    @Override
    public int getScale(int column) throws SQLException {
        return column(column).scale();
    }

    @Override
    public int isNullable(int column) throws SQLException {
        return column(column).nullable() ? columnNullable : columnNoNulls;
    }

    @Override
    public int getColumnDisplaySize(int column) throws SQLException {
        ColumnMetadata c = column(column);
        return JdbcTypes.displaySize(c.jdbcType(), c.precision(), c.scale());
    }

    @Override
    public boolean isSigned(int column) throws SQLException {
        return JdbcTypes.isSigned(column(column).jdbcType());
    }

    /** Text compares case-sensitively (no collations yet); other types have no case. */
    @Override
    public boolean isCaseSensitive(int column) throws SQLException {
        return JdbcTypes.isText(column(column).jdbcType());
    }

    @Override
    public boolean isAutoIncrement(int column) throws SQLException {
        column(column);
        return false;
    }

    @Override
    public boolean isSearchable(int column) throws SQLException {
        column(column);
        return true;
    }

    @Override
    public boolean isCurrency(int column) throws SQLException {
        column(column);
        return false;
    }

    @Override
    public boolean isReadOnly(int column) throws SQLException {
        column(column);
        return true;
    }

    @Override
    public boolean isWritable(int column) throws SQLException {
        column(column);
        return false;
    }

    @Override
    public boolean isDefinitelyWritable(int column) throws SQLException {
        column(column);
        return false;
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

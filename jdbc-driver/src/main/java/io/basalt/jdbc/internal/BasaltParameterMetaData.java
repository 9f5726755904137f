package io.basalt.jdbc.internal;

import io.basalt.common.client.ParameterMetadata;
import java.sql.ParameterMetaData;
import java.sql.SQLException;
import java.util.List;

/** The types the engine inferred for a prepared statement's parameters. */
public final class BasaltParameterMetaData implements ParameterMetaData {
    private final List<ParameterMetadata> parameters;

    BasaltParameterMetaData(List<ParameterMetadata> parameters) {
        this.parameters = List.copyOf(parameters);
    }

    private ParameterMetadata parameter(int index) throws SQLException {
        if (index < 1 || index > parameters.size()) {
            throw JdbcErrors.parameterIndexOutOfRange(index, parameters.size());
        }
        return parameters.get(index - 1);
    }

    @Override
    public int getParameterCount() {
        return parameters.size();
    }

    /** The SPI does not say whether a parameter may be NULL. */
    @Override
    public int isNullable(int param) throws SQLException {
        parameter(param);
        return parameterNullableUnknown;
    }

    @Override
    public boolean isSigned(int param) throws SQLException {
        return JdbcTypes.isSigned(parameter(param).jdbcType());
    }

    @Override
    public int getPrecision(int param) throws SQLException {
        return parameter(param).precision();
    }

    @Override
    public int getScale(int param) throws SQLException {
        return parameter(param).scale();
    }

    @Override
    public int getParameterType(int param) throws SQLException {
        return parameter(param).jdbcType();
    }

    @Override
    public String getParameterTypeName(int param) throws SQLException {
        return parameter(param).typeName();
    }

    @Override
    public String getParameterClassName(int param) throws SQLException {
        return JdbcTypes.className(parameter(param).jdbcType());
    }

    @Override
    public int getParameterMode(int param) throws SQLException {
        parameter(param);
        return parameterModeIn;
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

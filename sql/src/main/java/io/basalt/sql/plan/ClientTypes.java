package io.basalt.sql.plan;

import io.basalt.common.client.ColumnMetadata;
import io.basalt.common.client.ParameterMetadata;
import io.basalt.sql.type.UnconstrainedNumeric;
import java.util.List;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeField;
import org.apache.calcite.sql.type.SqlTypeName;

/** Describes Calcite types to clients: JDBC type codes, names, precision and scale. */
final class ClientTypes {
    private ClientTypes() {
    }

    static ColumnMetadata column(RelDataTypeField field, List<String> origin) {
        RelDataType type = field.getType();
        String table = origin == null || origin.size() < 2 ? "" : origin.get(origin.size() - 2);
        String column = origin == null || origin.isEmpty() ? field.getName() : origin.get(origin.size() - 1);
        String schema = origin == null || origin.size() < 3 ? "" : origin.get(origin.size() - 3);
        return new ColumnMetadata(field.getName(), column, table, schema, jdbcType(type), typeName(type),
                precision(type), scale(type), type.isNullable());
    }

    static ParameterMetadata parameter(RelDataType type) {
        return new ParameterMetadata(jdbcType(type), typeName(type), precision(type), scale(type));
    }

    private static int jdbcType(RelDataType type) {
        SqlTypeName name = type.getSqlTypeName();
        // FLOAT is a synonym of DOUBLE in Basalt; TINYINT values travel as SMALLINT.
        if (name == SqlTypeName.FLOAT) {
            return java.sql.Types.DOUBLE;
        }
        if (name == SqlTypeName.TINYINT) {
            return java.sql.Types.SMALLINT;
        }
        return name.getJdbcOrdinal();
    }

    private static String typeName(RelDataType type) {
        SqlTypeName name = type.getSqlTypeName();
        return switch (name) {
            case FLOAT -> "DOUBLE";
            case TINYINT -> "SMALLINT";
            default -> name.getName();
        };
    }

    /** Unconstrained NUMERIC has neither precision nor scale: 0, as JDBC says for "not applicable" (pgjdbc does the same). */
    private static int precision(RelDataType type) {
        if (UnconstrainedNumeric.is(type)) {
            return 0;
        }
        int precision = type.getPrecision();
        if (type.getSqlTypeName() == SqlTypeName.VARCHAR && precision == RelDataType.PRECISION_NOT_SPECIFIED) {
            return Integer.MAX_VALUE;
        }
        return Math.max(precision, 0);
    }

    private static int scale(RelDataType type) {
        if (UnconstrainedNumeric.is(type)) {
            return 0;
        }
        return type.getScale() == RelDataType.SCALE_NOT_SPECIFIED ? 0 : Math.max(type.getScale(), 0);
    }
}

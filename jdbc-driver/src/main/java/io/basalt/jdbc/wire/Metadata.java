package io.basalt.jdbc.wire;

import io.basalt.common.client.ColumnMetadata;
import io.basalt.common.client.ParameterMetadata;
import java.util.ArrayList;
import java.util.List;

/**
 * Column and parameter descriptions on the wire:
 * <pre>
 *   column:    string label, columnName, tableName, schemaName; int32 jdbcType; string typeName;
 *              int32 precision, scale; bool nullable
 *   parameter: int32 jdbcType; string typeName; int32 precision, scale
 * </pre>
 */
final class Metadata {
    private Metadata() {
    }

    static void writeColumns(WireWriter out, List<ColumnMetadata> columns) {
        out.i32(columns.size());
        for (ColumnMetadata c : columns) {
            out.string(c.label());
            out.string(c.columnName());
            out.string(c.tableName());
            out.string(c.schemaName());
            out.i32(c.jdbcType());
            out.string(c.typeName());
            out.i32(c.precision());
            out.i32(c.scale());
            out.bool(c.nullable());
        }
    }

    static List<ColumnMetadata> readColumns(WireReader in) {
        int count = in.count(33);
        List<ColumnMetadata> columns = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            columns.add(new ColumnMetadata(in.string(), in.string(), in.string(), in.string(), in.i32(), in.string(),
                    in.i32(), in.i32(), in.bool()));
        }
        return List.copyOf(columns);
    }

    static void writeParameters(WireWriter out, List<ParameterMetadata> parameters) {
        out.i32(parameters.size());
        for (ParameterMetadata p : parameters) {
            out.i32(p.jdbcType());
            out.string(p.typeName());
            out.i32(p.precision());
            out.i32(p.scale());
        }
    }

    static List<ParameterMetadata> readParameters(WireReader in) {
        int count = in.count(16);
        List<ParameterMetadata> parameters = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            parameters.add(new ParameterMetadata(in.i32(), in.string(), in.i32(), in.i32()));
        }
        return List.copyOf(parameters);
    }
}

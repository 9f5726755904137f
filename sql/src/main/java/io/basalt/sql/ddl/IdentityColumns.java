package io.basalt.sql.ddl;

import io.basalt.common.error.BasaltException;
import io.basalt.common.error.SqlState;
import io.basalt.sql.catalog.ColumnDescriptor;
import io.basalt.sql.catalog.ColumnType;
import io.basalt.sql.catalog.SequenceDescriptor;
import io.basalt.sql.parse.SequenceOptions;
import io.basalt.sql.parse.SqlColumnDeclaration;
import io.basalt.sql.parse.SqlIdentitySpec;
import io.basalt.sql.parse.SqlSerialTypeNameSpec;
import io.basalt.sql.schema.BasaltSchema;
import java.util.List;
import java.util.function.IntFunction;

/**
 * Identity columns (GENERATED ... AS IDENTITY, AUTO_INCREMENT, SERIAL): each gets a sequence of
 * its own, {@code <table>_<column>_seq}, owned by the table (dropped with it), bounded by the
 * column's integer type, and a DEFAULT of {@code NEXT VALUE FOR} it. The column is NOT NULL.
 */
final class IdentityColumns {
    /** What an identity column needs: its kind, its default, and its sequence once it has an id. */
    record Identity(ColumnDescriptor.Identity kind, String defaultSql, IntFunction<SequenceDescriptor> sequence) {
    }

    private IdentityColumns() {
    }

    /** The identity of a declared column, or null if it is an ordinary column. */
    static Identity of(SqlColumnDeclaration declaration, String table, String column, ColumnType type) {
        SqlIdentitySpec spec = declaration.identity();
        boolean serial = declaration.dataType().getTypeNameSpec() instanceof SqlSerialTypeNameSpec;
        if (spec == null && !serial) {
            return null;
        }
        long typeMax = switch (type.name()) {
            case SMALLINT -> Short.MAX_VALUE;
            case INTEGER -> Integer.MAX_VALUE;
            case BIGINT -> Long.MAX_VALUE;
            default -> throw new BasaltException(SqlState.INVALID_COLUMN_DEFINITION, "identity column type must be"
                    + " smallint, integer, or bigint (column \"" + column + "\" is " + type + ")");
        };
        long typeMin = -typeMax - 1;
        String sequenceName = DdlNames.generated(table, List.of(column), "seq");
        SequenceOptions options = spec != null ? spec.options() : new SequenceOptions();
        ColumnDescriptor.Identity kind = spec != null && spec.always() ? ColumnDescriptor.Identity.ALWAYS
                : ColumnDescriptor.Identity.BY_DEFAULT;
        // Schema-qualified: the validator resolves a DEFAULT without the default schema path.
        String defaultSql = "NEXT VALUE FOR \"" + BasaltSchema.NAME + "\".\"" + sequenceName.replace("\"", "\"\"") + "\"";
        // Checked now, so that bad options fail the CREATE TABLE before anything is stored.
        SequenceDefinitions.define(0, sequenceName, options, typeMin, typeMax, table);
        return new Identity(kind, defaultSql,
                id -> SequenceDefinitions.define(id, sequenceName, options, typeMin, typeMax, table));
    }
}

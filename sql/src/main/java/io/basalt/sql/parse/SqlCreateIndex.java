package io.basalt.sql.parse;

import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlCreate;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlLiteral;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.SqlSpecialOperator;
import org.apache.calcite.sql.SqlWriter;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.util.ImmutableNullableList;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * {@code CREATE [UNIQUE] INDEX [IF NOT EXISTS] [name] ON table (col, ...) [GLOBAL | LOCAL]}.
 * GLOBAL (term-partitioned) is the default; see ARCHITECTURE.md section 4.
 */
public final class SqlCreateIndex extends SqlCreate {
    public static final SqlSpecialOperator OPERATOR =
        new SqlSpecialOperator("CREATE INDEX", SqlKind.CREATE_INDEX) {
            @Override
            public SqlCall createCall(@Nullable SqlLiteral functionQualifier, SqlParserPos pos,
                    @Nullable SqlNode... operands) {
                return new SqlCreateIndex(pos, ((SqlLiteral) operands[0]).booleanValue(),
                    ((SqlLiteral) operands[1]).booleanValue(), (SqlIdentifier) operands[2],
                    (SqlIdentifier) operands[3], (SqlNodeList) operands[4], ((SqlLiteral) operands[5]).booleanValue());
            }
        };

    private final boolean unique;
    private final @Nullable SqlIdentifier name;
    private final SqlIdentifier table;
    private final SqlNodeList columns;
    private final boolean local;

    public SqlCreateIndex(SqlParserPos pos, boolean ifNotExists, boolean unique, @Nullable SqlIdentifier name,
            SqlIdentifier table, SqlNodeList columns, boolean local) {
        super(OPERATOR, pos, false, ifNotExists);
        this.unique = unique;
        this.name = name;
        this.table = table;
        this.columns = columns;
        this.local = local;
    }

    public boolean unique() {
        return unique;
    }

    public boolean ifNotExists() {
        return ifNotExists;
    }

    /** The index name, or null when the statement left it to be generated. */
    public @Nullable SqlIdentifier name() {
        return name;
    }

    public SqlIdentifier table() {
        return table;
    }

    public List<SqlIdentifier> columns() {
        List<SqlIdentifier> list = new ArrayList<>();
        for (SqlNode column : columns) {
            list.add((SqlIdentifier) column);
        }
        return list;
    }

    /** Whether LOCAL was written; GLOBAL, written or not, is false. */
    public boolean local() {
        return local;
    }

    @Override
    public SqlOperator getOperator() {
        return OPERATOR;
    }

    @Override
    public List<SqlNode> getOperandList() {
        return ImmutableNullableList.of(SqlLiteral.createBoolean(ifNotExists, pos),
            SqlLiteral.createBoolean(unique, pos), name, table, columns, SqlLiteral.createBoolean(local, pos));
    }

    @Override
    public void unparse(SqlWriter writer, int leftPrec, int rightPrec) {
        writer.keyword(unique ? "CREATE UNIQUE INDEX" : "CREATE INDEX");
        if (ifNotExists) {
            writer.keyword("IF NOT EXISTS");
        }
        if (name != null) {
            name.unparse(writer, 0, 0);
        }
        writer.keyword("ON");
        table.unparse(writer, 0, 0);
        SqlWriter.Frame frame = writer.startList("(", ")");
        for (SqlNode column : columns) {
            writer.sep(",");
            column.unparse(writer, 0, 0);
        }
        writer.endList(frame);
        writer.keyword(local ? "LOCAL" : "GLOBAL");
    }
}

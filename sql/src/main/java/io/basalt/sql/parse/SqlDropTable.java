package io.basalt.sql.parse;

import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlDrop;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlLiteral;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.SqlSpecialOperator;
import org.apache.calcite.sql.SqlWriter;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.checkerframework.checker.nullness.qual.Nullable;

import java.util.List;

/** {@code DROP TABLE [IF EXISTS] name [CASCADE | RESTRICT]}; RESTRICT is the default, as in PostgreSQL. */
public final class SqlDropTable extends SqlDrop {
    public static final SqlSpecialOperator OPERATOR =
        new SqlSpecialOperator("DROP TABLE", SqlKind.DROP_TABLE) {
            @Override
            public SqlCall createCall(@Nullable SqlLiteral functionQualifier, SqlParserPos pos,
                    @Nullable SqlNode... operands) {
                return new SqlDropTable(pos, ((SqlLiteral) operands[0]).booleanValue(),
                    (SqlIdentifier) operands[1], ((SqlLiteral) operands[2]).booleanValue());
            }
        };

    private final SqlIdentifier name;
    private final boolean cascade;

    public SqlDropTable(SqlParserPos pos, boolean ifExists, SqlIdentifier name, boolean cascade) {
        super(OPERATOR, pos, ifExists);
        this.name = name;
        this.cascade = cascade;
    }

    public SqlIdentifier name() {
        return name;
    }

    public boolean ifExists() {
        return ifExists;
    }

    /** Whether CASCADE was given; false means RESTRICT, written or not. */
    public boolean cascade() {
        return cascade;
    }

    @Override
    public SqlOperator getOperator() {
        return OPERATOR;
    }

    @Override
    public List<SqlNode> getOperandList() {
        return List.of(SqlLiteral.createBoolean(ifExists, pos), name, SqlLiteral.createBoolean(cascade, pos));
    }

    @Override
    public void unparse(SqlWriter writer, int leftPrec, int rightPrec) {
        writer.keyword("DROP TABLE");
        if (ifExists) {
            writer.keyword("IF EXISTS");
        }
        name.unparse(writer, 0, 0);
        if (cascade) {
            writer.keyword("CASCADE");
        }
    }
}

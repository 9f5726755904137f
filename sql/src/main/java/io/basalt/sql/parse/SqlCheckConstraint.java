package io.basalt.sql.parse;

import java.util.List;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlLiteral;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.SqlSpecialOperator;
import org.apache.calcite.sql.SqlWriter;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.util.ImmutableNullableList;
import org.checkerframework.checker.nullness.qual.Nullable;

/** {@code [CONSTRAINT name] CHECK (condition)}, on a column or on the table: the same either way. */
public final class SqlCheckConstraint extends SqlCall {
    public static final SqlSpecialOperator OPERATOR =
        new SqlSpecialOperator("CHECK", SqlKind.CHECK) {
            @Override
            public SqlCall createCall(@Nullable SqlLiteral functionQualifier, SqlParserPos pos,
                    @Nullable SqlNode... operands) {
                return new SqlCheckConstraint(pos, (SqlIdentifier) operands[0], operands[1]);
            }
        };

    private final @Nullable SqlIdentifier name;
    private final SqlNode condition;

    public SqlCheckConstraint(SqlParserPos pos, @Nullable SqlIdentifier name, SqlNode condition) {
        super(pos);
        this.name = name;
        this.condition = condition;
    }

    public @Nullable SqlIdentifier name() {
        return name;
    }

    public SqlNode condition() {
        return condition;
    }

    @Override
    public SqlOperator getOperator() {
        return OPERATOR;
    }

    @Override
    public List<SqlNode> getOperandList() {
        return ImmutableNullableList.of(name, condition);
    }

    @Override
    public void unparse(SqlWriter writer, int leftPrec, int rightPrec) {
        if (name != null) {
            writer.keyword("CONSTRAINT");
            name.unparse(writer, 0, 0);
        }
        writer.keyword("CHECK");
        SqlWriter.Frame frame = writer.startList("(", ")");
        condition.unparse(writer, 0, 0);
        writer.endList(frame);
    }
}

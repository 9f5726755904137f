package io.basalt.sql.parse;

import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlLiteral;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.SqlSpecialOperator;
import org.apache.calcite.sql.SqlWriter;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.checkerframework.checker.nullness.qual.Nullable;

import java.util.List;

/**
 * {@code BEGIN [WORK | TRANSACTION] [mode, ...]} or {@code START TRANSACTION [mode, ...]}; both
 * unparse as START TRANSACTION, the standard spelling.
 */
public final class SqlBeginTransaction extends SqlCall {
    public static final SqlSpecialOperator OPERATOR =
        new SqlSpecialOperator("START TRANSACTION", SqlKind.OTHER) {
            @Override
            public SqlCall createCall(@Nullable SqlLiteral functionQualifier, SqlParserPos pos,
                    @Nullable SqlNode... operands) {
                return new SqlBeginTransaction(pos, (SqlNodeList) operands[0]);
            }
        };

    private final SqlNodeList modes;

    /** {@code modes} holds {@link TransactionMode} symbol literals, without contradictions. */
    public SqlBeginTransaction(SqlParserPos pos, SqlNodeList modes) {
        super(pos);
        this.modes = modes;
    }

    /** The modes as written, in order; empty for a plain BEGIN. */
    public List<TransactionMode> modes() {
        return TransactionMode.of(modes);
    }

    /** The isolation level asked for, or null to use the session's default. */
    public @Nullable TransactionMode isolationLevel() {
        return TransactionMode.isolationLevel(modes());
    }

    /** READ_ONLY or READ_WRITE if given, or null to use the session's default. */
    public @Nullable TransactionMode accessMode() {
        return TransactionMode.accessMode(modes());
    }

    @Override
    public SqlOperator getOperator() {
        return OPERATOR;
    }

    @Override
    public List<SqlNode> getOperandList() {
        return List.of(modes);
    }

    @Override
    public void unparse(SqlWriter writer, int leftPrec, int rightPrec) {
        writer.keyword("START TRANSACTION");
        TransactionMode.unparse(writer, modes());
    }
}

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
 * {@code SET TRANSACTION mode, ...} (the current transaction only) or
 * {@code SET SESSION CHARACTERISTICS AS TRANSACTION mode, ...} (the session's default for later
 * transactions).
 *
 * <p>Not a {@link org.apache.calcite.sql.SqlSetOption}: Calcite code that sees
 * {@link SqlKind#SET_OPTION} expects a name and a value, which these statements do not have.
 */
public final class SqlSetTransaction extends SqlCall {
    public static final SqlSpecialOperator OPERATOR =
        new SqlSpecialOperator("SET TRANSACTION", SqlKind.OTHER) {
            @Override
            public SqlCall createCall(@Nullable SqlLiteral functionQualifier, SqlParserPos pos,
                    @Nullable SqlNode... operands) {
                return new SqlSetTransaction(pos, ((SqlLiteral) operands[0]).booleanValue(),
                    (SqlNodeList) operands[1]);
            }
        };

    private final boolean sessionCharacteristics;
    private final SqlNodeList modes;

    /** {@code modes} holds {@link TransactionMode} symbol literals, at least one, without contradictions. */
    public SqlSetTransaction(SqlParserPos pos, boolean sessionCharacteristics, SqlNodeList modes) {
        super(pos);
        this.sessionCharacteristics = sessionCharacteristics;
        this.modes = modes;
    }

    /** True for SET SESSION CHARACTERISTICS AS TRANSACTION, false for SET TRANSACTION. */
    public boolean sessionCharacteristics() {
        return sessionCharacteristics;
    }

    public List<TransactionMode> modes() {
        return TransactionMode.of(modes);
    }

    public @Nullable TransactionMode isolationLevel() {
        return TransactionMode.isolationLevel(modes());
    }

    public @Nullable TransactionMode accessMode() {
        return TransactionMode.accessMode(modes());
    }

    @Override
    public SqlOperator getOperator() {
        return OPERATOR;
    }

    @Override
    public List<SqlNode> getOperandList() {
        return List.of(SqlLiteral.createBoolean(sessionCharacteristics, pos), modes);
    }

    @Override
    public void unparse(SqlWriter writer, int leftPrec, int rightPrec) {
        writer.keyword(sessionCharacteristics ? "SET SESSION CHARACTERISTICS AS TRANSACTION" : "SET TRANSACTION");
        TransactionMode.unparse(writer, modes());
    }
}

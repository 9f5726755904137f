package io.basalt.sql.parse;

import java.util.List;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlLiteral;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.SqlSpecialOperator;
import org.apache.calcite.sql.SqlWriter;
import org.apache.calcite.sql.parser.SqlParserPos;

/**
 * {@code query FOR UPDATE [NOWAIT]} or {@code query FOR SHARE [NOWAIT]}: the rows the query reads
 * are locked, exclusively or shared, until the transaction ends; NOWAIT fails at once (55P03)
 * instead of waiting for another holder.
 */
public final class SqlLockingQuery extends SqlCall {
    public static final SqlSpecialOperator OPERATOR = new SqlSpecialOperator("FOR UPDATE", SqlKind.OTHER) {
        @Override
        public SqlCall createCall(SqlLiteral functionQualifier, SqlParserPos pos, SqlNode... operands) {
            return new SqlLockingQuery(pos, operands[0], ((SqlLiteral) operands[1]).booleanValue(),
                    ((SqlLiteral) operands[2]).booleanValue());
        }
    };

    private final SqlNode query;
    private final boolean share;
    private final boolean noWait;

    public SqlLockingQuery(SqlParserPos pos, SqlNode query, boolean share, boolean noWait) {
        super(pos);
        this.query = query;
        this.share = share;
        this.noWait = noWait;
    }

    public SqlNode query() {
        return query;
    }

    /** FOR SHARE (true) or FOR UPDATE (false). */
    public boolean share() {
        return share;
    }

    public boolean noWait() {
        return noWait;
    }

    @Override
    public SqlOperator getOperator() {
        return OPERATOR;
    }

    @Override
    public List<SqlNode> getOperandList() {
        return List.of(query, SqlLiteral.createBoolean(share, SqlParserPos.ZERO), SqlLiteral.createBoolean(noWait, SqlParserPos.ZERO));
    }

    @Override
    public void unparse(SqlWriter writer, int leftPrec, int rightPrec) {
        query.unparse(writer, 0, 0);
        writer.keyword("FOR");
        writer.keyword(share ? "SHARE" : "UPDATE");
        if (noWait) {
            writer.keyword("NOWAIT");
        }
    }
}

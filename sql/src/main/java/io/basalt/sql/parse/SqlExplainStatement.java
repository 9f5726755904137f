package io.basalt.sql.parse;

import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlLiteral;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.SqlSpecialOperator;
import org.apache.calcite.sql.SqlWriter;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.checkerframework.checker.nullness.qual.Nullable;

import java.util.List;

/**
 * PostgreSQL's {@code EXPLAIN [ANALYZE] statement}, where the statement is a query, INSERT,
 * UPDATE, DELETE or MERGE. Calcite's own {@code EXPLAIN PLAN ... FOR} still parses into
 * {@link org.apache.calcite.sql.SqlExplain}.
 *
 * <p>Its kind is {@link SqlKind#OTHER}, not {@link SqlKind#EXPLAIN}: Calcite casts nodes of kind
 * EXPLAIN to SqlExplain, which this is not.
 */
public final class SqlExplainStatement extends SqlCall {
    public static final SqlSpecialOperator OPERATOR =
        new SqlSpecialOperator("EXPLAIN", SqlKind.OTHER) {
            @Override
            public SqlCall createCall(@Nullable SqlLiteral functionQualifier, SqlParserPos pos,
                    @Nullable SqlNode... operands) {
                return new SqlExplainStatement(pos, operands[0], ((SqlLiteral) operands[1]).booleanValue());
            }
        };

    private final SqlNode statement;
    private final boolean analyze;

    public SqlExplainStatement(SqlParserPos pos, SqlNode statement, boolean analyze) {
        super(pos);
        this.statement = statement;
        this.analyze = analyze;
    }

    /** The statement to explain. */
    public SqlNode statement() {
        return statement;
    }

    /** Whether to run the statement and report actual row counts and timings (EXPLAIN ANALYZE). */
    public boolean analyze() {
        return analyze;
    }

    @Override
    public SqlOperator getOperator() {
        return OPERATOR;
    }

    @Override
    public List<SqlNode> getOperandList() {
        return List.of(statement, SqlLiteral.createBoolean(analyze, pos));
    }

    @Override
    public void unparse(SqlWriter writer, int leftPrec, int rightPrec) {
        writer.keyword("EXPLAIN");
        if (analyze) {
            writer.keyword("ANALYZE");
        }
        writer.newlineAndIndent();
        statement.unparse(writer, 0, 0);
    }
}

package io.basalt.sql.parse;

import io.basalt.common.error.BasaltException;
import io.basalt.common.error.SqlState;
import org.apache.calcite.runtime.CalciteContextException;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.parser.SqlParserPos;

/**
 * The errors Basalt's grammar raises itself, beyond JavaCC's "Encountered ... Was expecting".
 * Only the generated parser calls these.
 *
 * <p>Each returns a {@link CalciteContextException} because that is the one unchecked exception
 * the generated {@code convertException} turns into a positioned {@code SqlParseException}
 * (a grammar action cannot throw the checked one). Its cause is the {@link BasaltException} the
 * client should see: {@link BasaltSqlParser} unwraps it, which keeps the SQLState chosen here
 * (42P16 for a second primary key, as PostgreSQL reports it) instead of a blanket 42601. The
 * message carries the position already, because the generated code drops the wrapper's.
 */
public final class SqlParseErrors {
    private SqlParseErrors() {
    }

    public static CalciteContextException duplicatePrimaryKey(SqlParserPos pos, SqlIdentifier table) {
        return error(pos, SqlState.INVALID_TABLE_DEFINITION,
            "multiple primary keys for table \"" + table + "\" are not allowed");
    }

    public static CalciteContextException conflictingNullability(SqlParserPos pos, SqlIdentifier column) {
        return error(pos, SqlState.SYNTAX_ERROR,
            "conflicting NULL/NOT NULL declarations for column \"" + column + "\"");
    }

    public static CalciteContextException duplicateDefault(SqlParserPos pos, SqlIdentifier column) {
        return error(pos, SqlState.SYNTAX_ERROR,
            "multiple default values specified for column \"" + column + "\"");
    }

    public static CalciteContextException conflictingTransactionModes(SqlParserPos pos,
            TransactionMode first, TransactionMode second) {
        return error(pos, SqlState.SYNTAX_ERROR,
            "conflicting transaction modes " + first.sql() + " and " + second.sql());
    }

    /**
     * CREATE OR REPLACE TABLE would silently drop a table's data. It is a syntax error rather than
     * 0A000 because HikariCP evicts a pooled connection on 0A000 (STYLE.md section 5).
     */
    public static CalciteContextException createOrReplaceTable(SqlParserPos pos) {
        return error(pos, SqlState.SYNTAX_ERROR, "CREATE OR REPLACE TABLE is not supported");
    }

    public static CalciteContextException createOrReplaceIndex(SqlParserPos pos) {
        return error(pos, SqlState.SYNTAX_ERROR, "CREATE OR REPLACE INDEX is not supported");
    }

    public static CalciteContextException createOrReplaceUser(SqlParserPos pos) {
        return error(pos, SqlState.SYNTAX_ERROR, "CREATE OR REPLACE USER is not supported");
    }

    public static CalciteContextException numberOutOfRange(SqlParserPos pos, String image) {
        return error(pos, SqlState.NUMERIC_VALUE_OUT_OF_RANGE, "value \"" + image + "\" is out of range for type bigint");
    }

    private static CalciteContextException error(SqlParserPos pos, SqlState state, String message) {
        final BasaltException cause = new BasaltException(state, message + " at " + pos);
        return new CalciteContextException(message, cause,
            pos.getLineNum(), pos.getColumnNum(), pos.getEndLineNum(), pos.getEndColumnNum());
    }
}

package io.basalt.sql.parse;

import io.basalt.common.error.BasaltException;
import io.basalt.common.error.SqlState;
import io.basalt.sql.parse.impl.BasaltSqlParserImpl;
import io.basalt.sql.parse.impl.ParseException;
import io.basalt.sql.parse.impl.TokenMgrError;
import org.apache.calcite.avatica.util.Casing;
import org.apache.calcite.avatica.util.Quoting;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.parser.SqlParseException;
import org.apache.calcite.sql.parser.SqlParser;
import org.apache.calcite.sql.validate.SqlConformanceEnum;

import java.util.List;

/**
 * Entry point to Basalt's SQL grammar: Calcite's core grammar plus DDL, transaction and session
 * statements (see {@code src/main/codegen/includes/parserImpls.ftl}).
 *
 * <p>Every parse error becomes a {@link BasaltException}, SQLState 42601 unless the grammar chose
 * a more precise one (see {@link SqlParseErrors}), with a message that says where: "... at line
 * 1, column 8". This is the one place parse errors are converted (STYLE.md section 5).
 */
public final class BasaltSqlParser {
    /**
     * Lexical rules are PostgreSQL's except for case: identifiers are quoted with double quotes and
     * quoted ones keep their case, but unquoted ones are folded to upper case (Calcite's default,
     * where PostgreSQL folds to lower) because the catalog stores upper-case names.
     *
     * <p>Conformance is LENIENT, Calcite's "accept what any dialect accepts", because PostgreSQL
     * clients send {@code !=}, {@code OFFSET} before {@code LIMIT}, {@code GROUP BY} aliases and
     * ordinals, all of which DEFAULT rejects. BABEL was the alternative; it accepts the same for
     * these, but is documented for the Babel parser and may follow it. The cost of LENIENT is that
     * it also accepts some syntax PostgreSQL rejects, such as MySQL's {@code LIMIT 10, 20}.
     */
    public static final SqlParser.Config CONFIG = SqlParser.config()
        .withParserFactory(BasaltSqlParserImpl.FACTORY)
        .withQuoting(Quoting.DOUBLE_QUOTE)
        .withUnquotedCasing(Casing.TO_UPPER)
        .withQuotedCasing(Casing.UNCHANGED)
        .withCaseSensitive(true)
        .withConformance(SqlConformanceEnum.LENIENT);

    /** Past this many alternatives, "was expecting" lists every keyword and helps nobody. */
    private static final int MAX_EXPECTED_IN_MESSAGE = 8;

    private BasaltSqlParser() {
    }

    /** Parses one statement; a trailing semicolon is not allowed. */
    public static SqlNode parse(String sql) {
        if (sql.isEmpty()) {
            throw new BasaltException(SqlState.SYNTAX_ERROR, "empty statement");
        }
        try {
            return SqlParser.create(sql, CONFIG).parseStmt();
        } catch (SqlParseException e) {
            throw toBasaltException(e);
        }
    }

    /** Parses a scalar expression, such as a column's DEFAULT as the catalog stores it. */
    public static SqlNode parseExpression(String sql) {
        if (sql.isEmpty()) {
            throw new BasaltException(SqlState.SYNTAX_ERROR, "empty expression");
        }
        try {
            return SqlParser.create(sql, CONFIG).parseExpression();
        } catch (SqlParseException e) {
            throw toBasaltException(e);
        }
    }

    /** Parses a script of statements separated by semicolons; the last semicolon is optional. */
    public static List<SqlNode> parseStatements(String sql) {
        if (sql.isEmpty()) {
            // Calcite's factory sizes JavaCC's character buffer to the SQL's length, and JavaCC
            // 4.0 cannot read from an empty buffer (an ArrayIndexOutOfBoundsException). Blank
            // and comment-only scripts are fine and also give an empty list.
            return List.of();
        }
        try {
            return SqlParser.create(sql, CONFIG).parseStmtList().getList();
        } catch (SqlParseException e) {
            throw toBasaltException(e);
        }
    }

    static BasaltException toBasaltException(SqlParseException e) {
        final Throwable cause = e.getCause();
        if (cause instanceof BasaltException) {
            // Raised by our grammar through SqlParseErrors; already says where.
            final BasaltException raised = (BasaltException) cause;
            return new BasaltException(raised.sqlState(), raised.getMessage(), e);
        }
        return new BasaltException(SqlState.SYNTAX_ERROR, message(e), e);
    }

    /**
     * JavaCC's messages ({@link ParseException}, {@link TokenMgrError}) name the line and column
     * themselves; the errors Calcite raises from grammar actions (a numeric literal out of range,
     * say) do not, so for those we add the position the exception carries.
     */
    private static String message(SqlParseException e) {
        final String calciteMessage = String.valueOf(e.getMessage());
        final int expecting = calciteMessage.indexOf("\nWas expecting");
        String message = (expecting < 0 ? calciteMessage : calciteMessage.substring(0, expecting)).trim();
        final boolean positioned = e.getCause() instanceof ParseException || e.getCause() instanceof TokenMgrError;
        if (!positioned && e.getPos() != null) {
            message += " at " + e.getPos();
        }
        final List<String> expected = List.copyOf(e.getExpectedTokenNames());
        if (!expected.isEmpty() && expected.size() <= MAX_EXPECTED_IN_MESSAGE) {
            message += " Was expecting one of: " + String.join(", ", expected);
        }
        return message;
    }
}

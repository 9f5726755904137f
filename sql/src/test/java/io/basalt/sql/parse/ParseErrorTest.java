package io.basalt.sql.parse;

import io.basalt.common.error.BasaltException;
import io.basalt.common.error.SqlState;
import org.apache.calcite.sql.parser.SqlParseException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class ParseErrorTest {

    private static BasaltException parseError(String sql) {
        return catchThrowableOfType(BasaltException.class, () -> BasaltSqlParser.parse(sql));
    }

    @Test
    void unexpectedTokenIsSyntaxErrorWithCalcitesPosition() {
        final BasaltException e = parseError("SELECT a FROM t WHERE");

        assertThat(e.sqlState()).isEqualTo(SqlState.SYNTAX_ERROR);
        assertThat(e.sqlState().code()).isEqualTo("42601");
        assertThat(e.getMessage()).startsWith("Encountered \"<EOF>\" at line 1, column 21.");
        assertThat(e.getCause()).isInstanceOf(SqlParseException.class);
    }

    @Test
    void reservedWordWhereANameBelongsNamesTheKeyword() {
        final BasaltException e = parseError("SELECT a FROM from");

        assertThat(e.sqlState()).isEqualTo(SqlState.SYNTAX_ERROR);
        assertThat(e.getMessage()).contains("line 1, column 15");
    }

    @Test
    void errorOnALaterLineReportsThatLine() {
        final BasaltException e = parseError("SELECT a\nFROM t\nWHERE a = = 1");

        // Calcite reports the token before the unexpected one: "= =" starts at column 9.
        assertThat(e.getMessage()).contains("line 3, column 9");
    }

    @Test
    void lexicalErrorIsSyntaxErrorWithPosition() {
        final BasaltException e = parseError("SELECT 'unterminated");

        assertThat(e.sqlState()).isEqualTo(SqlState.SYNTAX_ERROR);
        assertThat(e.getMessage()).contains("line 1, column");
    }

    @Test
    void errorRaisedByAGrammarActionGetsThePositionAppended() {
        // Calcite raises this from an action, without a position in its message.
        final BasaltException e = parseError("SELEC 1");

        assertThat(e.sqlState()).isEqualTo(SqlState.SYNTAX_ERROR);
        assertThat(e.getMessage()).endsWith("at line 1, column 1");
    }

    @Test
    void shortListOfExpectedTokensIsIncluded() {
        final BasaltException e = parseError("BEGIN ISOLATION LEVEL");

        assertThat(e.getMessage())
            .contains("line 1, column 21")
            .contains("Was expecting one of:")
            .contains("\"SERIALIZABLE\"")
            .contains("\"SNAPSHOT\"");
    }

    @Test
    void longListOfExpectedTokensIsLeftOut() {
        final BasaltException e = parseError("SELECT a FROM t WHERE a = ");

        assertThat(e.getMessage()).doesNotContain("Was expecting").doesNotContain("\n");
    }

    @Test
    void emptyStatementIsASyntaxError() {
        assertThat(parseError("").getMessage()).isEqualTo("empty statement");
        assertThat(parseError("  -- nothing").getMessage()).contains("line 1, column");
        assertThat(parseError(";").sqlState()).isEqualTo(SqlState.SYNTAX_ERROR);
    }

    @Test
    void scriptWithoutStatementsIsEmpty() {
        assertThat(BasaltSqlParser.parseStatements("")).isEmpty();
        assertThat(BasaltSqlParser.parseStatements("  \n")).isEmpty();
        assertThat(BasaltSqlParser.parseStatements("/* nothing */ -- at all")).isEmpty();
    }

    @Test
    void errorInAScriptReportsItsLine() {
        final BasaltException e = catchThrowableOfType(BasaltException.class,
            () -> BasaltSqlParser.parseStatements("BEGIN;\nCOMMIT WORK WORK;"));

        assertThat(e.sqlState()).isEqualTo(SqlState.SYNTAX_ERROR);
        assertThat(e.getMessage()).contains("line 2, column 13");
    }
}

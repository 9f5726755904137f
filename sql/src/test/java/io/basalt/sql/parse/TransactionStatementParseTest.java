package io.basalt.sql.parse;

import io.basalt.common.error.BasaltException;
import io.basalt.common.error.SqlState;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlSetOption;
import org.apache.calcite.sql.SqlUpdate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;

import static io.basalt.sql.parse.ParseTesting.optionName;
import static io.basalt.sql.parse.ParseTesting.parseAs;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TransactionStatementParseTest {

    @ParameterizedTest
    @ValueSource(strings = {"BEGIN", "BEGIN WORK", "BEGIN TRANSACTION", "START TRANSACTION", "begin transaction"})
    void everySpellingOfBeginStartsATransactionWithoutModes(String sql) {
        final SqlBeginTransaction begin = parseAs(sql, SqlBeginTransaction.class);

        assertThat(begin.modes()).isEmpty();
        assertThat(begin.isolationLevel()).isNull();
        assertThat(begin.accessMode()).isNull();
    }

    @ParameterizedTest
    @CsvSource({
        "SERIALIZABLE,     SERIALIZABLE",
        "REPEATABLE READ,  REPEATABLE_READ",
        "SNAPSHOT,         SNAPSHOT",
        "READ COMMITTED,   READ_COMMITTED",
        "READ UNCOMMITTED, READ_UNCOMMITTED",
    })
    void everyIsolationLevelIsRecognised(String level, TransactionMode expected) {
        assertThat(parseAs("BEGIN ISOLATION LEVEL " + level, SqlBeginTransaction.class).isolationLevel())
            .isEqualTo(expected);
        assertThat(parseAs("START TRANSACTION ISOLATION LEVEL " + level, SqlBeginTransaction.class).modes())
            .containsExactly(expected);
        assertThat(parseAs("SET TRANSACTION ISOLATION LEVEL " + level, SqlSetTransaction.class).isolationLevel())
            .isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "BEGIN WORK ISOLATION LEVEL SERIALIZABLE, READ ONLY",
        "BEGIN ISOLATION LEVEL SERIALIZABLE READ ONLY",
        "START TRANSACTION ISOLATION LEVEL SERIALIZABLE, READ ONLY",
    })
    void modesMayBeSeparatedByCommasOrNothing(String sql) {
        final SqlBeginTransaction begin = parseAs(sql, SqlBeginTransaction.class);

        assertThat(begin.modes()).containsExactly(TransactionMode.SERIALIZABLE, TransactionMode.READ_ONLY);
        assertThat(begin.isolationLevel()).isEqualTo(TransactionMode.SERIALIZABLE);
        assertThat(begin.accessMode()).isEqualTo(TransactionMode.READ_ONLY);
    }

    @Test
    void accessModeAloneLeavesIsolationToTheSession() {
        final SqlBeginTransaction begin = parseAs("BEGIN READ WRITE", SqlBeginTransaction.class);

        assertThat(begin.accessMode()).isEqualTo(TransactionMode.READ_WRITE);
        assertThat(begin.isolationLevel()).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "BEGIN ISOLATION LEVEL SERIALIZABLE, ISOLATION LEVEL SNAPSHOT",
        "START TRANSACTION READ ONLY, READ WRITE",
        "SET TRANSACTION ISOLATION LEVEL READ COMMITTED ISOLATION LEVEL REPEATABLE READ",
    })
    void contradictoryModesAreRejected(String sql) {
        assertThatThrownBy(() -> BasaltSqlParser.parse(sql))
            .isInstanceOf(BasaltException.class)
            .hasMessageStartingWith("conflicting transaction modes")
            .hasMessageContaining("line 1, column")
            .satisfies(e -> assertThat(((BasaltException) e).sqlState()).isEqualTo(SqlState.SYNTAX_ERROR));
    }

    @Test
    void repeatingTheSameModeIsAccepted() {
        assertThat(parseAs("BEGIN READ ONLY, READ ONLY", SqlBeginTransaction.class).accessMode())
            .isEqualTo(TransactionMode.READ_ONLY);
    }

    @ParameterizedTest
    @ValueSource(strings = {"COMMIT", "COMMIT WORK", "COMMIT TRANSACTION", "END", "END WORK", "END TRANSACTION"})
    void commitAndEndCommit(String sql) {
        assertThat(parseAs(sql, SqlCommit.class).getKind()).isEqualTo(SqlKind.COMMIT);
    }

    @ParameterizedTest
    @ValueSource(strings = {"ROLLBACK", "ROLLBACK WORK", "ROLLBACK TRANSACTION", "ABORT", "ABORT WORK", "ABORT TRANSACTION"})
    void rollbackAndAbortRollBack(String sql) {
        assertThat(parseAs(sql, SqlRollback.class).getKind()).isEqualTo(SqlKind.ROLLBACK);
    }

    @Test
    void setTransactionAppliesToTheCurrentTransaction() {
        final SqlSetTransaction set = parseAs("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY",
            SqlSetTransaction.class);

        assertThat(set.sessionCharacteristics()).isFalse();
        assertThat(set.modes()).containsExactly(TransactionMode.REPEATABLE_READ, TransactionMode.READ_ONLY);
    }

    @Test
    void setSessionCharacteristicsAppliesToLaterTransactions() {
        final SqlSetTransaction set = parseAs(
            "SET SESSION CHARACTERISTICS AS TRANSACTION ISOLATION LEVEL SERIALIZABLE", SqlSetTransaction.class);

        assertThat(set.sessionCharacteristics()).isTrue();
        assertThat(set.isolationLevel()).isEqualTo(TransactionMode.SERIALIZABLE);
        assertThat(set.accessMode()).isNull();
    }

    @Test
    void optionsNamedTransactionOrSessionAreStillOptions() {
        final SqlSetOption transaction = parseAs("SET transaction = 1", SqlSetOption.class);
        final SqlSetOption session = parseAs("SET session TO 'x'", SqlSetOption.class);

        assertThat(optionName(transaction).getSimple()).isEqualTo("TRANSACTION");
        assertThat(optionName(session).getSimple()).isEqualTo("SESSION");
    }

    @ParameterizedTest
    @ValueSource(strings = {"SET TRANSACTION", "START", "BEGIN ISOLATION LEVEL", "COMMIT AND CHAIN"})
    void incompleteTransactionStatementsAreSyntaxErrors(String sql) {
        assertThatThrownBy(() -> BasaltSqlParser.parse(sql))
            .isInstanceOf(BasaltException.class)
            .satisfies(e -> assertThat(((BasaltException) e).sqlState()).isEqualTo(SqlState.SYNTAX_ERROR));
    }

    @Test
    void aTransactionScriptParsesStatementByStatement() {
        final List<SqlNode> script = BasaltSqlParser.parseStatements(
            "BEGIN ISOLATION LEVEL SERIALIZABLE;\n"
                + "UPDATE accounts SET balance = balance - 10 WHERE id = 1;\n"
                + "UPDATE accounts SET balance = balance + 10 WHERE id = 2;\n"
                + "COMMIT;");

        assertThat(script).hasSize(4);
        assertThat(script.get(0)).isInstanceOf(SqlBeginTransaction.class);
        assertThat(script.get(1)).isInstanceOf(SqlUpdate.class);
        assertThat(script.get(2)).isInstanceOf(SqlUpdate.class);
        assertThat(script.get(3)).isInstanceOf(SqlCommit.class);
    }
}

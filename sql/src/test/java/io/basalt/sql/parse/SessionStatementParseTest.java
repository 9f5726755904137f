package io.basalt.sql.parse;

import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlLiteral;
import org.apache.calcite.sql.SqlSetOption;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static io.basalt.sql.parse.ParseTesting.optionName;
import static io.basalt.sql.parse.ParseTesting.parseAs;
import static org.assertj.core.api.Assertions.assertThat;

class SessionStatementParseTest {

    @ParameterizedTest
    @ValueSource(strings = {"SET lock_timeout = '5s'", "SET lock_timeout TO '5s'"})
    void setAcceptsEqualsAndTo(String sql) {
        final SqlSetOption set = parseAs(sql, SqlSetOption.class);

        assertThat(set.getKind()).isEqualTo(SqlKind.SET_OPTION);
        assertThat(set.getScope()).isNull();
        assertThat(optionName(set).getSimple()).isEqualTo("LOCK_TIMEOUT");
        assertThat(((SqlLiteral) set.getValue()).getValueAs(String.class)).isEqualTo("5s");
    }

    @Test
    void setValueMayBeANumberAnIdentifierOrOnOff() {
        assertThat(((SqlLiteral) parseAs("SET statement_timeout TO -1", SqlSetOption.class).getValue()).intValue(true))
            .isEqualTo(-1);
        assertThat(((SqlIdentifier) parseAs("SET search_path TO public", SqlSetOption.class).getValue()).getSimple())
            .isEqualTo("PUBLIC");
        assertThat(((SqlIdentifier) parseAs("SET enable_seqscan = on", SqlSetOption.class).getValue()).getSimple())
            .isEqualTo("ON");
        assertThat(((SqlIdentifier) parseAs("SET enable_seqscan TO off", SqlSetOption.class).getValue()).getSimple())
            .isEqualTo("OFF");
    }

    @Test
    void setOfACompoundNameKeepsEveryPart() {
        assertThat(optionName(parseAs("SET basalt.retry_limit = 3", SqlSetOption.class)).names)
            .containsExactly("BASALT", "RETRY_LIMIT");
    }

    @ParameterizedTest
    @ValueSource(strings = {"SET lock_timeout TO DEFAULT", "SET lock_timeout = DEFAULT", "RESET lock_timeout"})
    void setToDefaultIsTheSameAsReset(String sql) {
        final SqlSetOption reset = parseAs(sql, SqlSetOption.class);

        assertThat(optionName(reset).getSimple()).isEqualTo("LOCK_TIMEOUT");
        assertThat(reset.getValue()).isNull();
    }

    @Test
    void resetAllIsCalcitesReset() {
        final SqlSetOption reset = parseAs("RESET ALL", SqlSetOption.class);

        assertThat(optionName(reset).getSimple()).isEqualTo("ALL");
        assertThat(reset.getValue()).isNull();
    }

    @Test
    void showTransactionIsolationLevelIsItsOwnSubject() {
        final SqlShow show = parseAs("SHOW TRANSACTION ISOLATION LEVEL", SqlShow.class);

        assertThat(show.subject()).isEqualTo(SqlShow.Subject.TRANSACTION_ISOLATION);
        assertThat(show.name()).isNull();
    }

    @Test
    void showAllIsNotASettingNamedAll() {
        assertThat(parseAs("SHOW ALL", SqlShow.class).subject()).isEqualTo(SqlShow.Subject.ALL);

        final SqlShow quoted = parseAs("SHOW \"ALL\"", SqlShow.class);
        assertThat(quoted.subject()).isEqualTo(SqlShow.Subject.SETTING);
        assertThat(quoted.name().getSimple()).isEqualTo("ALL");
    }

    @ParameterizedTest
    @ValueSource(strings = {"lock_timeout", "serializable", "transaction", "transaction_isolation", "level"})
    void showNameShowsOneSetting(String name) {
        final SqlShow show = parseAs("SHOW " + name, SqlShow.class);

        assertThat(show.subject()).isEqualTo(SqlShow.Subject.SETTING);
        assertThat(show.name().getSimple()).isEqualTo(name.toUpperCase(java.util.Locale.ROOT));
    }
}

package io.basalt.sql.parse;

import io.basalt.common.error.BasaltException;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlInsert;
import org.apache.calcite.sql.SqlSelect;
import org.apache.calcite.sql.SqlUpdate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;
import java.util.Locale;

import static io.basalt.sql.parse.ParseTesting.parseAs;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The words our statements added must not take column and table names away from users. */
class KeywordsAsIdentifiersTest {
    private static final List<String> WORDS = List.of(
        "level", "work", "transaction", "isolation", "snapshot", "show", "characteristics", "only", "write",
        "hash", "text", "begin", "start", "commit", "end", "rollback", "abort", "analyze", "if", "read",
        "session", "serializable", "repeatable", "committed", "uncommitted", "cascade", "restrict");

    @Test
    void tableMayHaveColumnsNamedAfterEveryNewKeyword() {
        final StringBuilder sql = new StringBuilder("CREATE TABLE words (");
        for (String word : WORDS) {
            sql.append(word).append(" INT, ");
        }
        sql.append("PRIMARY KEY (level, work)) PARTITION BY HASH (hash, transaction)");

        final SqlCreateTable create = parseAs(sql.toString(), SqlCreateTable.class);

        assertThat(create.columns()).extracting(c -> c.name().getSimple())
            .containsExactlyElementsOf(WORDS.stream().map(w -> w.toUpperCase(Locale.ROOT)).toList());
        assertThat(create.primaryKeyColumns()).containsExactly("LEVEL", "WORK");
        assertThat(create.partitionBy()).extracting(n -> ((SqlIdentifier) n).getSimple())
            .containsExactly("HASH", "TRANSACTION");
    }

    @Test
    void keywordNamedColumnsWorkInQueriesAndDml() {
        final String columns = String.join(", ", WORDS);

        final SqlSelect select = parseAs("SELECT " + columns + " FROM words WHERE level = 1 AND only > 2",
            SqlSelect.class);
        assertThat(select.getSelectList()).hasSize(WORDS.size());

        final SqlInsert insert = parseAs("INSERT INTO words (level, show, text) VALUES (1, 2, 'x')", SqlInsert.class);
        assertThat(insert.getTargetColumnList()).hasSize(3);

        final SqlUpdate update = parseAs("UPDATE words SET begin = end + 1, commit = 0 WHERE snapshot = 1",
            SqlUpdate.class);
        assertThat(update.getTargetColumnList()).hasSize(2);
    }

    @ParameterizedTest
    @ValueSource(strings = {"show", "begin", "commit", "analyze", "hash", "text"})
    void tablesMayBeNamedAfterNewKeywords(String word) {
        assertThat(parseAs("CREATE TABLE " + word + " (a INT)", SqlCreateTable.class).name().getSimple())
            .isEqualTo(word.toUpperCase(Locale.ROOT));
        assertThat(((SqlIdentifier) parseAs("SELECT a FROM " + word, SqlSelect.class).getFrom()).getSimple())
            .isEqualTo(word.toUpperCase(Locale.ROOT));
    }

    /**
     * PARTITION stays reserved: Calcite's window grammar reads an optional window name before
     * PARTITION BY, so a non-reserved PARTITION would be taken for that name. Quoting works.
     */
    @Test
    void partitionMustBeQuotedToNameAColumn() {
        assertThatThrownBy(() -> BasaltSqlParser.parse("CREATE TABLE t (partition INT)"))
            .isInstanceOf(BasaltException.class);

        final SqlCreateTable create = parseAs("CREATE TABLE t (\"PARTITION\" INT)", SqlCreateTable.class);
        assertThat(create.columns().get(0).name().getSimple()).isEqualTo("PARTITION");
    }
}

package io.basalt.server.golden;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.basalt.server.golden.GoldenFileParser.MalformedGoldenFileException;
import io.basalt.server.golden.GoldenRecord.ExpectError;
import io.basalt.server.golden.GoldenRecord.Query;
import io.basalt.server.golden.GoldenRecord.SortMode;
import io.basalt.server.golden.GoldenRecord.StatementCount;
import io.basalt.server.golden.GoldenRecord.StatementOk;
import io.basalt.server.golden.GoldenRecord.UseConnection;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The golden-file runner itself: that it reads the format strictly, writes values canonically,
 * and fails when a result, an update count or a SQLState differs. Without these a golden test
 * that can never fail would look like one that passes.
 */
class GoldenRunnerTest {
    private static final String TABLE = """
            statement ok
            CREATE TABLE t (id INT PRIMARY KEY, v VARCHAR(10))

            statement ok
            INSERT INTO t VALUES (1, 'a'), (2, NULL)

            """;

    // ---- Parser --------------------------------------------------------------------------------

    @Test
    void parsesEveryDirectiveWithMultiLineSqlAndComments() {
        List<GoldenRecord> records = GoldenFileParser.parse("all.sql", """
                # a comment between records
                statement ok
                CREATE TABLE t (id INT PRIMARY KEY,
                  v VARCHAR(10))

                statement count 2
                INSERT INTO t VALUES (1, 'a'), (2, 'b')

                statement error 23505
                INSERT INTO t VALUES (1, 'a')

                query error 42703
                SELECT nope FROM t

                connection other

                query IT rowsort
                SELECT id, v
                # a comment inside the SQL
                FROM t
                ----
                2 b
                1 'x y'

                query I
                SELECT id FROM t WHERE id > 5
                ----
                """);

        assertThat(records).containsExactly(
                new StatementOk(2, "CREATE TABLE t (id INT PRIMARY KEY,\n  v VARCHAR(10))"),
                new StatementCount(6, "INSERT INTO t VALUES (1, 'a'), (2, 'b')", 2),
                new ExpectError(9, "INSERT INTO t VALUES (1, 'a')", "23505"),
                new ExpectError(12, "SELECT nope FROM t", "42703"),
                new UseConnection(15, "other"),
                new Query(17, "SELECT id, v\nFROM t", "IT", SortMode.ROWSORT, List.of("2 b", "1 'x y'")),
                new Query(25, "SELECT id FROM t WHERE id > 5", "I", SortMode.NOSORT, List.of()));
    }

    @Test
    void unknownDirectiveFailsWithFileAndLine() {
        assertMalformed("statement ok\nSELECT 1\n\nstatment ok\nSELECT 2\n", "bad.sql:4: unknown directive 'statment ok'");
        assertMalformed("query\nSELECT 1\n----\n1\n", "bad.sql:1: unknown directive 'query'");
        assertMalformed("SELECT 1\n", "bad.sql:1: unknown directive 'SELECT 1'");
    }

    @Test
    void malformedRecordsFailWithFileAndLine() {
        assertMalformed("statement error 2350\nSELECT 1\n", "bad.sql:1: '2350' is not a 5-character SQLState");
        assertMalformed("statement error\nSELECT 1\n", "bad.sql:1: expected 'statement error SQLSTATE'");
        assertMalformed("statement count many\nSELECT 1\n", "bad.sql:1: 'many' is not an update count");
        assertMalformed("query IX\nSELECT 1, 2\n----\n1 2\n", "bad.sql:1: 'IX' is not column type letters");
        assertMalformed("query I sorted\nSELECT 1\n----\n1\n", "bad.sql:1: unknown sort mode 'sorted'");
        assertMalformed("query I\nSELECT 1\n1\n", "bad.sql:1: query without a '----' line");
        assertMalformed("query II\nSELECT 1, 2\n----\n1 2\n1\n", "bad.sql:5: expected row has 1 values but the query declares 2");
        assertMalformed("statement ok\nSELECT 1\n----\n1\n", "bad.sql:3: '----' belongs to a query");
        assertMalformed("statement ok\n\nSELECT 1\n", "bad.sql:1: record without SQL");
    }

    // ---- Canonical values ----------------------------------------------------------------------

    @Test
    void valuesHaveOneCanonicalText() {
        assertThat(ValueText.of(null)).isEqualTo("NULL");
        assertThat(ValueText.of("")).isEqualTo("(empty)");
        assertThat(ValueText.of(42)).isEqualTo("42");
        assertThat(ValueText.of(-9_000_000_000L)).isEqualTo("-9000000000");
        assertThat(ValueText.of(new BigDecimal("2.50"))).as("DECIMAL keeps its scale").isEqualTo("2.50");
        assertThat(ValueText.of(new BigDecimal("1E+3"))).isEqualTo("1000");
        assertThat(ValueText.of(true)).isEqualTo("true");
        assertThat(ValueText.of(LocalDate.of(2024, 2, 29))).isEqualTo("2024-02-29");
        assertThat(ValueText.of(LocalTime.of(10, 15))).isEqualTo("10:15:00");
        assertThat(ValueText.of(LocalTime.of(10, 15, 0, 500_000_000))).isEqualTo("10:15:00.5");
        assertThat(ValueText.of(LocalDateTime.of(2024, 1, 31, 23, 59, 58, 125_000_000)))
                .isEqualTo("2024-01-31T23:59:58.125");
    }

    @Test
    void floatingPointIsTheShortestTextThatReadsBack() {
        assertThat(ValueText.of(1.0)).isEqualTo("1");
        assertThat(ValueText.of(-2.5)).isEqualTo("-2.5");
        assertThat(ValueText.of(0.1 + 0.2)).isEqualTo("0.30000000000000004");
        assertThat(ValueText.of(0.1f)).as("REAL, not its widened double").isEqualTo("0.1");
        assertThat(ValueText.of(1e20)).isEqualTo("1E+20");
        assertThat(ValueText.of(1.5e-7)).isEqualTo("1.5E-7");
        assertThat(ValueText.of(123456.0)).isEqualTo("123456");
        assertThat(ValueText.of(0.0)).isEqualTo("0");
        assertThat(ValueText.of(-0.0)).isEqualTo("-0");
        assertThat(ValueText.of(Double.NaN)).isEqualTo("NaN");
        assertThat(ValueText.of(Double.NEGATIVE_INFINITY)).isEqualTo("-Infinity");
    }

    @Test
    void textIsQuotedOnlyWhenItWouldBeAmbiguous() {
        assertThat(ValueText.of("abc")).isEqualTo("abc");
        assertThat(ValueText.of("it's")).isEqualTo("it's");
        assertThat(ValueText.of("Human resources")).isEqualTo("'Human resources'");
        assertThat(ValueText.of("ab ")).as("CHAR padding stays visible").isEqualTo("'ab '");
        assertThat(ValueText.of("'q")).isEqualTo("'''q'");
        assertThat(ValueText.of("NULL")).isEqualTo("'NULL'");
        assertThat(ValueText.of("(empty)")).isEqualTo("'(empty)'");
        assertThat(ValueText.of("a\nb\\")).isEqualTo("'a\\nb\\\\'");
    }

    @Test
    void rowsSplitAtSpacesOutsideQuotes() {
        assertThat(ValueText.split("1 'a b' NULL")).containsExactly("1", "'a b'", "NULL");
        assertThat(ValueText.split("'it''s here' x")).containsExactly("'it''s here'", "x");
        assertThat(ValueText.split("it's x")).containsExactly("it's", "x");
        assertThat(ValueText.split("(empty)")).containsExactly("(empty)");
    }

    @Test
    void columnTypesMapToLetters() {
        assertThat(ValueText.typeLetter(Types.BIGINT)).isEqualTo('I');
        assertThat(ValueText.typeLetter(Types.DECIMAL)).isEqualTo('R');
        assertThat(ValueText.typeLetter(Types.DOUBLE)).isEqualTo('R');
        assertThat(ValueText.typeLetter(Types.CHAR)).isEqualTo('T');
        assertThat(ValueText.typeLetter(Types.BOOLEAN)).isEqualTo('B');
        assertThat(ValueText.typeLetter(Types.TIMESTAMP)).isEqualTo('D');
        assertThat(ValueText.typeLetter(Types.ARRAY)).isEqualTo('?');
    }

    // ---- Runner --------------------------------------------------------------------------------

    @Test
    void matchingFilePassesWithNoFailures() throws SQLException {
        assertThat(failuresOf(TABLE + """
                statement count 1
                UPDATE t SET v = 'b' WHERE id = 2

                statement error 23505
                INSERT INTO t VALUES (1, 'x')

                query IT
                SELECT id, v FROM t ORDER BY id DESC
                ----
                2 b
                1 a
                """)).isEmpty();
    }

    @Test
    void differentRowsAreReportedWithFileLineSqlExpectedAndActual() throws SQLException {
        List<String> failures = failuresOf(TABLE + """
                query IT
                SELECT id, v FROM t ORDER BY id
                ----
                1 a
                2 b
                """);

        assertThat(failures).singleElement().asString()
                .startsWith("t.sql:7: rows differ\n    SQL: SELECT id, v FROM t ORDER BY id\n")
                .contains("expected (2 rows):\n        1 a\n        2 b\n")
                .contains("actual (2 rows):\n        1 a\n        2 NULL\n")
                .contains("first difference at row 2");
    }

    @Test
    void nosortComparesOrderAndRowsortDoesNot() throws SQLException {
        String query = "SELECT id FROM t ORDER BY id DESC\n----\n1\n2\n";

        assertThat(failuresOf(TABLE + "query I\n" + query)).singleElement().asString().contains("rows differ");
        assertThat(failuresOf(TABLE + "query I rowsort\n" + query)).isEmpty();
    }

    @Test
    void differentColumnTypesAreReported() throws SQLException {
        List<String> failures = failuresOf(TABLE + "query TT\nSELECT id, v FROM t WHERE id = 1\n----\n1 a\n");

        assertThat(failures).singleElement().asString()
                .startsWith("t.sql:7: column types differ: expected TT, got IT (INTEGER, VARCHAR)");
    }

    @Test
    void wrongSqlStateIsReported() throws SQLException {
        List<String> failures = failuresOf(TABLE + "statement error 23502\nINSERT INTO t VALUES (1, 'x')\n");

        assertThat(failures).singleElement().asString()
                .startsWith("t.sql:7: expected SQLState 23502, got SQLState 23505: ")
                .contains("SQL: INSERT INTO t VALUES (1, 'x')");
    }

    @Test
    void successWhereAnErrorWasExpectedIsReported() throws SQLException {
        assertThat(failuresOf(TABLE + "statement error 23505\nINSERT INTO t VALUES (3, 'x')\n"))
                .singleElement().asString().startsWith("t.sql:7: expected SQLState 23505, but it succeeded with update count 1");
        assertThat(failuresOf(TABLE + "query error 42703\nSELECT id FROM t\n"))
                .singleElement().asString().startsWith("t.sql:7: expected SQLState 42703, but it succeeded with 2 rows");
    }

    @Test
    void failingStatementsAndWrongCountsAreReportedAndTheRunGoesOn() throws SQLException {
        List<String> failures = failuresOf(TABLE + """
                statement ok
                INSERT INTO missing VALUES (1)

                statement count 2
                DELETE FROM t WHERE id = 1

                query I
                SELECT nope FROM t
                ----
                """);

        assertThat(failures).hasSize(3);
        assertThat(failures.get(0)).startsWith("t.sql:7: statement failed with SQLState 42P01: ");
        assertThat(failures.get(1)).startsWith("t.sql:10: expected update count 2, got update count 1");
        assertThat(failures.get(2)).startsWith("t.sql:13: query failed with SQLState 42703: ");
    }

    @Test
    void namedConnectionsAreSeparateSessionsOnOneDatabase() throws SQLException {
        assertThat(failuresOf(TABLE + """
                statement ok
                BEGIN

                statement ok
                INSERT INTO t VALUES (3, 'c')

                connection other

                query I
                SELECT COUNT(*) FROM t
                ----
                2

                connection default

                statement ok
                COMMIT

                connection other

                query I
                SELECT COUNT(*) FROM t
                ----
                3
                """)).isEmpty();
    }

    @Test
    void aFileWithAFailingRecordFailsNamingFolderFileAndLine(@TempDir Path directory) throws IOException {
        Path file = Files.createDirectory(directory.resolve("area")).resolve("x.sql");
        Files.writeString(file, TABLE + "query I\nSELECT COUNT(*) FROM t\n----\n3\n");

        assertThatThrownBy(() -> GoldenRunner.assertFilePasses(file))
                .isInstanceOf(AssertionError.class)
                .hasMessageStartingWith("1 of 3 records in area/x.sql failed:\n\narea/x.sql:7: rows differ");
    }

    @Test
    void aMalformedFileFailsBeforeAnythingRuns(@TempDir Path directory) throws IOException {
        Path file = directory.resolve("bad.sql");
        Files.writeString(file, TABLE + "querry I\nSELECT 1\n----\n1\n");

        assertThatThrownBy(() -> GoldenRunner.assertFilePasses(file))
                .isInstanceOf(MalformedGoldenFileException.class)
                .hasMessageContaining("bad.sql:7: unknown directive 'querry I'");
    }

    private static List<String> failuresOf(String text) throws SQLException {
        return GoldenRunner.run("t.sql", GoldenFileParser.parse("t.sql", text));
    }

    private static void assertMalformed(String text, String messageStart) {
        assertThatThrownBy(() -> GoldenFileParser.parse("bad.sql", text))
                .isInstanceOf(MalformedGoldenFileException.class)
                .message().startsWith(messageStart);
    }
}

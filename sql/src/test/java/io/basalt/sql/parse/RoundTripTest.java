package io.basalt.sql.parse;

import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.dialect.CalciteSqlDialect;
import org.apache.calcite.sql.dialect.PostgresqlSqlDialect;
import org.apache.calcite.util.Litmus;
import org.checkerframework.checker.nullness.qual.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static io.basalt.sql.parse.ParseTesting.assertOperandsRebuildNode;
import static io.basalt.sql.parse.ParseTesting.assertRoundTrips;
import static io.basalt.sql.parse.ParseTesting.unparse;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code toSqlString} of every statement form gives SQL that parses back into the same tree, in
 * Calcite's dialect and in PostgreSQL's (the one the server will print for clients).
 */
class RoundTripTest {

    /** Statements that parse into our nodes. */
    static List<String> basaltStatements() {
        return List.of(
            "CREATE TABLE t (id INT PRIMARY KEY, name VARCHAR(20) NOT NULL DEFAULT 'x')",
            "CREATE TABLE IF NOT EXISTS s.t (a INT, b BIGINT, PRIMARY KEY (a, b)) PARTITION BY HASH (b, a)",
            "CREATE TABLE t (a INT CONSTRAINT pk PRIMARY KEY, b INT CONSTRAINT u UNIQUE, c INT, d INT, "
                + "CONSTRAINT cd UNIQUE (c, d), UNIQUE (d))",
            "CREATE TABLE t (a INT UNIQUE DEFAULT 0 NOT NULL, b INT DEFAULT -1, "
                + "c TIMESTAMP DEFAULT CURRENT_TIMESTAMP, d INT DEFAULT 1 + 2 * 3, e BOOLEAN DEFAULT a IS NULL)",
            "CREATE TABLE t (i INTEGER, s SMALLINT, ti TINYINT, d DECIMAL(10, 2), n NUMERIC(8), dp DOUBLE PRECISION, "
                + "r REAL, f FLOAT, v CHARACTER VARYING(30), c CHAR(3), ch CHARACTER(2), bo BOOLEAN, "
                + "da DATE, tm TIME, ts TIMESTAMP(3), vb VARBINARY(16), tx TEXT)",
            "CREATE TABLE t (level INT, work INT, show INT, hash TEXT, \"PARTITION\" INT, \"MixedCase\" INT)",
            "DROP TABLE t",
            "DROP TABLE IF EXISTS s.t CASCADE",
            "BEGIN",
            "BEGIN WORK ISOLATION LEVEL SERIALIZABLE, READ ONLY",
            "START TRANSACTION ISOLATION LEVEL READ UNCOMMITTED READ WRITE",
            "BEGIN ISOLATION LEVEL SNAPSHOT",
            "COMMIT",
            "END WORK",
            "ROLLBACK TRANSACTION",
            "ABORT",
            "SET TRANSACTION ISOLATION LEVEL REPEATABLE READ",
            "SET SESSION CHARACTERISTICS AS TRANSACTION ISOLATION LEVEL READ COMMITTED, READ ONLY",
            "SHOW TRANSACTION ISOLATION LEVEL",
            "SHOW ALL",
            "SHOW lock_timeout",
            "EXPLAIN SELECT a FROM t WHERE b != 1",
            "EXPLAIN ANALYZE UPDATE t SET a = a + 1 WHERE b = 2");
    }

    /** Statements that parse into Calcite's nodes, through paths our grammar changed. */
    static List<String> calciteStatements() {
        return List.of(
            "SET lock_timeout TO '5s'",
            "SET statement_timeout = -1",
            "SET enable_seqscan = on",
            "SET lock_timeout TO DEFAULT",
            "RESET lock_timeout",
            "RESET ALL",
            "EXPLAIN PLAN FOR SELECT a FROM t",
            "SELECT c.name, COUNT(*) FROM c JOIN o ON o.c = c.id GROUP BY c.name ORDER BY 2 DESC LIMIT 10 OFFSET 5",
            "INSERT INTO t (a, b) VALUES (1, 'x'), (2, 'y')",
            "UPDATE t SET a = a * 2 + 1 WHERE b IS NOT NULL",
            "DELETE FROM t WHERE a BETWEEN 1 AND 5");
    }

    static Stream<String> statements() {
        return Stream.concat(basaltStatements().stream(), calciteStatements().stream());
    }

    @ParameterizedTest
    @MethodSource("statements")
    void unparsedSqlParsesBackToTheSameTreeInCalciteDialect(String sql) {
        assertRoundTrips(sql, CalciteSqlDialect.DEFAULT);
    }

    @ParameterizedTest
    @MethodSource("statements")
    void unparsedSqlParsesBackToTheSameTreeInPostgresqlDialect(String sql) {
        assertRoundTrips(sql, PostgresqlSqlDialect.DEFAULT);
    }

    @ParameterizedTest
    @MethodSource("basaltStatements")
    void ourNodesCanBeRebuiltFromTheirOperands(String sql) {
        // Shuttles and visitors rebuild calls through the operator, so the operand list must be
        // the whole node, nested nodes (columns, constraints) included.
        final List<SqlCall> calls = ourCalls(BasaltSqlParser.parse(sql), new ArrayList<>());

        assertThat(calls).isNotEmpty();
        for (SqlCall call : calls) {
            assertOperandsRebuildNode(call);
        }
    }

    private static List<SqlCall> ourCalls(@Nullable SqlNode node, List<SqlCall> found) {
        if (node instanceof SqlNodeList) {
            for (SqlNode element : (SqlNodeList) node) {
                ourCalls(element, found);
            }
        } else if (node instanceof SqlCall) {
            final SqlCall call = (SqlCall) node;
            if (call.getClass().getPackageName().equals(BasaltSqlParser.class.getPackageName())) {
                found.add(call);
            }
            for (SqlNode operand : call.getOperandList()) {
                ourCalls(operand, found);
            }
        }
        return found;
    }

    /** The round trip compares trees, so every flag a statement carries must take part in equality. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "DROP TABLE t                                 | DROP TABLE t CASCADE",
        "DROP TABLE t                                 | DROP TABLE IF EXISTS t",
        "CREATE TABLE t (a INT)                       | CREATE TABLE IF NOT EXISTS t (a INT)",
        "CREATE TABLE t (a INT)                       | CREATE TABLE t (a INT NOT NULL)",
        "CREATE TABLE t (a INT)                       | CREATE TABLE t (a INT DEFAULT 1)",
        "CREATE TABLE t (a INT PRIMARY KEY)           | CREATE TABLE t (a INT UNIQUE)",
        "CREATE TABLE t (a INT, UNIQUE (a))           | CREATE TABLE t (a INT, CONSTRAINT u UNIQUE (a))",
        "CREATE TABLE t (a INT)                       | CREATE TABLE t (a INT) PARTITION BY HASH (a)",
        "BEGIN READ ONLY                              | BEGIN READ WRITE",
        "COMMIT                                       | ROLLBACK",
        "SET TRANSACTION READ ONLY                    | SET SESSION CHARACTERISTICS AS TRANSACTION READ ONLY",
        "SHOW ALL                                     | SHOW \"ALL\"",
        "SHOW ALL                                     | SHOW TRANSACTION ISOLATION LEVEL",
        "EXPLAIN SELECT 1                             | EXPLAIN ANALYZE SELECT 1",
    })
    void statementsThatDifferOnlyInAFlagAreNotEqualTrees(String sql, String other) {
        assertThat(BasaltSqlParser.parse(sql).equalsDeep(BasaltSqlParser.parse(other), Litmus.IGNORE)).isFalse();
    }

    @Test
    void createTablePrintsConstraintsWhereTheyWereWritten() {
        final String text = unparse(BasaltSqlParser.parse(
            "create table t (a int constraint pk primary key not null, b text default upper('x'), unique (b))"));

        assertThat(text).isEqualTo("CREATE TABLE \"T\" (\"A\" INTEGER NOT NULL CONSTRAINT \"PK\" PRIMARY KEY, "
            + "\"B\" VARCHAR DEFAULT (UPPER('x')), UNIQUE (\"B\"))");
    }

    @Test
    void everySpellingOfATransactionStatementPrintsTheStandardOne() {
        assertThat(unparse(BasaltSqlParser.parse("begin work read only"))).isEqualTo("START TRANSACTION READ ONLY");
        assertThat(unparse(BasaltSqlParser.parse("end transaction"))).isEqualTo("COMMIT");
        assertThat(unparse(BasaltSqlParser.parse("abort work"))).isEqualTo("ROLLBACK");
        assertThat(unparse(BasaltSqlParser.parse("explain analyze select 1"))).isEqualTo("EXPLAIN ANALYZE\nSELECT 1");
    }
}

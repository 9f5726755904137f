package io.basalt.server.jdbc;

import static io.basalt.server.jdbc.TestDatabase.column;
import static io.basalt.server.jdbc.TestDatabase.execute;
import static io.basalt.server.jdbc.TestDatabase.row;
import static io.basalt.server.jdbc.TestDatabase.rows;
import static io.basalt.server.jdbc.TestDatabase.scalar;
import static io.basalt.server.jdbc.TestDatabase.update;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * SELECT: predicates, ordering, paging, joins, aggregation and scalar expressions, with
 * PostgreSQL's results as the reference. Key-access correctness over many partitions is in
 * {@link KeyAccessQueryTest}.
 */
class QueryTest {
    private TestDatabase database;
    private Connection connection;

    @BeforeEach
    void createTables() throws SQLException {
        database = TestDatabase.inMemory();
        connection = database.connect();
        execute(connection,
                "CREATE TABLE emp (id INTEGER PRIMARY KEY, name VARCHAR(20) NOT NULL, dept VARCHAR(10), "
                        + "salary DECIMAL(8, 2), age INTEGER, manager_id INTEGER)",
                "CREATE TABLE dept (code VARCHAR(10) PRIMARY KEY, title VARCHAR(30))",
                "INSERT INTO emp VALUES (1, 'Ann', 'ENG', 100.00, 30, NULL), (2, 'Bob', 'ENG', 80.50, 25, 1), "
                        + "(3, 'Cid', 'OPS', 70.00, NULL, 1), (4, 'Dee', 'OPS', 90.00, 41, 3), "
                        + "(5, 'Eve', NULL, 60.00, 35, NULL), (6, 'Fay', 'ENG', 80.50, 28, 2)",
                "INSERT INTO dept VALUES ('ENG', 'Engineering'), ('OPS', 'Operations'), ('HR', 'Human resources')");
    }

    @AfterEach
    void closeDatabase() throws SQLException {
        database.close();
    }

    @Test
    void comparisonOperatorsSkipNulls() throws SQLException {
        assertThat(ids("age = 30")).containsExactly(1);
        assertThat(ids("age <> 30")).containsExactly(2, 4, 5, 6);
        assertThat(ids("age != 30")).containsExactly(2, 4, 5, 6);
        assertThat(ids("age < 30")).containsExactly(2, 6);
        assertThat(ids("age <= 30")).containsExactly(1, 2, 6);
        assertThat(ids("age > 30")).containsExactly(4, 5);
        assertThat(ids("age >= 35")).containsExactly(4, 5);
        assertThat(ids("salary = 80.5")).containsExactly(2, 6);
        assertThat(ids("name > 'Cid'")).containsExactly(4, 5, 6);
    }

    @Test
    void betweenAndIn() throws SQLException {
        assertThat(ids("age BETWEEN 25 AND 30")).containsExactly(1, 2, 6);
        assertThat(ids("age NOT BETWEEN 25 AND 30")).containsExactly(4, 5);
        assertThat(ids("salary BETWEEN 70 AND 80.50")).containsExactly(2, 3, 6);
        assertThat(ids("dept IN ('OPS', 'HR')")).containsExactly(3, 4);
        assertThat(ids("dept NOT IN ('OPS', 'HR')")).containsExactly(1, 2, 6);
        assertThat(column(connection, "SELECT id FROM emp WHERE id IN (?, ?, ?) ORDER BY id", 6, 2, 99)).containsExactly(2, 6);
        assertThat(ids("id IN (SELECT manager_id FROM emp)")).containsExactly(1, 2, 3);
    }

    @Test
    void likeMatchesPatternsCaseSensitively() throws SQLException {
        assertThat(ids("name LIKE 'A%'")).containsExactly(1);
        assertThat(ids("name LIKE 'a%'")).isEmpty();
        assertThat(ids("name LIKE '_e_'")).containsExactly(4);
        assertThat(ids("name LIKE '%y'")).containsExactly(6);
        assertThat(ids("name NOT LIKE '%e%'")).containsExactly(1, 2, 3, 6);
        assertThat(column(connection, "SELECT id FROM emp WHERE name LIKE ? ORDER BY id", "%o%")).containsExactly(2);
    }

    @Test
    void isNullAndIsNotNull() throws SQLException {
        assertThat(ids("age IS NULL")).containsExactly(3);
        assertThat(ids("dept IS NOT NULL")).containsExactly(1, 2, 3, 4, 6);
        assertThat(ids("manager_id IS NULL AND dept IS NULL")).containsExactly(5);
        assertThat(ids("age = NULL")).as("a comparison with NULL is never true").isEmpty();
    }

    @Test
    void andOrNotFollowThreeValuedLogic() throws SQLException {
        assertThat(ids("dept = 'ENG' AND salary > 80")).containsExactly(1, 2, 6);
        assertThat(ids("dept = 'OPS' OR age > 33")).containsExactly(3, 4, 5);
        assertThat(ids("NOT (dept = 'ENG')")).as("NOT of unknown is unknown").containsExactly(3, 4);
        assertThat(ids("NOT (age > 30) OR age IS NULL")).containsExactly(1, 2, 3, 6);
        assertThat(ids("(dept = 'ENG' OR dept = 'OPS') AND NOT (salary < 85)")).containsExactly(1, 4);
    }

    @Test
    void orderByAscendingDescendingAndSeveralKeys() throws SQLException {
        assertThat(column(connection, "SELECT name FROM emp ORDER BY salary DESC, name ASC"))
                .containsExactly("Ann", "Dee", "Bob", "Fay", "Cid", "Eve");
        assertThat(column(connection, "SELECT name FROM emp ORDER BY salary, name DESC"))
                .containsExactly("Eve", "Cid", "Fay", "Bob", "Dee", "Ann");
        assertThat(column(connection, "SELECT id FROM emp ORDER BY 1 DESC")).containsExactly(6, 5, 4, 3, 2, 1);
        assertThat(column(connection, "SELECT age AS years FROM emp WHERE age < 31 ORDER BY years")).containsExactly(25, 28, 30);
    }

    @Test
    void nullsSortLastAscendingAndFirstDescendingAsInPostgresql() throws SQLException {
        assertThat(column(connection, "SELECT id FROM emp ORDER BY age")).containsExactly(2, 6, 1, 5, 4, 3);
        assertThat(column(connection, "SELECT id FROM emp ORDER BY age DESC")).containsExactly(3, 4, 5, 1, 6, 2);
        assertThat(column(connection, "SELECT id FROM emp ORDER BY dept, id")).containsExactly(1, 2, 6, 3, 4, 5);
        assertThat(column(connection, "SELECT id FROM emp ORDER BY age NULLS FIRST")).containsExactly(3, 2, 6, 1, 5, 4);
        assertThat(column(connection, "SELECT id FROM emp ORDER BY age DESC NULLS LAST")).containsExactly(4, 5, 1, 6, 2, 3);
    }

    @Test
    void limitOffsetAndFetchFirst() throws SQLException {
        assertThat(column(connection, "SELECT id FROM emp ORDER BY id LIMIT 2")).containsExactly(1, 2);
        assertThat(column(connection, "SELECT id FROM emp ORDER BY id LIMIT 2 OFFSET 2")).containsExactly(3, 4);
        assertThat(column(connection, "SELECT id FROM emp ORDER BY id OFFSET 5")).containsExactly(6);
        assertThat(column(connection, "SELECT id FROM emp ORDER BY id LIMIT 0")).isEmpty();
        assertThat(column(connection, "SELECT id FROM emp ORDER BY id OFFSET 10")).isEmpty();
        assertThat(column(connection, "SELECT id FROM emp ORDER BY id FETCH FIRST 3 ROWS ONLY")).containsExactly(1, 2, 3);
        assertThat(column(connection, "SELECT id FROM emp ORDER BY id OFFSET 1 ROWS FETCH NEXT 2 ROWS ONLY"))
                .containsExactly(2, 3);
        assertThat(column(connection, "SELECT id FROM emp ORDER BY salary DESC, id LIMIT 3")).containsExactly(1, 4, 2);
        assertThat(column(connection, "SELECT id FROM emp ORDER BY id LIMIT ? OFFSET ?", 2, 3)).containsExactly(4, 5);
    }

    @Test
    void innerJoinKeepsOnlyMatchingRows() throws SQLException {
        assertThat(rows(connection, "SELECT e.name, d.title FROM emp e JOIN dept d ON e.dept = d.code ORDER BY e.id"))
                .containsExactly(row("Ann", "Engineering"), row("Bob", "Engineering"), row("Cid", "Operations"),
                        row("Dee", "Operations"), row("Fay", "Engineering"));
        assertThat(rows(connection, "SELECT e.name, m.name FROM emp e, emp m WHERE e.manager_id = m.id ORDER BY e.id"))
                .containsExactly(row("Bob", "Ann"), row("Cid", "Ann"), row("Dee", "Cid"), row("Fay", "Bob"));
    }

    @Test
    void leftOuterJoinExtendsUnmatchedRowsWithNulls() throws SQLException {
        assertThat(rows(connection, "SELECT e.name, d.title FROM emp e LEFT JOIN dept d ON e.dept = d.code "
                + "WHERE e.id >= 4 ORDER BY e.id"))
                .containsExactly(row("Dee", "Operations"), row("Eve", null), row("Fay", "Engineering"));
        assertThat(rows(connection, "SELECT d.code, COUNT(e.id) FROM dept d LEFT OUTER JOIN emp e ON e.dept = d.code "
                + "GROUP BY d.code ORDER BY d.code"))
                .containsExactly(row("ENG", 3L), row("HR", 0L), row("OPS", 2L));
    }

    @Test
    void joinsOnCompositeKeysAndAcrossThreeTables() throws SQLException {
        execute(connection,
                "CREATE TABLE orders (cust INTEGER, ord INTEGER, placed DATE, PRIMARY KEY (cust, ord))",
                "CREATE TABLE order_line (cust INTEGER, ord INTEGER, line INTEGER, qty INTEGER, "
                        + "PRIMARY KEY (cust, ord, line)) PARTITION BY HASH (cust)",
                "CREATE TABLE customer (cust INTEGER PRIMARY KEY, name VARCHAR(10))",
                "INSERT INTO customer VALUES (1, 'one'), (2, 'two'), (3, 'three')",
                "INSERT INTO orders VALUES (1, 1, DATE '2024-01-01'), (1, 2, DATE '2024-01-02'), (2, 1, DATE '2024-01-03')",
                "INSERT INTO order_line VALUES (1, 1, 1, 5), (1, 1, 2, 6), (1, 2, 1, 7), (2, 1, 1, 8), (2, 2, 1, 99)");

        assertThat(rows(connection, "SELECT o.cust, o.ord, l.line, l.qty FROM orders o "
                + "JOIN order_line l ON l.cust = o.cust AND l.ord = o.ord ORDER BY o.cust, o.ord, l.line"))
                .containsExactly(row(1, 1, 1, 5), row(1, 1, 2, 6), row(1, 2, 1, 7), row(2, 1, 1, 8));
        assertThat(rows(connection, "SELECT c.name, COUNT(l.line), SUM(l.qty) FROM customer c "
                + "LEFT JOIN orders o ON o.cust = c.cust "
                + "LEFT JOIN order_line l ON l.cust = o.cust AND l.ord = o.ord "
                + "GROUP BY c.name ORDER BY c.name"))
                .containsExactly(row("one", 3L, 18L), row("three", 0L, null), row("two", 1L, 8L));
    }

    @Test
    void groupByWithAggregates() throws SQLException {
        // PostgreSQL: avg(numeric) keeps 16 fractional digits here (87.0000000000000000).
        assertThat(rows(connection, "SELECT dept, COUNT(*), COUNT(age), SUM(salary), MIN(age), MAX(salary), AVG(salary) "
                + "FROM emp GROUP BY dept ORDER BY dept"))
                .containsExactly(
                        row("ENG", 3L, 3L, new BigDecimal("261.00"), 25, new BigDecimal("100.00"),
                                new BigDecimal("87.0000000000000000")),
                        row("OPS", 2L, 1L, new BigDecimal("160.00"), 41, new BigDecimal("90.00"),
                                new BigDecimal("80.0000000000000000")),
                        row(null, 1L, 1L, new BigDecimal("60.00"), 35, new BigDecimal("60.00"),
                                new BigDecimal("60.0000000000000000")));
        assertThat(rows(connection, "SELECT COUNT(*), SUM(salary), MIN(name), MAX(name) FROM emp"))
                .containsExactly(row(6L, new BigDecimal("481.00"), "Ann", "Fay"));
    }

    @Test
    void aggregatesOverNoRowsAreZeroCountAndNull() throws SQLException {
        assertThat(rows(connection, "SELECT COUNT(*), COUNT(age), SUM(salary), MAX(age), AVG(age) FROM emp WHERE id > 100"))
                .containsExactly(row(0L, 0L, null, null, null));
        assertThat(rows(connection, "SELECT dept, COUNT(*) FROM emp WHERE id > 100 GROUP BY dept")).isEmpty();
    }

    @Test
    void averageOfIntegersKeepsItsFraction() throws SQLException {
        // PostgreSQL: avg(integer) is numeric, so avg(25, 30) = 27.5, not 27.
        Number average = (Number) scalar(connection, "SELECT AVG(age) FROM emp WHERE id IN (1, 2)");

        assertThat(new BigDecimal(average.toString())).isEqualByComparingTo("27.5");
    }

    @Test
    void sumOfIntegersDoesNotOverflowTheIntegerRange() throws SQLException {
        // PostgreSQL: sum(integer) is bigint.
        execute(connection, "CREATE TABLE big (id INTEGER PRIMARY KEY, n INTEGER)");
        update(connection, "INSERT INTO big VALUES (1, 2000000000), (2, 2000000000), (3, 2000000000)");

        Number sum = (Number) scalar(connection, "SELECT SUM(n) FROM big");

        assertThat(sum.longValue()).isEqualTo(6_000_000_000L);
    }

    @Test
    void havingFiltersGroups() throws SQLException {
        assertThat(column(connection, "SELECT dept FROM emp GROUP BY dept HAVING COUNT(*) >= 2 ORDER BY dept"))
                .containsExactly("ENG", "OPS");
        assertThat(rows(connection, "SELECT dept, SUM(salary) FROM emp GROUP BY dept HAVING SUM(salary) > 200"))
                .containsExactly(row("ENG", new BigDecimal("261.00")));
        assertThat(column(connection, "SELECT dept FROM emp WHERE age > 26 GROUP BY dept HAVING MIN(age) < ? ORDER BY dept", 35))
                .containsExactly("ENG");
    }

    @Test
    void countDistinctAndSelectDistinct() throws SQLException {
        assertThat(scalar(connection, "SELECT COUNT(DISTINCT salary) FROM emp")).isEqualTo(5L);
        assertThat(scalar(connection, "SELECT COUNT(DISTINCT dept) FROM emp")).as("NULL is not counted").isEqualTo(2L);
        assertThat(column(connection, "SELECT DISTINCT dept FROM emp ORDER BY dept")).containsExactly("ENG", "OPS", null);
        assertThat(rows(connection, "SELECT DISTINCT dept, salary FROM emp WHERE dept = 'ENG' ORDER BY salary"))
                .containsExactly(row("ENG", new BigDecimal("80.50")), row("ENG", new BigDecimal("100.00")));
    }

    @Test
    void caseCoalesceAndConcatenation() throws SQLException {
        assertThat(column(connection, "SELECT CASE WHEN age >= 35 THEN 'senior' WHEN age IS NULL THEN 'unknown' "
                + "ELSE 'junior' END FROM emp ORDER BY id"))
                .containsExactly("junior", "junior", "unknown", "senior", "senior", "junior");
        assertThat(column(connection, "SELECT COALESCE(age, manager_id, -1) FROM emp ORDER BY id"))
                .containsExactly(30, 25, 1, 41, 35, 28);
        assertThat(column(connection, "SELECT name || '@' || dept FROM emp ORDER BY id"))
                .containsExactly("Ann@ENG", "Bob@ENG", "Cid@OPS", "Dee@OPS", null, "Fay@ENG");
        assertThat(column(connection, "SELECT name || '-' || COALESCE(dept, 'none') || '-' || CAST(id AS VARCHAR(3)) "
                + "FROM emp WHERE id = 5")).containsExactly("Eve-none-5");
        assertThat(scalar(connection, "SELECT CASE dept WHEN 'ENG' THEN 1 WHEN 'OPS' THEN 2 END FROM emp WHERE id = ?", 4))
                .isEqualTo(2);
    }

    @Test
    void decimalArithmeticIsExact() throws SQLException {
        assertThat(scalar(connection, "SELECT salary * 3 FROM emp WHERE id = 2")).isEqualTo(new BigDecimal("241.50"));
        assertThat(scalar(connection, "SELECT salary + 0.005 FROM emp WHERE id = 2")).isEqualTo(new BigDecimal("80.505"));
        assertThat(scalar(connection, "SELECT salary - 100 FROM emp WHERE id = 5")).isEqualTo(new BigDecimal("-40.00"));
        assertThat((BigDecimal) scalar(connection, "SELECT salary / 4 FROM emp WHERE id = 2"))
                .isEqualByComparingTo("20.125");
        assertThat(scalar(connection, "SELECT CAST(0.1 AS DECIMAL(5, 2)) + CAST(0.2 AS DECIMAL(5, 2)) FROM emp WHERE id = 1"))
                .isEqualTo(new BigDecimal("0.30"));
        assertThat(scalar(connection, "SELECT SUM(salary * age) FROM emp WHERE age IS NOT NULL"))
                .isEqualTo(new BigDecimal("13056.50"));
    }

    @Test
    void integerArithmeticTruncatesDivisionTowardZero() throws SQLException {
        assertThat(rows(connection, "SELECT age / 4, -age / 4, MOD(age, 4), age * 2 - 1 FROM emp WHERE id = 1"))
                .containsExactly(row(7, -7, 2, 59));
    }

    @Test
    void correlatedSubqueriesAndExists() throws SQLException {
        assertThat(rows(connection, "SELECT id, (SELECT COUNT(*) FROM emp r WHERE r.manager_id = e.id) FROM emp e "
                + "WHERE id <= 3 ORDER BY id")).containsExactly(row(1, 2L), row(2, 1L), row(3, 1L));
        assertThat(column(connection, "SELECT code FROM dept d WHERE NOT EXISTS "
                + "(SELECT 1 FROM emp e WHERE e.dept = d.code)")).containsExactly("HR");
    }

    @Test
    void singleColumnTableCanBeFilteredSortedAndCounted() throws SQLException {
        execute(connection, "CREATE TABLE tag (name VARCHAR(10) PRIMARY KEY)");
        update(connection, "INSERT INTO tag VALUES ('b'), ('a'), ('c')");

        assertThat(column(connection, "SELECT name FROM tag ORDER BY name")).containsExactly("a", "b", "c");
        assertThat(column(connection, "SELECT name FROM tag WHERE name = 'b'")).containsExactly("b");
        assertThat(column(connection, "SELECT name FROM tag WHERE name > 'a' ORDER BY name DESC")).containsExactly("c", "b");
        assertThat(scalar(connection, "SELECT COUNT(*) FROM tag")).isEqualTo(3L);
    }

    private List<Object> ids(String where) throws SQLException {
        return column(connection, "SELECT id FROM emp WHERE " + where + " ORDER BY id");
    }
}

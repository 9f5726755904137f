package io.basalt.sql.plan;

import static io.basalt.sql.SqlTestbed.rows;
import static io.basalt.sql.SqlTestbed.update;
import static org.assertj.core.api.Assertions.assertThat;

import io.basalt.sql.SqlTestbed;
import io.basalt.sql.session.SqlSession;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Which primary-key access the planner chooses for a predicate, as EXPLAIN shows it: the expected
 * plan text of the scan line, Calcite-style golden output.
 */
class KeyAccessPlanTest {
    private static SqlTestbed db;
    private static SqlSession session;

    @BeforeAll
    static void schema() {
        db = new SqlTestbed();
        session = db.session();
        update(session, "CREATE TABLE item (id INT PRIMARY KEY, name VARCHAR(20))");
        update(session, "CREATE TABLE stock (w_id INT, i_id INT, qty INT, PRIMARY KEY (w_id, i_id)) PARTITION BY HASH (w_id)");
        update(session, "CREATE TABLE line (a INT, b INT, c INT, PRIMARY KEY (a, b, c))");
    }

    @AfterAll
    static void close() {
        session.close();
        db.close();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "SELECT * FROM item WHERE id = 7                       | point get [ID = 7], partitions=1",
        "SELECT * FROM item WHERE 7 = id                       | point get [ID = 7], partitions=1",
        "SELECT * FROM item WHERE id = ?                       | point get [ID = ?0], partitions=1",
        "SELECT * FROM item WHERE id > 3                       | range scan [ID > 3], partitions=8",
        "SELECT * FROM item WHERE id >= 3 AND id < 9           | range scan [ID >= 3, ID < 9], partitions=8",
        "SELECT * FROM item WHERE id BETWEEN 3 AND 9           | range scan [ID >= 3, ID <= 9], partitions=8",
        "SELECT * FROM item WHERE name = 'x'                   | full scan, partitions=8",
        "SELECT * FROM item WHERE id + 1 = 7                   | full scan, partitions=8",
        "SELECT * FROM item WHERE id = 7 OR id = 8             | full scan, partitions=8",
        "SELECT * FROM stock WHERE w_id = 1 AND i_id = 2       | point get [W_ID = 1, I_ID = 2], partitions=1",
        "SELECT * FROM stock WHERE w_id = 1                    | range scan [W_ID = 1], partitions=1",
        "SELECT * FROM stock WHERE w_id = 1 AND i_id < 100     | range scan [W_ID = 1, I_ID < 100], partitions=1",
        "SELECT * FROM stock WHERE i_id = 2                    | full scan, partitions=8",
        "SELECT * FROM line WHERE a = 1 AND b = 2              | range scan [A = 1, B = 2], partitions=8",
        "SELECT * FROM line WHERE a = 1 AND c = 2              | range scan [A = 1], partitions=8",
        "UPDATE item SET name = 'y' WHERE id = 5               | point get [ID = 5:BIGINT], partitions=1",
        "DELETE FROM stock WHERE w_id = 3                      | range scan [W_ID = 3:BIGINT], partitions=1",
    })
    void explainShowsTheKeyAccess(String sql, String expectedAccess) {
        String plan = rows(session, "EXPLAIN " + sql).stream().map(r -> (String) r.get(0))
                .collect(Collectors.joining("\n"));
        List<String> scanLines = plan.lines().filter(l -> l.contains("BasaltTableScan")).toList();
        assertThat(scanLines).hasSize(1);
        assertThat(scanLines.get(0)).contains("access=[" + expectedAccess + "]");
    }
}

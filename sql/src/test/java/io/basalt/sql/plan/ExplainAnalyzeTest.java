package io.basalt.sql.plan;

import static io.basalt.sql.SqlTestbed.rows;
import static io.basalt.sql.SqlTestbed.update;
import static org.assertj.core.api.Assertions.assertThat;

import io.basalt.sql.SessionTest;
import io.basalt.sql.SqlTestbed;

import java.util.List;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** EXPLAIN ANALYZE runs the statement and reports rows and time per operator, KV requests and partitions. */
class ExplainAnalyzeTest extends SessionTest {
    @BeforeEach
    void createTables() {
        update(session, "CREATE TABLE t (id INT PRIMARY KEY, grp INT, v INT)");
        StringBuilder insert = new StringBuilder("INSERT INTO t VALUES ");
        for (int id = 1; id <= 100; id++) {
            insert.append(id == 1 ? "" : ", ").append("(").append(id).append(", ").append(id % 4).append(", ").append(id)
                    .append(")");
        }
        update(session, insert.toString());
    }

    private String analyze(String sql) {
        return rows(session, "EXPLAIN ANALYZE " + sql).stream().map(row -> (String) row.get(0))
                .collect(Collectors.joining("\n"));
    }

    @Test
    void aScanReportsEveryOperatorsRowsAndEveryPartitionRead() {
        String report = analyze("SELECT grp, count(*) FROM t WHERE v > 10 GROUP BY grp");

        assertThat(report).containsPattern("BasaltTableScan.*full scan.*\\(actual rows=100, time=[0-9.]+ ms\\)");
        assertThat(report).containsPattern("Aggregate.*\\(actual rows=4, time=");
        assertThat(report).contains("Execution: 4 rows in");
        assertThat(report).contains("Partitions touched: 8 of 8");
        assertThat(report).containsPattern("KV requests: [1-9][0-9]*");
    }

    @Test
    void aPointGetTouchesOnePartitionWithOneRequest() {
        String report = analyze("SELECT v FROM t WHERE id = 42");

        assertThat(report).containsPattern("point get.*\\(actual rows=1, time=");
        assertThat(report).contains("KV requests: 1\n");
        assertThat(report).contains("Partitions touched: 1 of 8");
    }

    @Test
    void dmlRunsForRealAndCountsItsRows() {
        String report = analyze("UPDATE t SET v = v + 1 WHERE grp = 1");

        assertThat(report).contains("Execution: 25 rows changed");
        assertThat(rows(session, "SELECT v FROM t WHERE id = 1")).containsExactly(List.of(2));
        // Analyzing again measures the new run only.
        assertThat(analyze("SELECT v FROM t WHERE id = 42")).containsPattern("point get.*actual rows=1,");
    }
}

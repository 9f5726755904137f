package io.basalt.sql.session;

import static io.basalt.sql.SqlTestbed.rows;
import static io.basalt.sql.SqlTestbed.update;
import static org.assertj.core.api.Assertions.assertThat;

import io.basalt.sql.SqlTestbed;
import java.util.List;
import org.junit.jupiter.api.Test;

class SqlSmokeTest {
    @Test
    void createInsertSelectUpdateDelete() {
        try (SqlTestbed db = new SqlTestbed(); SqlSession s = db.session()) {
            update(s, "CREATE TABLE t (id INT PRIMARY KEY, name VARCHAR(10), amount DECIMAL(8,2) DEFAULT 0)");
            assertThat(update(s, "INSERT INTO t (id, name) VALUES (1, 'a'), (2, 'b'), (3, 'c')")).isEqualTo(3);
            System.out.println(rows(s, "SELECT * FROM t ORDER BY id"));
            System.out.println(rows(s, "EXPLAIN SELECT * FROM t WHERE id = 2"));
            System.out.println(rows(s, "EXPLAIN SELECT * FROM t WHERE id > 1"));
            System.out.println(rows(s, "EXPLAIN UPDATE t SET amount = amount + 1 WHERE id = 2"));
            assertThat(update(s, "UPDATE t SET amount = amount + 1.5 WHERE id = 2")).isEqualTo(1);
            assertThat(rows(s, "SELECT name, amount FROM t WHERE id = 2")).isEqualTo(List.of(List.of("b", new java.math.BigDecimal("1.50"))));
            assertThat(update(s, "DELETE FROM t WHERE id >= 2")).isEqualTo(2);
            System.out.println(rows(s, "SELECT COUNT(*), SUM(amount) FROM t"));
        }
    }
}

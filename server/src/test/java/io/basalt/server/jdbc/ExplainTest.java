package io.basalt.server.jdbc;

import static io.basalt.server.jdbc.TestDatabase.execute;
import static io.basalt.server.jdbc.TestDatabase.scalar;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** EXPLAIN shows how a statement reaches its rows through the primary key, over 8 partitions. */
class ExplainTest {
    private TestDatabase database;
    private Connection connection;

    @BeforeEach
    void createTables() throws SQLException {
        database = TestDatabase.inMemory();
        Properties properties = new Properties();
        properties.setProperty("partitions", "8");
        connection = database.connect(properties);
        execute(connection,
                "CREATE TABLE account (id INTEGER PRIMARY KEY, owner VARCHAR(20), balance DECIMAL(12, 2))",
                "CREATE TABLE line (order_id INTEGER, line_no INTEGER, qty INTEGER, PRIMARY KEY (order_id, line_no))",
                "CREATE TABLE tenant_doc (tenant INTEGER, doc INTEGER, body VARCHAR(100), "
                        + "PRIMARY KEY (tenant, doc)) PARTITION BY HASH (tenant)",
                "INSERT INTO account VALUES (1, 'ann', 10.00), (2, 'bob', 20.00)");
    }

    @AfterEach
    void closeDatabase() throws SQLException {
        database.close();
    }

    @Test
    void equalityOnThePrimaryKeyIsAPointGetOnOnePartition() throws SQLException {
        String plan = explain("SELECT * FROM account WHERE id = ?");

        assertThat(plan).contains("point get").contains("partitions=1").doesNotContain("full scan");
    }

    @Test
    void equalityOnTheWholeCompositeKeyIsAPointGet() throws SQLException {
        String plan = explain("SELECT qty FROM line WHERE order_id = ? AND line_no = ?");

        assertThat(plan).contains("point get").contains("partitions=1");
    }

    @Test
    void compositeKeyPrefixIsARangeScan() throws SQLException {
        String plan = explain("SELECT * FROM line WHERE order_id = ?");

        assertThat(plan).contains("range scan").contains("ORDER_ID = ?").doesNotContain("point get");
        // The table is partitioned by its whole key, so the prefix does not name one partition.
        assertThat(plan).contains("partitions=8");
    }

    @Test
    void prefixAndRangeOnTheNextKeyColumnIsARangeScan() throws SQLException {
        String plan = explain("SELECT * FROM line WHERE order_id = ? AND line_no >= ? AND line_no < ?");

        assertThat(plan).contains("range scan").contains("ORDER_ID = ?").contains("LINE_NO >= ?").contains("LINE_NO < ?");
    }

    @Test
    void rangeOnASingleColumnKeyScansEveryPartition() throws SQLException {
        String plan = explain("SELECT * FROM account WHERE id > 10 AND id <= 20");

        assertThat(plan).contains("range scan").contains("partitions=8");
    }

    @Test
    void predicateOnANonKeyColumnIsAFullScan() throws SQLException {
        String plan = explain("SELECT * FROM account WHERE owner = 'ann'");

        assertThat(plan).contains("full scan").contains("partitions=8").doesNotContain("point get");
    }

    @Test
    void predicateOnASecondKeyColumnAloneIsAFullScan() throws SQLException {
        String plan = explain("SELECT * FROM line WHERE line_no = 1");

        assertThat(plan).contains("full scan");
    }

    @Test
    void boundPartitionKeyOfAHashPartitionedTableReadsOnePartition() throws SQLException {
        String plan = explain("SELECT body FROM tenant_doc WHERE tenant = ?");

        assertThat(plan).contains("range scan").contains("TENANT = ?").contains("partitions=1");
        assertThat(explain("SELECT body FROM tenant_doc WHERE tenant = ? AND doc > ?"))
                .contains("range scan").contains("partitions=1");
        assertThat(explain("SELECT body FROM tenant_doc WHERE doc = ?")).contains("full scan").contains("partitions=8");
    }

    @Test
    void aScanOfOnePartitionDeliversKeyOrderSoOrderByTheNextKeyColumnNeedsNoSort() throws SQLException {
        assertThat(explain("SELECT doc FROM tenant_doc WHERE tenant = ? ORDER BY doc FETCH FIRST 1 ROWS ONLY"))
                .contains("range scan").contains("partitions=1").contains("Limit(fetch=[1])").doesNotContain("Sort");
        assertThat(explain("SELECT doc FROM tenant_doc WHERE tenant = ? ORDER BY tenant, doc"))
                .doesNotContain("Sort");
        assertThat(explain("SELECT doc FROM tenant_doc WHERE tenant = ? ORDER BY doc DESC"))
                .as("descending would need a reverse scan").contains("Sort");
        assertThat(explain("SELECT doc FROM tenant_doc ORDER BY doc FETCH FIRST 1 ROWS ONLY"))
                .as("partitions read one after the other are not in key order").contains("Sort");
        assertThat(explain("SELECT line_no FROM line WHERE order_id = ? ORDER BY line_no"))
                .as("without a partition key, the prefix may span partitions").contains("Sort");
    }

    @Test
    void updateByKeyIsAModifyOverAPointGet() throws SQLException {
        String plan = explain("UPDATE account SET balance = balance + ? WHERE id = ?");

        assertThat(plan).contains("BasaltTableModify").contains("UPDATE").contains("point get").contains("partitions=1");
        assertThat(plan.indexOf("BasaltTableModify")).as("the modify node is above the scan")
                .isLessThan(plan.indexOf("point get"));
    }

    @Test
    void deleteByKeyPrefixIsAModifyOverARangeScan() throws SQLException {
        String plan = explain("DELETE FROM tenant_doc WHERE tenant = ?");

        assertThat(plan).contains("BasaltTableModify").contains("DELETE").contains("range scan").contains("partitions=1");
        assertThat(plan.indexOf("BasaltTableModify")).isLessThan(plan.indexOf("range scan"));
    }

    @Test
    void insertIsAModify() throws SQLException {
        assertThat(explain("INSERT INTO account VALUES (3, 'cid', 0)")).contains("BasaltTableModify").contains("INSERT");
    }

    @Test
    void explainDoesNotRunTheStatement() throws SQLException {
        explain("DELETE FROM account");
        explain("UPDATE account SET balance = 0 WHERE id = 1");

        assertThat(scalar(connection, "SELECT COUNT(*) FROM account")).isEqualTo(2L);
        assertThat(scalar(connection, "SELECT balance FROM account WHERE id = 1")).isEqualTo(new BigDecimal("10.00"));
    }

    @Test
    void explainPlanForIsAccepted() throws SQLException {
        assertThat(explain("PLAN FOR SELECT * FROM account WHERE id = 1")).contains("point get");
    }

    @Test
    void planIsReturnedAsRowsOfAPlanColumn() throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet plan = statement.executeQuery("EXPLAIN SELECT owner FROM account WHERE id = 1")) {
            assertThat(plan.getMetaData().getColumnCount()).isEqualTo(1);
            assertThat(plan.getMetaData().getColumnLabel(1)).isEqualToIgnoringCase("plan");
            assertThat(plan.next()).isTrue();
            assertThat(plan.getString("plan")).isNotBlank();
        }
    }

    /** The plan of {@code statement}, its lines joined by newlines. */
    private String explain(String statement) throws SQLException {
        StringBuilder plan = new StringBuilder();
        try (Statement explain = connection.createStatement();
             ResultSet lines = explain.executeQuery("EXPLAIN " + statement)) {
            while (lines.next()) {
                plan.append(lines.getString(1)).append('\n');
            }
        }
        return plan.toString();
    }
}

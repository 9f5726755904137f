package io.basalt.sql.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import io.basalt.cluster.node.LocalNode;
import io.basalt.cluster.node.NodeOptions;
import io.basalt.common.error.BasaltException;
import io.basalt.common.error.SqlState;
import io.basalt.kv.engine.EngineOptions;
import io.basalt.sql.SqlEngine;
import io.basalt.sql.session.SqlSession;
import io.basalt.txn.TxnConfig;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CatalogPersistenceTest {

    @Test
    void descriptorsRoundTripThroughTheirCodec() {
        TableDescriptor table = new TableDescriptor(101, "T", List.of(
                new ColumnDescriptor(1, "ID", ColumnType.of(ColumnType.Name.BIGINT), false, null),
                new ColumnDescriptor(2, "AT", new ColumnType(ColumnType.Name.TIMESTAMP, 3, 0), true, "CURRENT_TIMESTAMP"),
                new ColumnDescriptor(3, "PRICE", new ColumnType(ColumnType.Name.DECIMAL, 10, 2), true, "0")),
                new int[] {0}, 1);
        assertThat(TableDescriptorCodec.decode(TableDescriptorCodec.encode(table))).isEqualTo(table);
    }

    @Test
    void missingValuesRoundTripAsRowsDecodeThem() {
        LocalDateTime frozen = LocalDateTime.of(2024, 1, 31, 10, 15, 0, 500_000_000);
        TableDescriptor table = new TableDescriptor(101, "T", List.of(
                new ColumnDescriptor(1, "ID", ColumnType.of(ColumnType.Name.BIGINT), false, null),
                new ColumnDescriptor(7, "AT", new ColumnType(ColumnType.Name.TIMESTAMP, 3, 0), true,
                        "CURRENT_TIMESTAMP", ColumnDescriptor.Identity.NONE, frozen),
                new ColumnDescriptor(8, "PRICE", new ColumnType(ColumnType.Name.DECIMAL, 10, 2), false, "1.5",
                        ColumnDescriptor.Identity.NONE, new BigDecimal("1.50")),
                new ColumnDescriptor(9, "N", ColumnType.of(ColumnType.Name.INTEGER), true, null,
                        ColumnDescriptor.Identity.NONE, TableDescriptorCodec.normalizeMissingValue(7))),
                new int[] {0}, 1);

        TableDescriptor decoded = TableDescriptorCodec.decode(TableDescriptorCodec.encode(table));

        assertThat(decoded).isEqualTo(table);
        assertThat(decoded.columns().get(1).missingValue()).isEqualTo(frozen);
        assertThat(decoded.columns().get(2).missingValue()).isEqualTo(new BigDecimal("1.50"));
        assertThat(decoded.columns().get(3).missingValue()).isEqualTo(7L); // as a row's INTEGER decodes
        assertThat(decoded.columns().get(0).missingValue()).isNull();
    }

    @Test
    void catalogSurvivesReopenAndVersionGrows(@TempDir Path dir) {
        long versionBefore;
        try (LocalNode node = node(dir); SqlSession session = new SqlEngine(node.transactions()).openSession()) {
            session.execute("CREATE TABLE a (id INT PRIMARY KEY, v VARCHAR(5) DEFAULT 'x')");
            session.execute("CREATE TABLE b (k BIGINT, j INT, PRIMARY KEY (k, j)) PARTITION BY HASH (k)");
            session.execute("DROP TABLE a");
            session.execute("CREATE TABLE a (id INT PRIMARY KEY)");
            versionBefore = new SqlEngine(node.transactions()).catalog().current().version();
        }
        try (LocalNode node = node(dir)) {
            Catalog catalog = new SqlEngine(node.transactions()).catalog().current();
            assertThat(catalog.version()).isEqualTo(versionBefore).isEqualTo(4);
            assertThat(catalog.table("A").columns()).hasSize(1);
            assertThat(catalog.table("B").partitionKeyLength()).isEqualTo(1);
            assertThat(catalog.table("B").primaryKey()).containsExactly(0, 1);
            assertThat(catalog.table("A").id()).isNotEqualTo(catalog.table("B").id());
        }
    }

    @Test
    void concurrentCreatesOfOneNameLeaveOneTable() throws Exception {
        try (LocalNode node = LocalNode.start(new NodeOptions(EngineOptions.inMemory(), 4, TxnConfig.DEFAULT))) {
            SqlEngine engine = new SqlEngine(node.transactions());
            int[] failures = new int[1];
            Thread[] threads = new Thread[4];
            for (int i = 0; i < threads.length; i++) {
                threads[i] = new Thread(() -> {
                    try (SqlSession session = engine.openSession()) {
                        session.execute("CREATE TABLE same (id INT PRIMARY KEY)");
                    } catch (BasaltException e) {
                        assertThat(e.sqlState()).isEqualTo(SqlState.DUPLICATE_TABLE);
                        synchronized (failures) {
                            failures[0]++;
                        }
                    }
                });
                threads[i].start();
            }
            for (Thread thread : threads) {
                thread.join();
            }
            assertThat(failures[0]).isEqualTo(3);
            assertThat(engine.catalog().current().tables()).hasSize(1);
        }
    }

    private static LocalNode node(Path dir) {
        return LocalNode.start(new NodeOptions(EngineOptions.persistent(dir), 4, TxnConfig.DEFAULT));
    }
}

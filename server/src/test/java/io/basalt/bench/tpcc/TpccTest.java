package io.basalt.bench.tpcc;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The TPC-C schema (nine tables, composite keys, foreign keys, a unique constraint, a secondary
 * index) and all five transactions as plain SQL through JDBC, at every isolation level: first one
 * of each alone with its effects checked, then the mix from several terminals at once, after which
 * the specification's consistency conditions must hold.
 */
class TpccTest {
    private static final TpccScale SCALE = new TpccScale(2, 3, 30, 200);
    private static final Set<String> RETRYABLE = Set.of("40001", "40P01");

    @ParameterizedTest(name = "{0}")
    @CsvSource({"READ_COMMITTED,ssi", "REPEATABLE_READ,ssi", "SERIALIZABLE,ssi", "SERIALIZABLE,2pl"})
    void theFiveTransactionsRunAndKeepTheDatabaseConsistent(String isolation, String serializable) throws Exception {
        String url = "jdbc:basalt:mem:" + UUID.randomUUID() + "?isolation=" + isolation + "&serializable=" + serializable;
        try (Connection setup = DriverManager.getConnection(url)) {
            TpccSchema.create(setup);
            TpccLoader.load(setup, SCALE, 7);
            assertThat(TpccConsistency.violations(setup)).as("after loading").isEmpty();

            eachTransactionAlone(url, setup);
            Map<String, Long> done = concurrentMix(url);

            assertThat(TpccConsistency.violations(setup)).as("after the mix").isEmpty();
            assertThat(done.get("new-order")).as("new orders committed").isPositive();
            assertThat(done.get("payment")).as("payments committed").isPositive();
            assertThat(done.get("delivery")).as("deliveries committed").isPositive();
        }
    }

    @org.junit.jupiter.api.Test
    void warehouseLocalTransactionsCommitInOnePhase() throws Exception {
        TpccScale oneWarehouse = new TpccScale(1, 2, 20, 100);
        String url = "jdbc:basalt:mem:" + UUID.randomUUID();
        try (Connection setup = DriverManager.getConnection(url); Connection connection = DriverManager.getConnection(url)) {
            TpccSchema.create(setup);
            TpccLoader.load(setup, oneWarehouse, 3);
            TpccTransactions terminal = new TpccTransactions(connection, oneWarehouse, 5);
            Map<String, Long> before = statistics(setup);
            int writes = 0;
            for (int i = 0; i < 10; i++) {
                if (terminal.newOrder(1) == TpccTransactions.NewOrderOutcome.COMMITTED) {
                    writes++;
                }
                terminal.payment(1);
                writes++;
            }
            terminal.delivery(1);
            writes++;
            Map<String, Long> after = statistics(setup);

            assertThat(after.get("two_phase_commits") - before.get("two_phase_commits")).as("two-phase commits").isZero();
            assertThat(after.get("one_phase_commits") - before.get("one_phase_commits")).as("one-phase commits")
                    .isEqualTo(writes);
            try (Statement statement = setup.createStatement(); ResultSet plan = statement.executeQuery(
                    "EXPLAIN SELECT c_id FROM customer WHERE c_w_id = 1 AND c_d_id = 1 AND c_last = 'BARBARBAR'")) {
                plan.next();
                StringBuilder text = new StringBuilder(plan.getString(1));
                while (plan.next()) {
                    text.append(plan.getString(1));
                }
                assertThat(text.toString()).contains("CUSTOMER_NAME (local)").contains("partitions=1");
            }
        }
    }

    private static Map<String, Long> statistics(Connection connection) throws SQLException {
        Map<String, Long> statistics = new java.util.HashMap<>();
        try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(
                "SELECT statistic, amount FROM basalt_catalog.transaction_statistics")) {
            while (rows.next()) {
                statistics.put(rows.getString(1), rows.getLong(2));
            }
        }
        return statistics;
    }

    private static void eachTransactionAlone(String url, Connection observer) throws SQLException {
        try (Connection connection = DriverManager.getConnection(url)) {
            TpccTransactions terminal = new TpccTransactions(connection, SCALE, 11);
            long ordersBefore = count(observer, "SELECT COUNT(*) FROM orders");
            long newOrdersBefore = count(observer, "SELECT COUNT(*) FROM new_order");
            int committed = 0;
            for (int i = 0; i < 5; i++) {
                if (terminal.newOrder(1) == TpccTransactions.NewOrderOutcome.COMMITTED) {
                    committed++;
                    assertThat(terminal.lastOrderTotal()).isPositive();
                }
            }
            assertThat(count(observer, "SELECT COUNT(*) FROM orders")).isEqualTo(ordersBefore + committed);

            long historyBefore = count(observer, "SELECT COUNT(*) FROM history");
            java.math.BigDecimal ytdBefore = decimal(observer, "SELECT w_ytd FROM warehouse WHERE w_id = 1");
            terminal.payment(1);
            assertThat(count(observer, "SELECT COUNT(*) FROM history")).isBetween(historyBefore, historyBefore + 1);
            assertThat(decimal(observer, "SELECT w_ytd FROM warehouse WHERE w_id = 1")).isGreaterThan(ytdBefore);

            int lines = 0;
            for (int i = 0; i < 5; i++) {
                lines += terminal.orderStatus(2);
            }
            assertThat(lines).as("order lines seen by Order-Status").isPositive();

            // Every district of warehouse 2 has undelivered orders from the load: one each is delivered.
            assertThat(terminal.delivery(2)).isEqualTo(SCALE.districtsPerWarehouse());
            assertThat(count(observer, "SELECT COUNT(*) FROM new_order"))
                    .isEqualTo(newOrdersBefore + committed - SCALE.districtsPerWarehouse());

            assertThat(terminal.stockLevel(1, 1)).isBetween(0L, 20L * 15);
        }
    }

    /** Four terminals, two per warehouse, each running the standard mix; returns the commits per kind. */
    private static Map<String, Long> concurrentMix(String url) throws Exception {
        Map<String, AtomicLong> done = new ConcurrentHashMap<>();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<Future<?>> terminals = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
            int warehouse = t % SCALE.warehouses() + 1;
            long seed = 100 + t;
            terminals.add(pool.submit(() -> {
                try (Connection connection = DriverManager.getConnection(url)) {
                    TpccTransactions terminal = new TpccTransactions(connection, SCALE, seed);
                    for (int i = 0; i < 25; i++) {
                        int pick = i % 23;
                        String kind = pick < 10 ? "new-order" : pick < 20 ? "payment" : pick == 20 ? "order-status"
                                : pick == 21 ? "delivery" : "stock-level";
                        retrying(() -> {
                            switch (kind) {
                                case "new-order" -> terminal.newOrder(warehouse);
                                case "payment" -> terminal.payment(warehouse);
                                case "order-status" -> terminal.orderStatus(warehouse);
                                case "delivery" -> terminal.delivery(warehouse);
                                default -> terminal.stockLevel(warehouse, terminal.randomDistrict());
                            }
                            return null;
                        });
                        done.computeIfAbsent(kind, k -> new AtomicLong()).incrementAndGet();
                    }
                }
                return null;
            }));
        }
        pool.shutdown();
        for (Future<?> terminal : terminals) {
            terminal.get();
        }
        Map<String, Long> counts = new ConcurrentHashMap<>();
        done.forEach((kind, n) -> counts.put(kind, n.get()));
        return counts;
    }

    private interface Work {
        Object run() throws SQLException;
    }

    private static void retrying(Work work) throws SQLException {
        for (int attempt = 1; ; attempt++) {
            try {
                work.run();
                return;
            } catch (SQLException e) {
                if (!RETRYABLE.contains(e.getSQLState()) || attempt == 50) {
                    throw e;
                }
            }
        }
    }

    private static long count(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }

    private static java.math.BigDecimal decimal(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getBigDecimal(1);
        }
    }
}

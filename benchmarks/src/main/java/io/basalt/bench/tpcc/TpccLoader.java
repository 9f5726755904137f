package io.basalt.bench.tpcc;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Fills the TPC-C tables as clause 4.3.3 describes (initial balances, YTD amounts, next order ids,
 * undelivered orders), at any {@link TpccScale}. Rows go in JDBC batches, committed every
 * {@link #ROWS_PER_COMMIT} rows so that no transaction grows large.
 */
public final class TpccLoader {
    private static final int ROWS_PER_COMMIT = 500;

    private final Connection connection;
    private final TpccScale scale;
    private final TpccRandom random;
    private final Timestamp now = new Timestamp(System.currentTimeMillis());
    private int pending;

    public TpccLoader(Connection connection, TpccScale scale, long seed) {
        this.connection = connection;
        this.scale = scale;
        this.random = new TpccRandom(seed);
    }

    public void load() throws SQLException {
        boolean autoCommit = connection.getAutoCommit();
        connection.setAutoCommit(false);
        try {
            loadItems();
            for (int w = 1; w <= scale.warehouses(); w++) {
                loadWarehouse(w);
            }
            connection.commit();
        } finally {
            connection.setAutoCommit(autoCommit);
        }
    }

    private void loadItems() throws SQLException {
        try (PreparedStatement item = connection.prepareStatement("INSERT INTO item VALUES (?, ?, ?, ?, ?)")) {
            for (int i = 1; i <= scale.items(); i++) {
                item.setInt(1, i);
                item.setInt(2, random.uniform(1, 10_000));
                item.setString(3, random.text(14, 24));
                item.setBigDecimal(4, BigDecimal.valueOf(random.uniform(100, 10_000), 2));
                item.setString(5, data());
                add(item);
            }
            flush(item);
        }
    }

    private void loadWarehouse(int w) throws SQLException {
        try (PreparedStatement warehouse = connection.prepareStatement(
                "INSERT INTO warehouse VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            warehouse.setInt(1, w);
            address(warehouse, 2, true);
            warehouse.setBigDecimal(8, tax());
            warehouse.setBigDecimal(9, new BigDecimal("300000.00").multiply(BigDecimal.valueOf(scale.districtsPerWarehouse()))
                    .divide(BigDecimal.TEN).setScale(2));
            add(warehouse);
            flush(warehouse);
        }
        loadStock(w);
        for (int d = 1; d <= scale.districtsPerWarehouse(); d++) {
            loadDistrict(w, d);
        }
    }

    private void loadStock(int w) throws SQLException {
        try (PreparedStatement stock = connection.prepareStatement(
                "INSERT INTO stock VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            for (int i = 1; i <= scale.items(); i++) {
                stock.setInt(1, w);
                stock.setInt(2, i);
                stock.setInt(3, random.uniform(10, 100));
                for (int d = 0; d < 10; d++) {
                    stock.setString(4 + d, random.text(24, 24));
                }
                stock.setInt(14, 0);
                stock.setInt(15, 0);
                stock.setInt(16, 0);
                stock.setString(17, data());
                add(stock);
            }
            flush(stock);
        }
    }

    private void loadDistrict(int w, int d) throws SQLException {
        try (PreparedStatement district = connection.prepareStatement(
                "INSERT INTO district VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            district.setInt(1, w);
            district.setInt(2, d);
            address(district, 3, true);
            district.setBigDecimal(9, tax());
            district.setBigDecimal(10, new BigDecimal("30000.00"));
            district.setInt(11, scale.initialOrdersPerDistrict() + 1);
            add(district);
            flush(district);
        }
        loadCustomers(w, d);
        loadOrders(w, d);
    }

    private void loadCustomers(int w, int d) throws SQLException {
        try (PreparedStatement customer = connection.prepareStatement(
                "INSERT INTO customer VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
             PreparedStatement history = connection.prepareStatement(
                     "INSERT INTO history VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            for (int c = 1; c <= scale.customersPerDistrict(); c++) {
                customer.setInt(1, w);
                customer.setInt(2, d);
                customer.setInt(3, c);
                customer.setString(4, random.text(8, 16));
                customer.setString(5, "OE");
                customer.setString(6, c <= 1000 ? TpccRandom.lastName(c - 1)
                        : random.randomLastName(scale.customersPerDistrict()));
                address(customer, 7, false);
                customer.setString(12, random.digits(16));
                customer.setTimestamp(13, now);
                customer.setString(14, random.percent(10) ? "BC" : "GC");
                customer.setBigDecimal(15, new BigDecimal("50000.00"));
                customer.setBigDecimal(16, BigDecimal.valueOf(random.uniform(0, 5000), 4));
                customer.setBigDecimal(17, new BigDecimal("-10.00"));
                customer.setBigDecimal(18, new BigDecimal("10.00"));
                customer.setInt(19, 1);
                customer.setInt(20, 0);
                customer.setString(21, random.text(300, 500));
                add(customer);
                history.setInt(1, w);
                history.setInt(2, d);
                history.setLong(3, c);
                history.setInt(4, c);
                history.setInt(5, d);
                history.setInt(6, w);
                history.setTimestamp(7, now);
                history.setBigDecimal(8, new BigDecimal("10.00"));
                history.setString(9, random.text(12, 24));
                history.addBatch();
            }
            flush(customer);
            history.executeBatch();
        }
    }

    private void loadOrders(int w, int d) throws SQLException {
        List<Integer> customers = new ArrayList<>();
        for (int c = 1; c <= scale.customersPerDistrict(); c++) {
            customers.add(c);
        }
        Collections.shuffle(customers, new java.util.Random(w * 1000L + d));
        try (PreparedStatement order = connection.prepareStatement("INSERT INTO orders VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
             PreparedStatement line = connection.prepareStatement(
                     "INSERT INTO order_line VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
             PreparedStatement newOrder = connection.prepareStatement("INSERT INTO new_order VALUES (?, ?, ?)")) {
            for (int o = 1; o <= scale.initialOrdersPerDistrict(); o++) {
                boolean delivered = o < scale.firstNewOrder();
                int lines = random.uniform(5, 15);
                order.setInt(1, w);
                order.setInt(2, d);
                order.setInt(3, o);
                order.setInt(4, customers.get(o - 1));
                order.setTimestamp(5, now);
                if (delivered) {
                    order.setInt(6, random.uniform(1, 10));
                } else {
                    order.setNull(6, java.sql.Types.INTEGER);
                }
                order.setInt(7, lines);
                order.setInt(8, 1);
                add(order);
                flush(order); // order lines reference it
                for (int n = 1; n <= lines; n++) {
                    line.setInt(1, w);
                    line.setInt(2, d);
                    line.setInt(3, o);
                    line.setInt(4, n);
                    line.setInt(5, random.uniform(1, scale.items()));
                    line.setInt(6, w);
                    if (delivered) {
                        line.setTimestamp(7, now);
                        line.setBigDecimal(9, BigDecimal.ZERO.setScale(2));
                    } else {
                        line.setNull(7, java.sql.Types.TIMESTAMP);
                        line.setBigDecimal(9, BigDecimal.valueOf(random.uniform(1, 999_999), 2));
                    }
                    line.setInt(8, 5);
                    line.setString(10, random.text(24, 24));
                    line.addBatch();
                }
                line.executeBatch();
                if (!delivered) {
                    newOrder.setInt(1, w);
                    newOrder.setInt(2, d);
                    newOrder.setInt(3, o);
                    newOrder.addBatch();
                }
            }
            newOrder.executeBatch();
        }
        connection.commit();
    }

    private void address(PreparedStatement statement, int first, boolean withName) throws SQLException {
        int i = first;
        if (withName) {
            statement.setString(i++, random.text(6, 10));
        }
        statement.setString(i++, random.text(10, 20));
        statement.setString(i++, random.text(10, 20));
        statement.setString(i++, random.text(10, 20));
        statement.setString(i++, random.text(2, 2));
        statement.setString(i, random.digits(4) + "11111");
    }

    private BigDecimal tax() {
        return BigDecimal.valueOf(random.uniform(0, 2000), 4);
    }

    private String data() {
        String data = random.text(26, 50);
        if (random.percent(10)) {
            int at = random.uniform(0, data.length() - 8);
            data = data.substring(0, at) + "ORIGINAL" + data.substring(at + 8);
        }
        return data;
    }

    private void add(PreparedStatement statement) throws SQLException {
        statement.addBatch();
        if (++pending >= ROWS_PER_COMMIT) {
            flush(statement);
        }
    }

    private void flush(PreparedStatement statement) throws SQLException {
        statement.executeBatch();
        connection.commit();
        pending = 0;
    }
}

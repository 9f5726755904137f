package io.basalt.bench.tpcc;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The five TPC-C transactions (clauses 2.4 to 2.8) as plain SQL over one JDBC connection, each in
 * one transaction that this class commits or rolls back. A failed transaction throws its
 * SQLException after the rollback; the caller decides whether to retry (40001, 40P01).
 *
 * <p>Inputs follow the specification: home warehouse and district chosen by the caller, customers
 * by NURand, 60% of Payment and Order-Status customers by last name (through the customer-name
 * index, the middle one of those found), 1% of New-Orders roll back on an unused item, 1% of their
 * lines and 15% of Payments are remote when there are several warehouses.
 */
public final class TpccTransactions {
    /** What a New-Order did: committed, or rolled back on purpose (the 1% with an unused item id). */
    public enum NewOrderOutcome { COMMITTED, ROLLED_BACK }

    private static final AtomicLong HISTORY_IDS = new AtomicLong(System.nanoTime());

    private final Connection connection;
    private final TpccScale scale;
    private final TpccRandom random;
    private BigDecimal lastOrderTotal;

    public TpccTransactions(Connection connection, TpccScale scale, long seed) throws SQLException {
        this.connection = connection;
        this.scale = scale;
        this.random = new TpccRandom(seed);
        connection.setAutoCommit(false);
    }

    /** The total amount of the last committed New-Order, with discount and taxes, as the terminal shows it. */
    public BigDecimal lastOrderTotal() {
        return lastOrderTotal;
    }

    public int randomDistrict() {
        return random.uniform(1, scale.districtsPerWarehouse());
    }

    // ---- New-Order (2.4) ----------------------------------------------------------------------

    public NewOrderOutcome newOrder(int w) throws SQLException {
        int d = randomDistrict();
        int c = random.customerId(scale.customersPerDistrict());
        int lineCount = random.uniform(5, 15);
        boolean rollback = random.percent(1);
        int[] items = new int[lineCount];
        int[] supplyWarehouses = new int[lineCount];
        int[] quantities = new int[lineCount];
        boolean remote = false;
        for (int i = 0; i < lineCount; i++) {
            items[i] = rollback && i == lineCount - 1 ? scale.items() + 1 : random.itemId(scale.items());
            supplyWarehouses[i] = w;
            if (scale.warehouses() > 1 && random.percent(1)) {
                do {
                    supplyWarehouses[i] = random.uniform(1, scale.warehouses());
                } while (supplyWarehouses[i] == w);
                remote = true;
            }
            quantities[i] = random.uniform(1, 10);
        }
        int allLocal = remote ? 0 : 1;
        return run(() -> {
            BigDecimal wTax = decimal("SELECT w_tax FROM warehouse WHERE w_id = ?", w);
            int orderId;
            BigDecimal dTax;
            try (PreparedStatement district = connection.prepareStatement(
                    "SELECT d_tax, d_next_o_id FROM district WHERE d_w_id = ? AND d_id = ? FOR UPDATE")) {
                district.setInt(1, w);
                district.setInt(2, d);
                try (ResultSet row = single(district)) {
                    dTax = row.getBigDecimal(1);
                    orderId = row.getInt(2);
                }
            }
            update("UPDATE district SET d_next_o_id = d_next_o_id + 1 WHERE d_w_id = ? AND d_id = ?", w, d);
            BigDecimal discount = decimal(
                    "SELECT c_discount, c_last, c_credit FROM customer WHERE c_w_id = ? AND c_d_id = ? AND c_id = ?", w, d, c);
            update("INSERT INTO orders (o_w_id, o_d_id, o_id, o_c_id, o_entry_d, o_carrier_id, o_ol_cnt, o_all_local)"
                    + " VALUES (?, ?, ?, ?, ?, NULL, ?, ?)", w, d, orderId, c, now(), lineCount, allLocal);
            update("INSERT INTO new_order (no_w_id, no_d_id, no_o_id) VALUES (?, ?, ?)", w, d, orderId);
            BigDecimal total = BigDecimal.ZERO;
            for (int i = 0; i < lineCount; i++) {
                BigDecimal price;
                try (PreparedStatement item = connection.prepareStatement("SELECT i_price FROM item WHERE i_id = ?")) {
                    item.setInt(1, items[i]);
                    try (ResultSet row = item.executeQuery()) {
                        if (!row.next()) {
                            connection.rollback(); // the specification's "Item number is not valid"
                            return NewOrderOutcome.ROLLED_BACK;
                        }
                        price = row.getBigDecimal(1);
                    }
                }
                int quantity;
                String distInfo;
                try (PreparedStatement stock = connection.prepareStatement("SELECT s_quantity, s_dist_"
                        + String.format("%02d", d) + " FROM stock WHERE s_w_id = ? AND s_i_id = ? FOR UPDATE")) {
                    stock.setInt(1, supplyWarehouses[i]);
                    stock.setInt(2, items[i]);
                    try (ResultSet row = single(stock)) {
                        quantity = row.getInt(1);
                        distInfo = row.getString(2);
                    }
                }
                int newQuantity = quantity >= quantities[i] + 10 ? quantity - quantities[i] : quantity - quantities[i] + 91;
                update("UPDATE stock SET s_quantity = ?, s_ytd = s_ytd + ?, s_order_cnt = s_order_cnt + 1,"
                        + " s_remote_cnt = s_remote_cnt + ? WHERE s_w_id = ? AND s_i_id = ?",
                        newQuantity, quantities[i], supplyWarehouses[i] == w ? 0 : 1, supplyWarehouses[i], items[i]);
                BigDecimal amount = price.multiply(BigDecimal.valueOf(quantities[i])).setScale(2, RoundingMode.HALF_UP);
                total = total.add(amount);
                update("INSERT INTO order_line (ol_w_id, ol_d_id, ol_o_id, ol_number, ol_i_id, ol_supply_w_id,"
                        + " ol_delivery_d, ol_quantity, ol_amount, ol_dist_info) VALUES (?, ?, ?, ?, ?, ?, NULL, ?, ?, ?)",
                        w, d, orderId, i + 1, items[i], supplyWarehouses[i], quantities[i], amount, distInfo);
            }
            connection.commit();
            lastOrderTotal = total.multiply(BigDecimal.ONE.subtract(discount)).multiply(BigDecimal.ONE.add(wTax).add(dTax))
                    .setScale(2, RoundingMode.HALF_UP);
            return NewOrderOutcome.COMMITTED;
        });
    }

    // ---- Payment (2.5) ------------------------------------------------------------------------

    public void payment(int w) throws SQLException {
        int d = randomDistrict();
        int customerWarehouse = w;
        int customerDistrict = d;
        if (scale.warehouses() > 1 && random.percent(15)) {
            do {
                customerWarehouse = random.uniform(1, scale.warehouses());
            } while (customerWarehouse == w);
            customerDistrict = randomDistrict();
        }
        boolean byName = random.percent(60);
        String lastName = random.randomLastName(scale.customersPerDistrict());
        int customerId = random.customerId(scale.customersPerDistrict());
        BigDecimal amount = BigDecimal.valueOf(random.uniform(100, 500_000), 2);
        int cw = customerWarehouse;
        int cd = customerDistrict;
        run(() -> {
            update("UPDATE warehouse SET w_ytd = w_ytd + ? WHERE w_id = ?", amount, w);
            decimal("SELECT w_ytd FROM warehouse WHERE w_id = ?", w);
            update("UPDATE district SET d_ytd = d_ytd + ? WHERE d_w_id = ? AND d_id = ?", amount, w, d);
            int c = byName ? customerByName(cw, cd, lastName) : customerId;
            if (c < 0) {
                connection.rollback();
                return null;
            }
            String credit;
            try (PreparedStatement customer = connection.prepareStatement(
                    "SELECT c_credit FROM customer WHERE c_w_id = ? AND c_d_id = ? AND c_id = ? FOR UPDATE")) {
                customer.setInt(1, cw);
                customer.setInt(2, cd);
                customer.setInt(3, c);
                try (ResultSet row = single(customer)) {
                    credit = row.getString(1);
                }
            }
            update("UPDATE customer SET c_balance = c_balance - ?, c_ytd_payment = c_ytd_payment + ?,"
                    + " c_payment_cnt = c_payment_cnt + 1 WHERE c_w_id = ? AND c_d_id = ? AND c_id = ?",
                    amount, amount, cw, cd, c);
            if ("BC".equals(credit)) {
                update("UPDATE customer SET c_data = SUBSTRING(CAST(? AS VARCHAR(500)) || c_data FROM 1 FOR 500)"
                        + " WHERE c_w_id = ? AND c_d_id = ? AND c_id = ?",
                        c + " " + cd + " " + cw + " " + d + " " + w + " " + amount + " | ", cw, cd, c);
            }
            update("INSERT INTO history (h_w_id, h_d_id, h_id, h_c_id, h_c_d_id, h_c_w_id, h_date, h_amount, h_data)"
                    + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", w, d, HISTORY_IDS.incrementAndGet(), c, cd, cw, now(), amount,
                    "payment");
            connection.commit();
            return null;
        });
    }

    /** The middle customer (by first name) with this last name, clause 2.5.2.2; -1 if none. */
    private int customerByName(int w, int d, String lastName) throws SQLException {
        List<Integer> ids = new ArrayList<>();
        try (PreparedStatement byName = connection.prepareStatement("SELECT c_id FROM customer"
                + " WHERE c_w_id = ? AND c_d_id = ? AND c_last = ? ORDER BY c_first")) {
            byName.setInt(1, w);
            byName.setInt(2, d);
            byName.setString(3, lastName);
            try (ResultSet rows = byName.executeQuery()) {
                while (rows.next()) {
                    ids.add(rows.getInt(1));
                }
            }
        }
        return ids.isEmpty() ? -1 : ids.get((ids.size() + 1) / 2 - 1);
    }

    // ---- Order-Status (2.6) -------------------------------------------------------------------

    /** Returns the number of lines of the customer's last order (0 if the customer has none). */
    public int orderStatus(int w) throws SQLException {
        int d = randomDistrict();
        boolean byName = random.percent(60);
        String lastName = random.randomLastName(scale.customersPerDistrict());
        int customerId = random.customerId(scale.customersPerDistrict());
        return run(() -> {
            int c = byName ? customerByName(w, d, lastName) : customerId;
            decimal("SELECT c_balance FROM customer WHERE c_w_id = ? AND c_d_id = ? AND c_id = ?", w, d, Math.max(c, 1));
            int lines = 0;
            try (PreparedStatement last = connection.prepareStatement("SELECT o_id, o_entry_d, o_carrier_id FROM orders"
                    + " WHERE o_w_id = ? AND o_d_id = ? AND o_c_id = ? ORDER BY o_id DESC FETCH FIRST 1 ROWS ONLY")) {
                last.setInt(1, w);
                last.setInt(2, d);
                last.setInt(3, c);
                try (ResultSet order = last.executeQuery()) {
                    if (order.next()) {
                        int orderId = order.getInt(1);
                        try (PreparedStatement orderLines = connection.prepareStatement("SELECT ol_i_id, ol_supply_w_id,"
                                + " ol_quantity, ol_amount, ol_delivery_d FROM order_line"
                                + " WHERE ol_w_id = ? AND ol_d_id = ? AND ol_o_id = ?")) {
                            orderLines.setInt(1, w);
                            orderLines.setInt(2, d);
                            orderLines.setInt(3, orderId);
                            try (ResultSet rows = orderLines.executeQuery()) {
                                while (rows.next()) {
                                    lines++;
                                }
                            }
                        }
                    }
                }
            }
            connection.commit();
            return lines;
        });
    }

    // ---- Delivery (2.7) -----------------------------------------------------------------------

    /** Delivers the oldest new order of every district of the warehouse; returns how many were delivered. */
    public int delivery(int w) throws SQLException {
        int carrier = random.uniform(1, 10);
        return run(() -> {
            int delivered = 0;
            for (int d = 1; d <= scale.districtsPerWarehouse(); d++) {
                Integer orderId = null;
                try (PreparedStatement oldest = connection.prepareStatement("SELECT no_o_id FROM new_order"
                        + " WHERE no_w_id = ? AND no_d_id = ? ORDER BY no_o_id FETCH FIRST 1 ROWS ONLY FOR UPDATE")) {
                    oldest.setInt(1, w);
                    oldest.setInt(2, d);
                    try (ResultSet row = oldest.executeQuery()) {
                        if (row.next()) {
                            orderId = row.getInt(1);
                        }
                    }
                }
                if (orderId == null) {
                    continue; // the specification skips a district without new orders
                }
                update("DELETE FROM new_order WHERE no_w_id = ? AND no_d_id = ? AND no_o_id = ?", w, d, orderId);
                int customer = (int) longValue("SELECT o_c_id FROM orders WHERE o_w_id = ? AND o_d_id = ? AND o_id = ?",
                        w, d, orderId);
                update("UPDATE orders SET o_carrier_id = ? WHERE o_w_id = ? AND o_d_id = ? AND o_id = ?", carrier, w, d,
                        orderId);
                update("UPDATE order_line SET ol_delivery_d = ? WHERE ol_w_id = ? AND ol_d_id = ? AND ol_o_id = ?",
                        now(), w, d, orderId);
                BigDecimal amount = decimal("SELECT SUM(ol_amount) FROM order_line"
                        + " WHERE ol_w_id = ? AND ol_d_id = ? AND ol_o_id = ?", w, d, orderId);
                update("UPDATE customer SET c_balance = c_balance + ?, c_delivery_cnt = c_delivery_cnt + 1"
                        + " WHERE c_w_id = ? AND c_d_id = ? AND c_id = ?", amount, w, d, customer);
                delivered++;
            }
            connection.commit();
            return delivered;
        });
    }

    // ---- Stock-Level (2.8) --------------------------------------------------------------------

    /** Counts the distinct items of the district's last 20 orders whose stock is below a threshold. */
    public long stockLevel(int w, int d) throws SQLException {
        int threshold = random.uniform(10, 20);
        return run(() -> {
            long nextOrder = longValue("SELECT d_next_o_id FROM district WHERE d_w_id = ? AND d_id = ?", w, d);
            long low = longValue("SELECT COUNT(DISTINCT s_i_id) FROM order_line, stock"
                    + " WHERE ol_w_id = ? AND ol_d_id = ? AND ol_o_id < ? AND ol_o_id >= ?"
                    + " AND s_w_id = ? AND s_i_id = ol_i_id AND s_quantity < ?",
                    w, d, nextOrder, nextOrder - 20, w, threshold);
            connection.commit();
            return low;
        });
    }

    // ---- helpers ------------------------------------------------------------------------------

    private interface Body<T> {
        T run() throws SQLException;
    }

    /** Runs a transaction body; on any failure rolls back and rethrows. */
    private <T> T run(Body<T> body) throws SQLException {
        try {
            return body.run();
        } catch (SQLException | RuntimeException e) {
            try {
                connection.rollback();
            } catch (SQLException suppressed) {
                e.addSuppressed(suppressed);
            }
            throw e;
        }
    }

    private int update(String sql, Object... parameters) throws SQLException {
        try (PreparedStatement statement = prepare(sql, parameters)) {
            return statement.executeUpdate();
        }
    }

    private BigDecimal decimal(String sql, Object... parameters) throws SQLException {
        try (PreparedStatement statement = prepare(sql, parameters); ResultSet row = single(statement)) {
            return row.getBigDecimal(1);
        }
    }

    private long longValue(String sql, Object... parameters) throws SQLException {
        try (PreparedStatement statement = prepare(sql, parameters); ResultSet row = single(statement)) {
            return row.getLong(1);
        }
    }

    private PreparedStatement prepare(String sql, Object... parameters) throws SQLException {
        PreparedStatement statement = connection.prepareStatement(sql);
        for (int i = 0; i < parameters.length; i++) {
            statement.setObject(i + 1, parameters[i]);
        }
        return statement;
    }

    private static ResultSet single(PreparedStatement statement) throws SQLException {
        ResultSet row = statement.executeQuery();
        if (!row.next()) {
            row.close();
            throw new SQLException("no row for " + statement, "02000");
        }
        return row;
    }

    private static Timestamp now() {
        return new Timestamp(System.currentTimeMillis());
    }
}

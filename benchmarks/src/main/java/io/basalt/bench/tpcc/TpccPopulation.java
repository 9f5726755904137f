package io.basalt.bench.tpcc;

import java.math.BigDecimal;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * The rows of the initial population (clause 4.3.3: initial balances, YTD amounts, next order
 * ids, the last 30% of orders undelivered), produced into a {@link RowSink} in independent pieces
 * (a range of items, a district's customers, ...). It knows nothing of connections or batching,
 * so the loader can generate the pieces on several threads, one instance per piece.
 */
final class TpccPopulation {
    /** Where generated rows go; a row is the table's columns in declaration order. */
    interface RowSink {
        void add(LoadTable table, Object... row) throws SQLException;
    }

    private final TpccScale scale;
    private final TpccRandom random;
    private final Timestamp now = new Timestamp(System.currentTimeMillis());

    TpccPopulation(TpccScale scale, long seed) {
        this.scale = scale;
        this.random = new TpccRandom(seed);
    }

    /**
     * Rows the whole population has, for a progress bar. Order lines are
     * random (5 to 15 an order), so this counts the mean of 10; the total is an estimate.
     */
    static long estimatedRows(TpccScale scale) {
        long c = scale.customersPerDistrict();
        long undelivered = scale.initialOrdersPerDistrict() - scale.firstNewOrder() + 1;
        long perDistrict = 1 + c /* customers */ + c /* history */ + scale.initialOrdersPerDistrict() * 11L + undelivered;
        return scale.items() + scale.warehouses() * (1 + scale.items() + scale.districtsPerWarehouse() * perDistrict);
    }

    /** Items {@code first} to {@code last}, inclusive. */
    void items(int first, int last, RowSink sink) throws SQLException {
        for (int i = first; i <= last; i++) {
            sink.add(LoadTable.ITEM, i, random.uniform(1, 10_000), random.text(14, 24),
                    BigDecimal.valueOf(random.uniform(100, 10_000), 2), data());
        }
    }

    /** The warehouse row and its district rows. */
    void warehouseAndDistricts(int w, RowSink sink) throws SQLException {
        BigDecimal ytd = new BigDecimal("30000.00").multiply(BigDecimal.valueOf(scale.districtsPerWarehouse()));
        sink.add(LoadTable.WAREHOUSE, w, random.text(6, 10), random.text(10, 20), random.text(10, 20),
                random.text(10, 20), random.text(2, 2), zip(), tax(), ytd);
        for (int d = 1; d <= scale.districtsPerWarehouse(); d++) {
            sink.add(LoadTable.DISTRICT, w, d, random.text(6, 10), random.text(10, 20), random.text(10, 20),
                    random.text(10, 20), random.text(2, 2), zip(), tax(), new BigDecimal("30000.00"),
                    scale.initialOrdersPerDistrict() + 1);
        }
    }

    /** The warehouse's stock of items {@code first} to {@code last}, inclusive. */
    void stock(int w, int first, int last, RowSink sink) throws SQLException {
        for (int i = first; i <= last; i++) {
            Object[] row = new Object[LoadTable.STOCK.columns];
            row[0] = w;
            row[1] = i;
            row[2] = random.uniform(10, 100);
            for (int d = 0; d < 10; d++) {
                row[3 + d] = random.text(24, 24);
            }
            row[13] = 0;
            row[14] = 0;
            row[15] = 0;
            row[16] = data();
            sink.add(LoadTable.STOCK, row);
        }
    }

    /** The district's customers, each with one history row. */
    void customers(int w, int d, RowSink sink) throws SQLException {
        for (int c = 1; c <= scale.customersPerDistrict(); c++) {
            String last = c <= 1000 ? TpccRandom.lastName(c - 1) : random.randomLastName(scale.customersPerDistrict());
            sink.add(LoadTable.CUSTOMER, w, d, c, random.text(8, 16), "OE", last, random.text(10, 20),
                    random.text(10, 20), random.text(10, 20), random.text(2, 2), zip(), random.digits(16), now,
                    random.percent(10) ? "BC" : "GC", new BigDecimal("50000.00"),
                    BigDecimal.valueOf(random.uniform(0, 5000), 4), new BigDecimal("-10.00"), new BigDecimal("10.00"),
                    1, 0, random.text(300, 500));
            sink.add(LoadTable.HISTORY, w, d, (long) c, c, d, w, now, new BigDecimal("10.00"), random.text(12, 24));
        }
    }

    /** The district's orders, their lines, and the undelivered ones in NEW_ORDER. */
    void orders(int w, int d, RowSink sink) throws SQLException {
        List<Integer> customers = new ArrayList<>();
        for (int c = 1; c <= scale.customersPerDistrict(); c++) {
            customers.add(c);
        }
        Collections.shuffle(customers, new Random(w * 1000L + d));
        for (int o = 1; o <= scale.initialOrdersPerDistrict(); o++) {
            boolean delivered = o < scale.firstNewOrder();
            int lines = random.uniform(5, 15);
            sink.add(LoadTable.ORDERS, w, d, o, customers.get(o - 1), now,
                    delivered ? random.uniform(1, 10) : null, lines, 1);
            for (int n = 1; n <= lines; n++) {
                sink.add(LoadTable.ORDER_LINE, w, d, o, n, random.uniform(1, scale.items()), w,
                        delivered ? now : null, 5,
                        delivered ? BigDecimal.ZERO.setScale(2) : BigDecimal.valueOf(random.uniform(1, 999_999), 2),
                        random.text(24, 24));
            }
            if (!delivered) {
                sink.add(LoadTable.NEW_ORDER, w, d, o);
            }
        }
    }

    private String zip() {
        return random.digits(4) + "11111";
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
}

package io.basalt.bench.tpcc;

/**
 * The tables the loader fills, in an order where every table comes after the tables its foreign
 * keys point to. {@link BatchInserter} writes its buffers in this order before each commit, so a
 * transaction never inserts a child before its parent.
 */
enum LoadTable {
    ITEM(5), WAREHOUSE(9), STOCK(17), DISTRICT(11), CUSTOMER(21), HISTORY(9), ORDERS(8), NEW_ORDER(3), ORDER_LINE(10);

    final int columns;

    LoadTable(int columns) {
        this.columns = columns;
    }

    String sqlName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    /** {@code INSERT INTO t VALUES (?, ...), (?, ...)} with {@code rows} row constructors. */
    String insert(int rows) {
        String row = "(?" + ", ?".repeat(columns - 1) + ")";
        StringBuilder sql = new StringBuilder("INSERT INTO ").append(sqlName()).append(" VALUES ").append(row);
        for (int i = 1; i < rows; i++) {
            sql.append(", ").append(row);
        }
        return sql.toString();
    }
}

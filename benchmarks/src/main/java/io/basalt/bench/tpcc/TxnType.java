package io.basalt.bench.tpcc;

/** The five TPC-C transaction profiles, with the share of the mix each gets (clause 5.2.3). */
public enum TxnType {
    NEW_ORDER("NewOrder", 45),
    PAYMENT("Payment", 43),
    ORDER_STATUS("OrderStatus", 4),
    DELIVERY("Delivery", 4),
    STOCK_LEVEL("StockLevel", 4);

    private final String label;
    private final int percent;

    TxnType(String label, int percent) {
        this.label = label;
        this.percent = percent;
    }

    /** The name used in output and result files. */
    public String label() {
        return label;
    }

    public int percent() {
        return percent;
    }
}

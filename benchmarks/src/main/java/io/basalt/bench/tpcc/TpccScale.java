package io.basalt.bench.tpcc;

/**
 * How big a TPC-C database is. The specification's sizes (10 districts of 3,000 customers per
 * warehouse, 100,000 items) are {@link #standard}; tests use small ones, keeping the shape.
 */
public record TpccScale(int warehouses, int districtsPerWarehouse, int customersPerDistrict, int items) {

    public TpccScale {
        if (warehouses < 1 || districtsPerWarehouse < 1 || customersPerDistrict < 1 || items < 1) {
            throw new IllegalArgumentException("every size must be positive: " + warehouses + ", "
                    + districtsPerWarehouse + ", " + customersPerDistrict + ", " + items);
        }
    }

    public static TpccScale standard(int warehouses) {
        return new TpccScale(warehouses, 10, 3000, 100_000);
    }

    /** Orders loaded per district: one per customer, as the specification loads them. */
    public int initialOrdersPerDistrict() {
        return customersPerDistrict;
    }

    /** The first of the loaded orders that are still undelivered (the last 30%, as in the specification's 2100 of 3000). */
    public int firstNewOrder() {
        return customersPerDistrict - customersPerDistrict * 3 / 10 + 1;
    }
}

package io.basalt.bench.tpcc;

/**
 * Everything a run was asked to do, as it goes into the result file. The password is not here on
 * purpose: result files get shared.
 */
public record RunConfig(
        String url,
        String user,
        int warehouses,
        int districtsPerWarehouse,
        int customersPerDistrict,
        int items,
        int terminals,
        int warmupSeconds,
        int durationSeconds,
        String isolation,
        boolean load,
        int loaderThreads,
        int rowsPerCommit,
        boolean multiRowValues,
        int maxRetries,
        long seed) {

    public RunConfig {
        if (terminals < 1 || durationSeconds < 1 || warmupSeconds < 0 || loaderThreads < 1 || rowsPerCommit < 1
                || maxRetries < 0) {
            throw new IllegalArgumentException("terminals, duration, loader threads and rows per commit must be positive;"
                    + " warm-up and retries not negative");
        }
    }

    public TpccScale scale() {
        return new TpccScale(warehouses, districtsPerWarehouse, customersPerDistrict, items);
    }

    /** The same run at another scale (after {@code --no-load} found what the database holds). */
    RunConfig withScale(TpccScale scale) {
        return new RunConfig(url, user, scale.warehouses(), scale.districtsPerWarehouse(), scale.customersPerDistrict(),
                scale.items(), terminals, warmupSeconds, durationSeconds, isolation, load, loaderThreads, rowsPerCommit,
                multiRowValues, maxRetries, seed);
    }
}

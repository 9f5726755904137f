package io.basalt.bench.tpcc;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import javax.sql.DataSource;

/**
 * One emulated terminal: a thread with a home warehouse and district, dealing transactions from
 * its own {@link TpccMix} with no think time, retrying conflicts by {@link RetryPolicy}, and
 * recording into the shared {@link RunStats}. It holds one pooled connection for the whole run
 * and only takes a fresh one after an error of class 08 (the connection is gone).
 */
final class Terminal implements Runnable {
    private final DataSource pool;
    private final TpccScale scale;
    private final int warehouse;
    private final int district;
    private final long seed;
    private final RetryPolicy retryPolicy;
    private final RunStats stats;
    private final BooleanSupplier running;
    private final Random random;
    private final TpccMix mix;

    /**
     * Terminal {@code index} (from 0) lives in warehouse {@code index % W + 1}, so terminals spread
     * evenly over warehouses, and in district {@code (index / W) % D + 1} there, which Stock-Level
     * uses (clause 2.8.1.1: a terminal's district is fixed).
     */
    Terminal(int index, DataSource pool, TpccScale scale, long seed, RetryPolicy retryPolicy, RunStats stats,
             BooleanSupplier running) {
        this.pool = pool;
        this.scale = scale;
        this.warehouse = index % scale.warehouses() + 1;
        this.district = (index / scale.warehouses()) % scale.districtsPerWarehouse() + 1;
        this.seed = seed;
        this.retryPolicy = retryPolicy;
        this.stats = stats;
        this.running = running;
        this.random = new Random(seed);
        this.mix = new TpccMix(random);
    }

    int warehouse() {
        return warehouse;
    }

    int district() {
        return district;
    }

    @Override
    public void run() {
        while (running.getAsBoolean()) {
            try (Connection connection = pool.getConnection()) {
                TpccTransactions transactions = new TpccTransactions(connection, scale, seed);
                runUntilStoppedOrDisconnected(transactions);
            } catch (SQLException e) {
                // Getting or setting up a connection failed: count it, pause, try again while the run lasts.
                stats.unexpected("connect", e);
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(100));
            }
        }
    }

    private void runUntilStoppedOrDisconnected(TpccTransactions transactions) {
        while (running.getAsBoolean()) {
            TxnType type = mix.next();
            long start = System.nanoTime();
            for (int retries = 0; ; ) {
                try {
                    boolean committed = execute(transactions, type);
                    if (!running.getAsBoolean()) {
                        return; // finished after the end of the run: not measured
                    }
                    stats.completed(type, (System.nanoTime() - start) / 1000);
                    if (!committed) {
                        stats.newOrderRolledBack();
                    }
                    break;
                } catch (SQLException e) {
                    RetryPolicy.Verdict verdict = retryPolicy.onFailure(e, retries);
                    String state = RetryPolicy.sqlState(e);
                    if (verdict == RetryPolicy.Verdict.RETRY) {
                        stats.retried(state);
                        retries++;
                        LockSupport.parkNanos(retryPolicy.backoffMicros(retries, random) * 1000);
                        continue;
                    }
                    if (verdict == RetryPolicy.Verdict.GIVE_UP) {
                        stats.gaveUp(state);
                    } else {
                        stats.unexpected(type.label(), e);
                        if (state.startsWith("08")) {
                            return; // the connection is dead: the caller closes it and takes another
                        }
                    }
                    break;
                }
            }
        }
    }

    /** Runs one transaction; false only for a New-Order rolled back on purpose. */
    private boolean execute(TpccTransactions transactions, TxnType type) throws SQLException {
        switch (type) {
            case NEW_ORDER -> {
                return transactions.newOrder(warehouse) == TpccTransactions.NewOrderOutcome.COMMITTED;
            }
            case PAYMENT -> transactions.payment(warehouse);
            case ORDER_STATUS -> transactions.orderStatus(warehouse);
            case DELIVERY -> transactions.delivery(warehouse);
            case STOCK_LEVEL -> transactions.stockLevel(warehouse, district);
            default -> throw new IllegalStateException("unknown transaction type " + type);
        }
        return true;
    }
}

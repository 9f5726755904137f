package io.basalt.bench.tpcc;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.LongConsumer;

/**
 * Fills the TPC-C tables with the initial population ({@link TpccPopulation}) at any
 * {@link TpccScale}, on up to {@code threads} threads with a connection each.
 *
 * <p>The work is cut into pieces that share no rows (so they never conflict) and run in three
 * phases, because of the foreign keys between them:
 * <pre>
 *   phase 1  ITEM in chunks; per warehouse its WAREHOUSE and DISTRICT rows
 *   phase 2  per warehouse STOCK in chunks (needs ITEM, WAREHOUSE);
 *            per district CUSTOMER + HISTORY (needs DISTRICT)
 *   phase 3  per district ORDERS + ORDER_LINE + NEW_ORDER (needs CUSTOMER, and STOCK for the lines)
 * </pre>
 * Pieces finer than a warehouse matter: the default run loads one warehouse, and with one thread
 * a warehouse loaded 1.8 times slower on two cores than two warehouses on two threads (measured
 * on embedded Basalt, 2 x 23k rows). Each piece gets its own generator seeded from the run's seed
 * and the piece, so the data depends on the seed, not on the thread schedule. Every piece
 * commits every {@code rowsPerCommit} rows so that no transaction grows large.
 */
public final class TpccLoader {
    /** Where each piece of the load gets its connection, and returns it when the piece is done. */
    @FunctionalInterface
    public interface ConnectionSource {
        Connection open() throws SQLException;

        default void release(Connection connection) throws SQLException {
            connection.close();
        }
    }

    /**
     * Rows per transaction. On embedded Basalt 500 and 2,000 loaded at the same speed (within the
     * noise); larger transactions only hold more memory, smaller ones commit more often.
     */
    public static final int DEFAULT_ROWS_PER_COMMIT = 500;
    /** Smallest chunk of ITEM or STOCK rows worth a piece of its own. */
    private static final int MIN_CHUNK = 1_000;

    private final ConnectionSource connections;
    private final TpccScale scale;
    private final long seed;
    private int threads = 1;
    private int rowsPerCommit = DEFAULT_ROWS_PER_COMMIT;
    private BatchInserter.Mode mode = BatchInserter.Mode.BATCH;

    public TpccLoader(ConnectionSource connections, TpccScale scale, long seed) {
        this.connections = connections;
        this.scale = scale;
        this.seed = seed;
    }

    /** Loads on the caller's thread over a connection it keeps (left open, in its original auto-commit mode). */
    public static void load(Connection connection, TpccScale scale, long seed) throws SQLException {
        boolean autoCommit = connection.getAutoCommit();
        try {
            new TpccLoader(new ConnectionSource() {
                @Override
                public Connection open() {
                    return connection;
                }

                @Override
                public void release(Connection borrowed) {
                    // the caller's connection: it stays open
                }
            }, scale, seed).load(rows -> { });
        } finally {
            connection.setAutoCommit(autoCommit);
        }
    }

    public TpccLoader threads(int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("loader threads must be at least 1: " + threads);
        }
        this.threads = threads;
        return this;
    }

    public TpccLoader rowsPerCommit(int rowsPerCommit) {
        if (rowsPerCommit < 1) {
            throw new IllegalArgumentException("rows per commit must be at least 1: " + rowsPerCommit);
        }
        this.rowsPerCommit = rowsPerCommit;
        return this;
    }

    /**
     * Multi-row {@code INSERT ... VALUES} instead of JDBC batches of single-row inserts (the
     * default). On embedded Basalt batches loaded 1.3 to 1.5 times faster: planning a 100-row
     * VALUES with parameters costs more than it saves.
     */
    public TpccLoader multiRowValues(boolean multiRow) {
        this.mode = multiRow ? BatchInserter.Mode.VALUES : BatchInserter.Mode.BATCH;
        return this;
    }

    /** Estimated rows, for a progress bar (order lines are random, so the real count differs a little). */
    public long estimatedRows() {
        return TpccPopulation.estimatedRows(scale);
    }

    /** Loads everything; {@code committedRows} hears of every commit, from the loader threads. */
    public void load(LongConsumer committedRows) throws SQLException {
        ExecutorService executor = Executors.newFixedThreadPool(threads, runnable -> {
            Thread thread = new Thread(runnable, "tpcc-loader");
            thread.setDaemon(true);
            return thread;
        });
        try {
            int chunk = Math.max(MIN_CHUNK, (scale.items() + threads - 1) / threads);
            List<Piece> first = new ArrayList<>();
            List<Piece> second = new ArrayList<>();
            List<Piece> third = new ArrayList<>();
            for (int from = 1; from <= scale.items(); from += chunk) {
                int f = from;
                int to = Math.min(scale.items(), from + chunk - 1);
                first.add(new Piece(0, 0, f, (p, sink) -> p.items(f, to, sink)));
            }
            for (int w = 1; w <= scale.warehouses(); w++) {
                int warehouse = w;
                first.add(new Piece(1, w, 0, (p, sink) -> p.warehouseAndDistricts(warehouse, sink)));
                for (int from = 1; from <= scale.items(); from += chunk) {
                    int f = from;
                    int to = Math.min(scale.items(), from + chunk - 1);
                    second.add(new Piece(2, w, f, (p, sink) -> p.stock(warehouse, f, to, sink)));
                }
                for (int d = 1; d <= scale.districtsPerWarehouse(); d++) {
                    int district = d;
                    second.add(new Piece(3, w, d, (p, sink) -> p.customers(warehouse, district, sink)));
                    third.add(new Piece(4, w, d, (p, sink) -> p.orders(warehouse, district, sink)));
                }
            }
            for (List<Piece> phase : List.of(first, second, third)) {
                runPhase(executor, phase, committedRows);
            }
        } finally {
            executor.shutdownNow();
        }
    }

    private interface Generator {
        void generate(TpccPopulation population, TpccPopulation.RowSink sink) throws SQLException;
    }

    /** One independent piece of the load: what it is (for its seed) and how to generate it. */
    private record Piece(int kind, int warehouse, int part, Generator generator) {
        long seed(long runSeed) {
            return runSeed * 1_000_003L + kind * 1_000_000_007L + warehouse * 65_537L + part;
        }
    }

    private void runPhase(ExecutorService executor, List<Piece> pieces, LongConsumer committedRows) throws SQLException {
        List<Future<Void>> running = new ArrayList<>();
        for (Piece piece : pieces) {
            running.add(executor.submit(() -> {
                Connection connection = connections.open();
                int isolation = connection.getTransactionIsolation();
                // Pieces write disjoint rows, so READ COMMITTED is enough, and it matters: under
                // PostgreSQL's SERIALIZABLE, parallel pieces abort each other (40001) through the
                // predicate locks of their foreign-key checks.
                connection.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
                try (BatchInserter inserter = new BatchInserter(connection, mode, rowsPerCommit, committedRows)) {
                    piece.generator().generate(new TpccPopulation(scale, piece.seed(seed)), inserter);
                    inserter.commit();
                } catch (SQLException | RuntimeException e) {
                    try {
                        connection.rollback();
                    } catch (SQLException suppressed) {
                        e.addSuppressed(suppressed);
                    }
                    throw e;
                } finally {
                    connection.setTransactionIsolation(isolation);
                    connections.release(connection);
                }
                return null;
            }));
        }
        SQLException failure = null;
        for (Future<Void> piece : running) {
            try {
                piece.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new SQLException("interrupted while loading", "57014", e);
            } catch (ExecutionException e) {
                // Keep waiting for the others, so no piece is still writing when the caller sees the failure.
                if (failure == null) {
                    failure = e.getCause() instanceof SQLException sql ? sql
                            : new SQLException("a loader thread failed: " + e.getCause(), "XX000", e.getCause());
                }
            }
        }
        if (failure != null) {
            throw failure;
        }
    }
}

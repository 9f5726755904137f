package io.basalt.bench.tpcc;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.io.PrintStream;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs the TPC-C workload against a JDBC URL: create and load the tables (or reuse them), run
 * the terminals for a warm-up and a measured period, print a line a second, then check the
 * consistency conditions and summarise.
 *
 * <h2>Threads and what they share</h2>
 * <ul>
 *   <li><b>Terminals</b>: one platform thread each ({@link Terminal}). Each owns its random
 *       numbers, its deck ({@link TpccMix}), its {@link TpccTransactions} and one pooled
 *       connection for the whole run; nothing of that is shared. The only shared things they
 *       write are the {@link RunStats} recorders and counters (wait-free), and the only thing
 *       they read is the volatile {@code running} flag.</li>
 *   <li><b>The sampler</b> is the thread that called {@link #run}. It sleeps to each whole
 *       second since the start (deadlines from one start time, so seconds do not drift),
 *       swaps out each type's interval histogram, and turns the differences of the counters
 *       into a {@link SecondSample}. It alone owns the measured totals (the per-type
 *       histograms the interval histograms are added into after warm-up), so they need no
 *       locking.</li>
 *   <li><b>The pool</b> (HikariCP) has one connection per terminal plus one for the runner's
 *       own work (schema, consistency checks) and, for embedded in-memory Basalt, keeps the
 *       database alive between the load and the run.</li>
 * </ul>
 *
 * <h2>How the measured window is cut</h2>
 * At the sampler's tick for the last warm-up second, the warm-up histograms are taken and
 * dropped and the measured clock starts; at the last tick, {@code running} is cleared and the
 * clock stops. A transaction that completes after that is not recorded (the terminal checks the
 * flag after the commit), so the count and the measured time cover the same window. One that
 * finishes between the flag and the sampler's last swap is lost: at most one per terminal.
 *
 * <h2>Alternatives considered</h2>
 * Per-terminal histograms merged at the end (no shared writes at all) lose the per-second view,
 * or need per-terminal interval swapping, which is what {@link org.HdrHistogram.Recorder}
 * already does. A pool per terminal call (borrow per transaction) measured the pool, not the
 * database.
 */
public final class TpccRunner {
    private final RunConfig config;
    private final String password;
    private final PrintStream out;
    private final SqlDialect dialect;
    private volatile boolean running;

    public TpccRunner(RunConfig config, String password, PrintStream out) {
        this.config = config;
        this.password = password;
        this.out = out;
        this.dialect = SqlDialect.fromUrl(config.url());
    }

    public RunResult run() throws SQLException {
        String startedAt = Instant.now().toString();
        try (HikariDataSource pool = pool()) {
            String database;
            TpccScale scale;
            double loadSeconds = 0;
            RunConfig effective = config;
            try (Connection admin = pool.getConnection()) {
                database = admin.getMetaData().getDatabaseProductName() + " " + admin.getMetaData().getDatabaseProductVersion();
                admin.setAutoCommit(true);
                if (config.load()) {
                    scale = config.scale();
                    loadSeconds = load(pool, admin, scale);
                } else {
                    scale = scaleInDatabase(admin);
                    effective = config.withScale(scale);
                    out.printf("Reusing the loaded database: %d warehouse(s), %d districts each, %d customers a district,"
                            + " %d items%n", scale.warehouses(), scale.districtsPerWarehouse(), scale.customersPerDistrict(),
                            scale.items());
                }
            }
            RunStats stats = new RunStats();
            out.printf("Running %d terminal(s) on %d warehouse(s): %d s warm-up, then %d s measured, isolation %s%n",
                    config.terminals(), scale.warehouses(), config.warmupSeconds(), config.durationSeconds(),
                    config.isolation());
            Sampler sampler = new Sampler(stats, config.warmupSeconds(), out);
            List<Thread> terminals = startTerminals(pool, scale, stats);
            sampler.runFor(config.warmupSeconds() + config.durationSeconds(), () -> running = false);
            long stopped = System.nanoTime();
            joinAll(terminals);
            long joined = System.nanoTime();
            List<String> violations;
            try (Connection admin = pool.getConnection()) {
                admin.setAutoCommit(true);
                violations = TpccConsistency.violations(admin);
            }
            out.printf("Terminals finished their last transactions in %.1f s; consistency checked in %.1f s%n",
                    (joined - stopped) / 1e9, (System.nanoTime() - joined) / 1e9);
            RunSummary summary = sampler.summary(stats, violations);
            return new RunResult(startedAt, database, effective, loadSeconds, sampler.series(), summary);
        }
    }

    private HikariDataSource pool() {
        HikariConfig hikari = new HikariConfig();
        hikari.setJdbcUrl(config.url());
        if (config.user() != null) {
            hikari.setUsername(config.user());
        }
        if (password != null) {
            hikari.setPassword(password);
        }
        int size = Math.max(config.terminals(), config.loaderThreads()) + 1;
        hikari.setMaximumPoolSize(size);
        hikari.setMinimumIdle(1); // at least one open connection keeps an in-memory database alive
        hikari.setAutoCommit(false);
        hikari.setTransactionIsolation("TRANSACTION_" + config.isolation());
        hikari.setPoolName("tpcc");
        // Startup and the load may take a while on a cold engine; a terminal waiting this long is stuck anyway.
        hikari.setConnectionTimeout(TimeUnit.SECONDS.toMillis(60));
        return new HikariDataSource(hikari);
    }

    private double load(HikariDataSource pool, Connection admin, TpccScale scale) throws SQLException {
        TpccSchema.drop(admin);
        TpccSchema.create(admin, dialect);
        TpccLoader loader = new TpccLoader(pool::getConnection, scale, config.seed())
                .threads(config.loaderThreads())
                .rowsPerCommit(config.rowsPerCommit())
                .multiRowValues(config.multiRowValues());
        long start = System.nanoTime();
        try (ProgressPrinter progress = ProgressPrinter.onStderr("Loading", loader.estimatedRows())) {
            loader.load(progress::advance);
        }
        return (System.nanoTime() - start) / 1e9;
    }

    /** The scale of an already loaded database, from its row counts. */
    private static TpccScale scaleInDatabase(Connection connection) throws SQLException {
        long warehouses = count(connection, "SELECT COUNT(*) FROM warehouse");
        long districts = count(connection, "SELECT COUNT(*) FROM district");
        long customers = count(connection, "SELECT COUNT(*) FROM customer");
        long items = count(connection, "SELECT COUNT(*) FROM item");
        if (warehouses == 0 || districts == 0 || items == 0) {
            throw new SQLException("the database has no loaded TPC-C tables; run with --load first", "55000");
        }
        return new TpccScale((int) warehouses, (int) (districts / warehouses), (int) (customers / districts), (int) items);
    }

    private static long count(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }

    private List<Thread> startTerminals(HikariDataSource pool, TpccScale scale, RunStats stats) {
        RetryPolicy retryPolicy = new RetryPolicy(config.maxRetries(), dialect.vendorRetryableStates());
        running = true;
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < config.terminals(); i++) {
            // Seeds apart by a large odd number, so terminals' random streams do not overlap trivially.
            Terminal terminal = new Terminal(i, pool, scale, config.seed() + 0x9E3779B97F4A7C15L * (i + 1), retryPolicy,
                    stats, () -> running);
            Thread thread = new Thread(terminal, "tpcc-terminal-" + (i + 1));
            thread.setDaemon(true);
            thread.start();
            threads.add(thread);
        }
        return threads;
    }

    private static void joinAll(List<Thread> threads) {
        for (Thread thread : threads) {
            try {
                // A terminal finishes its current transaction first; a stuck one is left behind (daemon).
                thread.join(TimeUnit.SECONDS.toMillis(30));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}

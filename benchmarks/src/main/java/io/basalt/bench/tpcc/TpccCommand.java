package io.basalt.bench.tpcc;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code basalt tpcc}: the TPC-C-like benchmark against any JDBC URL. It lives in the benchmarks
 * module because it needs only JDBC; the server's CLI lists it as a subcommand, and puts the
 * embedded engine on the class path for the default {@code jdbc:basalt:mem:} URL.
 *
 * <p>The default population is smaller than the specification's (see {@code --items},
 * {@code --customers}) so that a first run finishes in well under a minute; the ratios and the
 * transactions are the specification's. Exit status: 0 when all went well, 1 after unexpected
 * errors, 2 when a consistency condition fails, 3 for both.
 */
@Command(name = "tpcc", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Load a TPC-C database and run the standard transaction mix against it (no think time),",
                "then check its consistency and write a JSON result and an HTML chart.",
                "Figures are TPC-C-like: not audited, not comparable with published results."})
public final class TpccCommand implements Callable<Integer> {
    /** The isolation levels a run may ask for, in JDBC's names. */
    public enum Isolation { READ_COMMITTED, REPEATABLE_READ, SERIALIZABLE }

    @Option(names = "--url", defaultValue = "jdbc:basalt:mem:tpcc",
            description = "JDBC URL: jdbc:basalt:..., jdbc:h2:... or jdbc:postgresql:... (default: ${DEFAULT-VALUE}).")
    String url;

    @Option(names = "--user", description = "Database user.")
    String user;

    @Option(names = "--password", description = "Database password (never written to the result file).",
            arity = "0..1", interactive = true)
    String password;

    @Option(names = "--warehouses", defaultValue = "1", description = "Warehouses to load (default: ${DEFAULT-VALUE}).")
    int warehouses;

    @Option(names = "--terminals", defaultValue = "4",
            description = "Concurrent terminals (threads), spread over the warehouses (default: ${DEFAULT-VALUE}).")
    int terminals;

    @Option(names = "--warmup", defaultValue = "5", description = "Warm-up seconds, not measured (default: ${DEFAULT-VALUE}).")
    int warmup;

    @Option(names = "--duration", defaultValue = "20", description = "Measured seconds (default: ${DEFAULT-VALUE}).")
    int duration;

    @Option(names = "--isolation", defaultValue = "SERIALIZABLE",
            description = "READ_COMMITTED, REPEATABLE_READ or SERIALIZABLE (default: ${DEFAULT-VALUE}).")
    Isolation isolation;

    @Option(names = "--load", negatable = true, defaultValue = "true", fallbackValue = "true",
            description = "Drop, create and load the tables first; --no-load reuses a loaded database (default: load).")
    boolean load;

    @Option(names = "--result-dir", defaultValue = "tpcc-results",
            description = "Directory for the JSON result and the HTML chart (default: ${DEFAULT-VALUE}).")
    Path resultDir;

    @Option(names = "--seed", defaultValue = "42", description = "Seed of all random numbers (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--max-retries", defaultValue = "10",
            description = "Retries of a transaction that failed with 40001, 40P01 or 55P03 (default: ${DEFAULT-VALUE}).")
    int maxRetries;

    @Option(names = "--districts", defaultValue = "10", description = "Districts per warehouse (specification: 10).")
    int districts;

    @Option(names = "--customers", defaultValue = "100",
            description = "Customers per district (specification: 3000; default: ${DEFAULT-VALUE}).")
    int customers;

    @Option(names = "--items", defaultValue = "2000", description = "Items (specification: 100000; default: ${DEFAULT-VALUE}).")
    int items;

    @Option(names = "--full-scale", description = "The specification's population: 10 districts, 3000 customers, 100000 items.")
    boolean fullScale;

    @Option(names = "--loader-threads", defaultValue = "4",
            description = "Warehouses loaded at once, one thread each (default: ${DEFAULT-VALUE}).")
    int loaderThreads;

    @Option(names = "--rows-per-commit", defaultValue = "" + TpccLoader.DEFAULT_ROWS_PER_COMMIT,
            description = "Rows per load transaction (default: ${DEFAULT-VALUE}).")
    int rowsPerCommit;

    @Option(names = "--multi-row-values",
            description = "Load with multi-row INSERT ... VALUES instead of JDBC batches (slower on Basalt today).")
    boolean multiRowValues;

    private final PrintStream out;

    public TpccCommand() {
        this(System.out);
    }

    TpccCommand(PrintStream out) {
        this.out = out;
    }

    @Override
    public Integer call() throws Exception {
        RunConfig config = config();
        RunResult result = new TpccRunner(config, password, out).run();
        out.print(ConsoleReport.summary(result));
        ResultWriter.Written files = new ResultWriter().write(result, resultDir);
        out.println();
        out.println("Result (JSON): " + files.json().toAbsolutePath());
        out.println("Chart (HTML):  " + files.html().toAbsolutePath());
        int status = result.summary().exitStatus();
        if (status != 0) {
            System.err.println("basalt tpcc: exit status " + status
                    + ((status & 1) != 0 ? " (unexpected errors)" : "") + ((status & 2) != 0 ? " (CONSISTENCY VIOLATED)" : ""));
        }
        return status;
    }

    RunConfig config() {
        return new RunConfig(url, user, warehouses, fullScale ? 10 : districts, fullScale ? 3000 : customers,
                fullScale ? 100_000 : items, terminals, warmup, duration, isolation.name(), load, loaderThreads,
                rowsPerCommit, multiRowValues, maxRetries, seed);
    }
}

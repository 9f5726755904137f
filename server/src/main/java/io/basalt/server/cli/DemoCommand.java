package io.basalt.server.cli;

import java.io.PrintStream;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code basalt demo}: a tour of the embedded database through its own JDBC driver. It creates a
 * small bank, moves money between accounts from several threads at once (the accounts live on
 * different partitions, so many transfers commit in two phases), checks that no money appeared or
 * vanished, runs a few queries, and shows how Basalt reaches rows (EXPLAIN) and reports errors.
 * When standard input is a terminal it then opens a SQL prompt on the same database.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Run a short demo on an embedded database, then open a SQL prompt if attached to a terminal.")
final class DemoCommand implements Callable<Integer> {
    private static final int ACCOUNTS = 20;
    private static final BigDecimal OPENING_BALANCE = new BigDecimal("1000.00");
    /** SQLStates after which the whole transaction is retried. */
    private static final Set<String> RETRYABLE = Set.of("40001", "40P01");

    @Option(names = "--url", defaultValue = "jdbc:basalt:mem:demo", description = "Database URL (default: ${DEFAULT-VALUE}).")
    String url;

    @Option(names = "--threads", defaultValue = "4", description = "Concurrent transfer threads (default: ${DEFAULT-VALUE}).")
    int threads;

    @Option(names = "--transfers", defaultValue = "200", description = "Transfers per thread (default: ${DEFAULT-VALUE}).")
    int transfers;

    @Option(names = "--no-prompt", description = "Do not open the SQL prompt afterwards.")
    boolean noPrompt;

    private final PrintStream out = System.out;

    @Override
    public Integer call() throws Exception {
        // Holding one connection keeps an in-memory database alive for the prompt afterwards.
        try (Connection keeper = DriverManager.getConnection(url)) {
            section("1. Schema");
            createSchema(keeper);
            section("2. " + threads + " threads x " + transfers + " transfers between " + ACCOUNTS + " accounts");
            runTransfers();
            section("3. Queries");
            queries(keeper);
            section("4. How Basalt reaches rows (EXPLAIN)");
            explain(keeper);
            section("5. Errors carry SQLStates");
            errors(keeper);
            if (System.console() != null && !noPrompt) {
                section("SQL prompt on " + url + "   (try: SELECT * FROM account;   quit with !quit)");
                return SqlCommand.runShell(url, null, null);
            }
            out.println();
            out.println("Done. For a SQL prompt on a database kept in ./basalt-data, run:  ./basalt sql");
        }
        return 0;
    }

    private void createSchema(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("DROP TABLE IF EXISTS transfer");
            statement.execute("DROP TABLE IF EXISTS account");
            String account = "CREATE TABLE account (id INT PRIMARY KEY, owner VARCHAR(40) NOT NULL, "
                    + "balance DECIMAL(12, 2) NOT NULL DEFAULT 0, opened DATE)";
            String transfer = "CREATE TABLE transfer (id BIGINT PRIMARY KEY, from_id INT NOT NULL, to_id INT NOT NULL, "
                    + "amount DECIMAL(12, 2) NOT NULL, made_at TIMESTAMP DEFAULT CURRENT_TIMESTAMP)";
            statement.execute(account);
            statement.execute(transfer);
            out.println(account);
            out.println(transfer);
        }
        String[] owners = {"Ada", "Barbara", "Charles", "Dijkstra", "Edsger", "Frances", "Grace", "Hedy", "Ivan", "Jean",
            "Ken", "Leslie", "Margaret", "Niklaus", "Ole", "Peter", "Radia", "Shafi", "Tony", "Ursula"};
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO account (id, owner, balance, opened) VALUES (?, ?, ?, DATE '2026-01-01')")) {
            for (int id = 1; id <= ACCOUNTS; id++) {
                insert.setInt(1, id);
                insert.setString(2, owners[id - 1]);
                insert.setBigDecimal(3, OPENING_BALANCE);
                insert.addBatch();
            }
            int[] counts = insert.executeBatch();
            out.println("inserted " + counts.length + " accounts with " + OPENING_BALANCE + " each (one batch, one transaction)");
        }
    }

    private void runTransfers() throws Exception {
        AtomicInteger committed = new AtomicInteger();
        AtomicInteger retried = new AtomicInteger();
        AtomicInteger transferIds = new AtomicInteger();
        List<Thread> workers = new ArrayList<>();
        List<Throwable> failures = new ArrayList<>();
        long start = System.nanoTime();
        for (int t = 0; t < threads; t++) {
            Thread worker = new Thread(() -> {
                try (Connection connection = DriverManager.getConnection(url)) {
                    connection.setAutoCommit(false);
                    for (int i = 0; i < transfers; i++) {
                        transferWithRetry(connection, transferIds.incrementAndGet(), committed, retried);
                    }
                } catch (Throwable e) {
                    synchronized (failures) {
                        failures.add(e);
                    }
                }
            }, "transfer-" + t);
            workers.add(worker);
            worker.start();
        }
        for (Thread worker : workers) {
            worker.join();
        }
        if (!failures.isEmpty()) {
            throw new IllegalStateException("a transfer thread failed", failures.get(0));
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        out.printf(Locale.ROOT, "%d transfers committed in %.2f s (%.0f/s); %d conflicts (40001, 40P01) were retried%n",
                committed.get(), seconds, committed.get() / seconds, retried.get());
    }

    /**
     * One transfer in its own transaction, retried as every client should on 40001 (serialization
     * failure) and 40P01 (chosen as a deadlock victim: two transfers locking the same two
     * accounts in opposite orders).
     */
    private void transferWithRetry(Connection connection, int transferId, AtomicInteger committed, AtomicInteger retried)
            throws SQLException {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        int from = random.nextInt(1, ACCOUNTS + 1);
        int to = (from % ACCOUNTS) + 1 + random.nextInt(ACCOUNTS - 1);
        to = to > ACCOUNTS ? to - ACCOUNTS : to;
        BigDecimal amount = BigDecimal.valueOf(random.nextInt(1, 5000), 2);
        for (int attempt = 1; ; attempt++) {
            try (PreparedStatement debit = connection.prepareStatement("UPDATE account SET balance = balance - ? WHERE id = ?");
                 PreparedStatement credit = connection.prepareStatement("UPDATE account SET balance = balance + ? WHERE id = ?");
                 PreparedStatement log = connection.prepareStatement(
                         "INSERT INTO transfer (id, from_id, to_id, amount) VALUES (?, ?, ?, ?)")) {
                debit.setBigDecimal(1, amount);
                debit.setInt(2, from);
                debit.executeUpdate();
                credit.setBigDecimal(1, amount);
                credit.setInt(2, to);
                credit.executeUpdate();
                log.setLong(1, transferId);
                log.setInt(2, from);
                log.setInt(3, to);
                log.setBigDecimal(4, amount);
                log.executeUpdate();
                connection.commit();
                committed.incrementAndGet();
                return;
            } catch (SQLException e) {
                connection.rollback();
                if (!RETRYABLE.contains(e.getSQLState()) || attempt == 100) {
                    throw e;
                }
                retried.incrementAndGet();
                backOff(attempt);
            }
        }
    }

    /** Random, growing pauses so that conflicting transfers stop meeting each other. */
    private static void backOff(int attempt) {
        try {
            Thread.sleep(ThreadLocalRandom.current().nextLong(1, 2 + Math.min(attempt, 10) * 2L));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void queries(Connection connection) throws SQLException {
        query(connection, "SELECT COUNT(*) AS accounts, SUM(balance) AS total FROM account");
        BigDecimal expected = OPENING_BALANCE.multiply(BigDecimal.valueOf(ACCOUNTS));
        BigDecimal total = total(connection);
        if (total.compareTo(expected) != 0) {
            throw new IllegalStateException("money appeared or vanished: the total is " + total + ", not " + expected);
        }
        out.println("   -> the total is still " + expected + ": every transfer moved money atomically");
        query(connection, "SELECT id, owner, balance FROM account ORDER BY balance DESC LIMIT 3");
        query(connection, "SELECT a.owner, COUNT(*) AS sent, SUM(t.amount) AS total_sent FROM transfer t "
                + "JOIN account a ON a.id = t.from_id GROUP BY a.owner ORDER BY total_sent DESC LIMIT 3");
    }

    private static BigDecimal total(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery("SELECT SUM(balance) FROM account")) {
            result.next();
            return result.getBigDecimal(1);
        }
    }

    private void explain(Connection connection) throws SQLException {
        query(connection, "EXPLAIN SELECT owner, balance FROM account WHERE id = 7");
        query(connection, "EXPLAIN SELECT * FROM transfer WHERE id BETWEEN 10 AND 20");
        query(connection, "EXPLAIN SELECT * FROM account WHERE owner = 'Grace'");
        // A secondary index, built while the table is open, turns that scan into one partition's lookup.
        String index = "CREATE INDEX account_owner ON account (owner)";
        out.println(index);
        try (Statement statement = connection.createStatement()) {
            statement.execute(index);
        }
        query(connection, "EXPLAIN SELECT * FROM account WHERE owner = 'Grace'");
    }

    private void errors(Connection connection) {
        String[] statements = {
            "INSERT INTO account (id, owner) VALUES (1, 'Duplicate')",
            "INSERT INTO account (id, owner) VALUES (99, 'A name much longer than forty characters, surely')",
            "SELECT balance / 0 FROM account WHERE id = 1",
            "SELECT * FROM no_such_table",
        };
        for (String sql : statements) {
            try (Statement statement = connection.createStatement()) {
                statement.execute(sql);
                out.println(sql + "\n   -> unexpectedly succeeded");
            } catch (SQLException e) {
                out.println(sql + "\n   -> SQLState " + e.getSQLState() + ": " + e.getMessage());
            }
        }
    }

    private void query(Connection connection, String sql) throws SQLException {
        out.println(sql);
        try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
            printTable(rows);
        }
    }

    private void printTable(ResultSet rows) throws SQLException {
        ResultSetMetaData meta = rows.getMetaData();
        int columns = meta.getColumnCount();
        List<String[]> lines = new ArrayList<>();
        String[] header = new String[columns];
        for (int c = 0; c < columns; c++) {
            header[c] = meta.getColumnLabel(c + 1);
        }
        lines.add(header);
        while (rows.next()) {
            String[] line = new String[columns];
            for (int c = 0; c < columns; c++) {
                line[c] = String.valueOf(rows.getString(c + 1));
            }
            lines.add(line);
        }
        int[] widths = new int[columns];
        for (String[] line : lines) {
            for (int c = 0; c < columns; c++) {
                widths[c] = Math.max(widths[c], line[c].length());
            }
        }
        for (int i = 0; i < lines.size(); i++) {
            StringBuilder text = new StringBuilder("   ");
            for (int c = 0; c < columns; c++) {
                text.append(String.format(Locale.ROOT, "%-" + widths[c] + "s", lines.get(i)[c]));
                if (c < columns - 1) {
                    text.append(" | ");
                }
            }
            out.println(text);
            if (i == 0) {
                out.println("   " + "-".repeat(text.length() - 3));
            }
        }
    }

    private void section(String title) {
        out.println();
        out.println("== " + title + " " + "=".repeat(Math.max(3, 76 - title.length())));
    }
}

package io.basalt.server.isolation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * One run of a Hermitage test case (github.com/ept/hermitage) at one {@link Level}: a fresh
 * database with Hermitage's table {@code test (id int primary key, value int)} holding
 * {@code (1, 10), (2, 20)}, the transactions of the case ({@link #begin}), and the trace of every
 * statement they ran, in the order the test issued them.
 *
 * <p>Waiting is bounded: a statement counts as blocked when it has not finished
 * {@link #BLOCKED_PROBE} after it was issued (the only fixed wait in these tests, and only spent
 * on statements that really wait), and anything that must eventually finish gets
 * {@link #COMPLETION}, enough for the deadlock detector (about a second) to pick a victim.
 *
 * <p>{@link #assertSerializable()} checks the committed transactions against a model of the table:
 * some serial order of them must return exactly the values and counts they saw and leave exactly
 * the final table.
 */
public final class Hermitage implements AutoCloseable {
    public static final Duration BLOCKED_PROBE = Duration.ofMillis(400);
    public static final Duration COMPLETION = Duration.ofSeconds(10);
    public static final Map<Integer, Integer> INITIAL = Map.of(1, 10, 2, 20);

    private static boolean warmedUp;

    private final Level level;
    private final IsolationDatabase database = IsolationDatabase.inMemory();
    private final Connection observer;
    private final List<HermitageTxn> transactions = new ArrayList<>();
    private final List<Step> trace = new ArrayList<>();

    private Hermitage(Level level, String... moreDdl) throws SQLException {
        warmUp();
        this.level = level;
        database.execute("CREATE TABLE test (id INT PRIMARY KEY, \"value\" INT)",
                "INSERT INTO test (id, \"value\") VALUES (1, 10), (2, 20)");
        database.execute(moreDdl);
        observer = database.connect();
    }

    /**
     * Runs each kind of statement once per JVM, at every level, so that loading the classes that
     * execute them does not make the first statement of a scenario look as if it waited.
     */
    private static synchronized void warmUp() throws SQLException {
        if (warmedUp) {
            return;
        }
        try (IsolationDatabase database = IsolationDatabase.inMemory()) {
            database.execute("CREATE TABLE test (id INT PRIMARY KEY, \"value\" INT)");
            for (Level each : Level.values()) {
                Connection connection = database.connect(each);
                try (Statement statement = connection.createStatement()) {
                    statement.execute("INSERT INTO test (id, \"value\") VALUES (1, 10), (2, 20)");
                    statement.executeQuery("SELECT id, \"value\" FROM test WHERE \"value\" % 3 = 0 ORDER BY id").close();
                    statement.executeQuery("SELECT id, \"value\" FROM test WHERE id IN (1, 2) ORDER BY id").close();
                    statement.executeUpdate("UPDATE test SET \"value\" = \"value\" + 1 WHERE id = 1");
                    statement.executeUpdate("DELETE FROM test WHERE \"value\" = 20");
                }
                connection.rollback();
            }
        }
        warmedUp = true;
    }

    /** A fresh database with Hermitage's table, for transactions at {@code level}. */
    public static Hermitage setUp(Level level) throws SQLException {
        return new Hermitage(level);
    }

    /** The same, with {@code moreDdl} run after the table is filled (for example a CREATE INDEX). */
    public static Hermitage setUp(Level level, String... moreDdl) throws SQLException {
        return new Hermitage(level, moreDdl);
    }

    /** The plan of {@code SELECT ... WHERE where}, as EXPLAIN prints it, to show how a predicate is read. */
    public String explain(Where where) throws SQLException {
        StringBuilder plan = new StringBuilder();
        try (Statement statement = observer.createStatement();
             ResultSet rows = statement.executeQuery("EXPLAIN SELECT id FROM test" + where.clause())) {
            while (rows.next()) {
                plan.append(rows.getString(1)).append('\n');
            }
        }
        return plan.toString();
    }

    public Level level() {
        return level;
    }

    /** A new transaction at the scenario's level; it begins with its first statement. */
    public HermitageTxn begin(String name) throws SQLException {
        HermitageTxn txn = new HermitageTxn(this, name, database.connect(level));
        transactions.add(txn);
        return txn;
    }

    /**
     * The committed table, read with a snapshot of its own (never waiting for locks), so that it
     * can be looked at while transactions are open.
     */
    public Map<Integer, Integer> table() throws SQLException {
        TreeMap<Integer, Integer> rows = new TreeMap<>();
        try (PreparedStatement statement = observer.prepareStatement("SELECT id, \"value\" FROM test ORDER BY id");
             ResultSet result = statement.executeQuery()) {
            while (result.next()) {
                rows.put(result.getInt(1), result.getInt(2));
            }
        }
        return rows;
    }

    /**
     * Waits (bounded) for every statement issued to finish, fails on any unexpected error, and
     * checks that every transaction ended: committed, rolled back, or aborted by the engine.
     */
    public void finish() {
        for (Step step : trace) {
            step.outcome();
        }
        for (HermitageTxn txn : transactions) {
            assertThat(txn.ended()).as("%s ended; trace:%n%s", txn.name(), describe()).isTrue();
        }
    }

    /**
     * Asserts that some serial order of the committed transactions, run on the initial table,
     * returns what each of their statements returned and ends with the current table.
     */
    public void assertSerializable() throws SQLException {
        finish();
        List<HermitageTxn> committed = transactions.stream().filter(HermitageTxn::committed).collect(Collectors.toList());
        Map<Integer, Integer> actual = table();
        for (List<HermitageTxn> order : orders(committed)) {
            if (explains(order, actual)) {
                return;
            }
        }
        fail("at %s no serial order of the committed transactions %s returns the values they read and leaves %s; trace:%n%s",
                level, committed.stream().map(HermitageTxn::name).collect(Collectors.toList()), actual, describe());
    }

    /** A description for an assertion: what is checked, the level, and the whole trace. */
    public Supplier<String> because(String what) {
        return () -> what + " at " + level + "; trace:" + System.lineSeparator() + describe();
    }

    /** Every statement issued, with its outcome, one a line: the message of a failed assertion. */
    public String describe() {
        return trace.stream().map(Step::toString).collect(Collectors.joining(System.lineSeparator()));
    }

    /** The number of transactions the engine aborted with a retryable SQLState. */
    public long aborts() {
        return transactions.stream().filter(HermitageTxn::aborted).count();
    }

    void record(Step step) {
        trace.add(step);
    }

    /**
     * Plans {@code sql} on the test thread through another connection: plans are cached per
     * database by SQL text, so the transaction's own thread then only executes it, and a statement
     * that is still running after the probe is waiting, not being compiled.
     */
    void plan(String sql) {
        try {
            observer.prepareStatement(sql).close();
        } catch (SQLException e) {
            throw new AssertionError("cannot plan " + sql, e);
        }
    }

    private static boolean explains(List<HermitageTxn> order, Map<Integer, Integer> actual) {
        TreeMap<Integer, Integer> table = new TreeMap<>(INITIAL);
        for (HermitageTxn txn : order) {
            for (Step step : txn.steps()) {
                Object expected = step.applyTo(table);
                if (expected != null && !Objects.equals(expected, step.value())) {
                    return false;
                }
            }
        }
        return table.equals(actual);
    }

    private static List<List<HermitageTxn>> orders(List<HermitageTxn> transactions) {
        if (transactions.isEmpty()) {
            return List.of(List.of());
        }
        List<List<HermitageTxn>> orders = new ArrayList<>();
        for (HermitageTxn first : transactions) {
            List<HermitageTxn> rest = new ArrayList<>(transactions);
            rest.remove(first);
            for (List<HermitageTxn> tail : orders(rest)) {
                List<HermitageTxn> order = new ArrayList<>();
                order.add(first);
                order.addAll(tail);
                orders.add(order);
            }
        }
        return orders;
    }

    @Override
    public void close() throws SQLException {
        transactions.forEach(HermitageTxn::shutdown);
        database.close();
    }
}

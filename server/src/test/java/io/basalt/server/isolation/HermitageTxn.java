package io.basalt.server.isolation;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;

/**
 * One transaction of a Hermitage interleaving: a connection at the scenario's level with
 * auto-commit off, and a thread of its own, so that a statement that waits for a lock does not
 * hold up the test, which goes on issuing the other transactions' statements (as Hermitage's
 * terminal windows do). Statements run on that thread in the order the test issued them. The
 * transaction begins with its first statement.
 *
 * <p>When a statement fails with 40001 or 40P01 the transaction is rolled back and its later
 * statements are skipped; any other error is unexpected and fails the test.
 */
public final class HermitageTxn {
    @FunctionalInterface
    private interface SqlAction {
        Object run(Connection connection) throws SQLException;
    }

    private final Hermitage scenario;
    private final String name;
    private final Connection connection;
    private final ExecutorService thread;
    private final List<Step> steps = new ArrayList<>();
    private volatile String abortedWith;
    private volatile boolean committed;
    private volatile boolean rolledBack;

    HermitageTxn(Hermitage scenario, String name, Connection connection) {
        this.scenario = scenario;
        this.name = name;
        this.connection = connection;
        this.thread = Executors.newSingleThreadExecutor(runnable -> {
            Thread t = new Thread(runnable, "hermitage-" + name);
            t.setDaemon(true);
            return t;
        });
    }

    public String name() {
        return name;
    }

    /** {@code SELECT id, value FROM test [WHERE ...] ORDER BY id}; the step's rows map id to value. */
    public Step select(Where where) {
        String sql = "SELECT id, \"value\" FROM test" + where.clause() + " ORDER BY id";
        return issue(sql, c -> query(c, sql), table -> {
            TreeMap<Integer, Integer> rows = new TreeMap<>();
            table.forEach((id, value) -> {
                if (where.matches().test(id, value)) {
                    rows.put(id, value);
                }
            });
            return rows;
        });
    }

    public Step selectAll() {
        return select(Where.all());
    }

    public Step update(Assign assign, Where where) {
        String sql = "UPDATE test SET " + assign.sql() + where.clause();
        return issue(sql, c -> change(c, sql), table -> {
            int count = 0;
            for (var row : table.entrySet()) {
                if (where.matches().test(row.getKey(), row.getValue())) {
                    row.setValue(assign.apply().applyAsInt(row.getValue()));
                    count++;
                }
            }
            return count;
        });
    }

    public Step insert(int id, int value) {
        String sql = "INSERT INTO test (id, \"value\") VALUES (" + id + ", " + value + ")";
        return issue(sql, c -> change(c, sql), table -> table.putIfAbsent(id, value) == null ? 1 : "23505");
    }

    public Step delete(Where where) {
        String sql = "DELETE FROM test" + where.clause();
        return issue(sql, c -> change(c, sql), table -> {
            int before = table.size();
            table.entrySet().removeIf(row -> where.matches().test(row.getKey(), row.getValue()));
            return before - table.size();
        });
    }

    public Step commit() {
        return issue("COMMIT", c -> {
            c.commit();
            committed = true;
            return null;
        }, null);
    }

    public Step rollback() {
        return issue("ROLLBACK", c -> {
            c.rollback();
            rolledBack = true;
            return null;
        }, null);
    }

    /** Whether COMMIT succeeded. */
    public boolean committed() {
        return committed;
    }

    /** Whether the engine aborted the transaction with a retryable SQLState. */
    public boolean aborted() {
        return abortedWith != null;
    }

    /** The SQLState the transaction was aborted with (40001 or 40P01), or null. */
    public String abortedWith() {
        return abortedWith;
    }

    boolean ended() {
        return committed || rolledBack || abortedWith != null;
    }

    List<Step> steps() {
        return steps;
    }

    void shutdown() {
        thread.shutdownNow();
    }

    private Step issue(String sql, SqlAction action, Function<TreeMap<Integer, Integer>, Object> model) {
        if (model != null) {
            scenario.plan(sql);
        }
        Step step = new Step(this, sql, model);
        boolean queued = !steps.isEmpty() && !steps.get(steps.size() - 1).isDoneWithoutWaiting();
        steps.add(step);
        scenario.record(step);
        Future<Step.Outcome> running = thread.submit(() -> run(action));
        step.started(running, queued);
        return step;
    }

    private Step.Outcome run(SqlAction action) throws SQLException {
        if (abortedWith != null) {
            return new Step.Outcome(Step.Status.SKIPPED, null, null);
        }
        try {
            return new Step.Outcome(Step.Status.COMPLETED, action.run(connection), null);
        } catch (SQLException e) {
            if (!IsolationDatabase.isRetryable(e)) {
                throw e;
            }
            abortedWith = e.getSQLState();
            connection.rollback();
            return new Step.Outcome(Step.Status.ABORTED, null, e.getSQLState());
        }
    }

    private static TreeMap<Integer, Integer> query(Connection connection, String sql) throws SQLException {
        TreeMap<Integer, Integer> rows = new TreeMap<>();
        try (PreparedStatement statement = connection.prepareStatement(sql); ResultSet result = statement.executeQuery()) {
            while (result.next()) {
                rows.put(result.getInt(1), result.getInt(2));
            }
        }
        return rows;
    }

    private static Integer change(Connection connection, String sql) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            return statement.executeUpdate();
        }
    }
}

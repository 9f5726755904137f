package io.basalt.microbench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The two statements an OLTP application runs most, through JDBC against the embedded engine
 * (in memory): a prepared point SELECT by primary key, and a prepared single-row INSERT in
 * autocommit. {@code reprepare} prepares the statement anew on every call, as many benchmark
 * drivers and ORMs do, which the plan cache must make nearly free. {@code isolation} compares the
 * levels. Run it as README.md says; figures are only comparable within one run on one machine.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@State(Scope.Benchmark)
public class EmbeddedSqlBenchmark {
    private static final int ROWS = 10_000;

    @Param({"SERIALIZABLE", "REPEATABLE_READ", "READ_COMMITTED"})
    public String isolation;

    private String url;
    private Connection keeper;
    private final AtomicInteger nextId = new AtomicInteger(ROWS);

    @Setup(Level.Trial)
    public void createDatabase() throws SQLException {
        url = "jdbc:basalt:mem:bench-" + UUID.randomUUID() + "?isolation=" + isolation;
        keeper = DriverManager.getConnection(url); // an in-memory database lives while a connection does
        try (Statement statement = keeper.createStatement()) {
            statement.execute("CREATE TABLE account (id INT PRIMARY KEY, owner VARCHAR(20), balance DECIMAL(12,2))");
        }
        try (PreparedStatement insert = keeper.prepareStatement("INSERT INTO account VALUES (?, ?, ?)")) {
            for (int id = 0; id < ROWS; id++) {
                insert.setInt(1, id);
                insert.setString(2, "owner " + id);
                insert.setBigDecimal(3, java.math.BigDecimal.valueOf(id, 2));
                insert.addBatch();
                if (id % 500 == 499) {
                    insert.executeBatch();
                }
            }
            insert.executeBatch();
        }
    }

    @TearDown(Level.Trial)
    public void dropDatabase() throws SQLException {
        keeper.close();
    }

    /** One connection per benchmark thread, with its statements prepared once. */
    @State(Scope.Thread)
    public static class Session {
        Connection connection;
        PreparedStatement select;
        PreparedStatement insert;

        @Setup(Level.Trial)
        public void open(EmbeddedSqlBenchmark benchmark) throws SQLException {
            connection = DriverManager.getConnection(benchmark.url);
            select = connection.prepareStatement("SELECT owner, balance FROM account WHERE id = ?");
            insert = connection.prepareStatement("INSERT INTO account VALUES (?, ?, ?)");
        }

        @TearDown(Level.Trial)
        public void close() throws SQLException {
            connection.close();
        }
    }

    @Benchmark
    public String pointSelect(Session session) throws SQLException {
        session.select.setInt(1, ThreadLocalRandom.current().nextInt(ROWS));
        try (ResultSet row = session.select.executeQuery()) {
            row.next();
            return row.getString(1);
        }
    }

    @Benchmark
    public String pointSelectPreparedEachTime(Session session) throws SQLException {
        try (PreparedStatement select = session.connection.prepareStatement(
                "SELECT owner, balance FROM account WHERE id = ?")) {
            select.setInt(1, ThreadLocalRandom.current().nextInt(ROWS));
            try (ResultSet row = select.executeQuery()) {
                row.next();
                return row.getString(1);
            }
        }
    }

    @Benchmark
    public int insert(Session session) throws SQLException {
        int id = nextId.getAndIncrement();
        session.insert.setInt(1, id);
        session.insert.setString(2, "new");
        session.insert.setBigDecimal(3, java.math.BigDecimal.ONE);
        return session.insert.executeUpdate();
    }
}

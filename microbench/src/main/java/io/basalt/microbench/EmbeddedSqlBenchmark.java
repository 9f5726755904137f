package io.basalt.microbench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.UUID;
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
    @Param({"SERIALIZABLE", "REPEATABLE_READ", "READ_COMMITTED"})
    public String isolation;

    private String url;
    private Connection keeper;
    private final AtomicInteger nextId = new AtomicInteger(AccountWorkload.ROWS);

    @Setup(Level.Trial)
    public void createDatabase() throws SQLException {
        url = "jdbc:basalt:mem:bench-" + UUID.randomUUID() + "?isolation=" + isolation;
        keeper = DriverManager.getConnection(url); // an in-memory database lives while a connection does
        AccountWorkload.load(keeper);
    }

    @TearDown(Level.Trial)
    public void dropDatabase() throws SQLException {
        keeper.close();
    }

    /** One connection per benchmark thread, with its statements prepared once. */
    @State(Scope.Thread)
    public static class Session {
        AccountWorkload.Client client;

        @Setup(Level.Trial)
        public void open(EmbeddedSqlBenchmark benchmark) throws SQLException {
            client = new AccountWorkload.Client(benchmark.url);
        }

        @TearDown(Level.Trial)
        public void close() throws SQLException {
            client.close();
        }
    }

    @Benchmark
    public String pointSelect(Session session) throws SQLException {
        return session.client.pointSelect();
    }

    @Benchmark
    public String pointSelectPreparedEachTime(Session session) throws SQLException {
        try (PreparedStatement select = session.client.connection.prepareStatement(AccountWorkload.SELECT)) {
            return AccountWorkload.pointSelect(select);
        }
    }

    @Benchmark
    public int insert(Session session) throws SQLException {
        return session.client.insert(nextId.getAndIncrement());
    }
}

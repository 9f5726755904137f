package io.basalt.microbench;

import io.basalt.server.net.WireServer;
import io.basalt.server.net.WireServerOptions;
import java.sql.Connection;
import java.sql.DriverManager;
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
 * {@link EmbeddedSqlBenchmark}'s point SELECT and single-row INSERT through {@code jdbc:basalt://}
 * to a server in the same JVM on 127.0.0.1: the same engine work plus one loopback round trip, the
 * codec and the server's hand-off to a session thread. Run it beside the embedded one (README.md):
 * the difference is the cost of the wire (docs/design/0006 targets about one 36 us round trip).
 * Client and server share the JVM and the two cores, so this is a lower bound on a real deployment's
 * CPU cost and an upper bound on its latency budget for the network.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@State(Scope.Benchmark)
public class RemoteSqlBenchmark {
    private static final String PASSWORD = "bench-password";

    /** Same name as EmbeddedSqlBenchmark's, so that one {@code -p isolation=...} selects both. */
    @Param({"SERIALIZABLE"})
    public String isolation;

    private WireServer server;
    private String url;
    private final AtomicInteger nextId = new AtomicInteger(AccountWorkload.ROWS);

    @Setup(Level.Trial)
    public void startServer() throws Exception {
        server = WireServer.start(WireServerOptions.of("127.0.0.1", 0, null, PASSWORD));
        url = "jdbc:basalt://127.0.0.1:" + server.port() + "/bench" + UUID.randomUUID().toString().replace("-", "")
                + "?user=admin&password=" + PASSWORD + "&isolation=" + isolation;
        try (Connection connection = DriverManager.getConnection(url)) {
            AccountWorkload.load(connection);
        }
    }

    @TearDown(Level.Trial)
    public void stopServer() {
        server.close();
    }

    /** One connection per benchmark thread, with its statements prepared once. */
    @State(Scope.Thread)
    public static class Session {
        AccountWorkload.Client client;

        @Setup(Level.Trial)
        public void open(RemoteSqlBenchmark benchmark) throws SQLException {
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
    public int insert(Session session) throws SQLException {
        return session.client.insert(nextId.getAndIncrement());
    }
}

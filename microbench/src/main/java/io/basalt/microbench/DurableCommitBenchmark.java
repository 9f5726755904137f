package io.basalt.microbench;

import io.basalt.cluster.node.LocalNode;
import io.basalt.cluster.node.NodeOptions;
import io.basalt.kv.engine.EngineOptions;
import io.basalt.txn.IsolationLevel;
import io.basalt.txn.Transaction;
import io.basalt.txn.TxnConfig;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
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
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import org.rocksdb.RocksDBException;
import org.rocksdb.WriteOptions;

/**
 * Durable single-row commits per second against the fsyncs per second of the same disk, measured
 * in the same run. Group commit is what lets the first exceed the second: the project's target is
 * 16-thread commits at 5x or more of {@code fsync_t01}.
 *
 * <ul>
 *   <li>{@code fsync_t01}, the baseline: append a 64-byte record to a file in a temp directory and
 *       {@code FileChannel.force(false)} it, one thread: what one durable write costs.
 *       {@code fsync_t04} and {@code fsync_t16} do the same on one file per thread: if they beat
 *       {@code fsync_t01}, the disk (or the file system's journal) overlaps fsyncs by itself, and
 *       part of any commit speed-up with threads comes from there, not from merging commits.</li>
 *   <li>{@code rawSyncPut_tNN}: a RocksDB put with {@code WriteOptions.setSync(true)} ({@link
 *       RawRocks}, Basalt's options). RocksDB's write groups merge concurrent synced writers into
 *       one WAL fsync; that is the group commit Basalt has today (see {@code RocksEngine}), so
 *       this is the ceiling the layers above can reach without their own batching.</li>
 *   <li>{@code txnCommit_tNN}: begin, put one new row, commit through the transaction layer of an
 *       embedded file node ({@link LocalNode}, as {@code jdbc:basalt:file:} opens it). With
 *       {@code commitPath=batch} (the default configuration) that is one synced batch of versions
 *       ({@code OnePhaseCommitCommand}); with {@code commitPath=intents} the path before it, one
 *       unsynced intent batch, then the synced one-phase commit batch.</li>
 *   <li>{@code sqlInsert_tNN}: a prepared single-row INSERT in autocommit over JDBC against a file
 *       database: the same commit plus SQL (always the default configuration).</li>
 * </ul>
 * {@code NN} is the thread count (1, 4, 16). Reading it: commits/s of a method divided by
 * {@code fsync_t01} ops/s. Below 1 means more than one fsync (or extra CPU) per commit; above 1
 * means commits share fsyncs. Every row key is new (a shared counter), so threads never conflict.
 * On a 2-core machine the fsync rate swings with what else is running: compare only within a run.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class DurableCommitBenchmark {
    /** Spread rows over the node's partitions as hashing would; the commit is one-phase either way. */
    private static final int PARTITIONS = NodeOptions.DEFAULT_PARTITIONS;
    private static final byte[] VALUE = RowKeys.value(7);
    private static final String PAYLOAD = "x".repeat(RowKeys.VALUE_BYTES);

    static byte[] newRowKey(AtomicLong ids) {
        long id = ids.getAndIncrement();
        return RowKeys.rowKey((int) (id % PARTITIONS), id);
    }

    /** One log file per thread, so the baseline is never serialised on a Java lock. */
    @State(Scope.Thread)
    public static class FsyncLog {
        Path directory;
        FileChannel channel;
        /** Direct, so writing it does not copy through a temporary buffer. */
        final ByteBuffer record = ByteBuffer.allocateDirect(64);

        @Setup(Level.Trial)
        public void open() throws IOException {
            directory = TempDirectory.create("fsync");
            channel = FileChannel.open(directory.resolve("log"), StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.APPEND);
        }

        @TearDown(Level.Trial)
        public void close() throws IOException {
            channel.close();
            TempDirectory.delete(directory);
        }
    }

    @State(Scope.Benchmark)
    public static class RawSyncStore {
        final AtomicLong ids = new AtomicLong();
        Path directory;
        RawRocks rocks;
        WriteOptions syncWrite;

        @Setup(Level.Trial)
        public void open() {
            directory = TempDirectory.create("rawsync");
            rocks = new RawRocks(directory);
            syncWrite = new WriteOptions().setSync(true); // RocksEngine's durable write options
        }

        @TearDown(Level.Trial)
        public void close() {
            syncWrite.close();
            rocks.close();
            TempDirectory.delete(directory);
        }
    }

    @State(Scope.Benchmark)
    public static class Node {
        final AtomicLong ids = new AtomicLong();
        Path directory;
        LocalNode node;

        /** {@code batch}: one-phase commit in one batch (the default); {@code intents}: intents, then commit. */
        @Param({"batch", "intents"})
        public String commitPath;

        @Setup(Level.Trial)
        public void open() {
            directory = TempDirectory.create("node");
            // What EmbeddedDatabase does for a jdbc:basalt:file: URL.
            TxnConfig config = TxnConfig.DEFAULT.withOnePhaseBatch("batch".equals(commitPath));
            node = LocalNode.start(new NodeOptions(EngineOptions.persistent(directory), PARTITIONS, config));
        }

        @TearDown(Level.Trial)
        public void close() {
            node.close();
            TempDirectory.delete(directory);
        }
    }

    /**
     * The file database, and every connection the sessions opened. It closes those itself: JMH
     * tears a shared state down before the per-thread states that depend on it, and deleting the
     * directory under connections that are still open would leave the store half-deleted.
     */
    @State(Scope.Benchmark)
    public static class SqlDatabase {
        final AtomicLong ids = new AtomicLong();
        private final Queue<Connection> connections = new ConcurrentLinkedQueue<>();
        Path directory;
        String url;

        @Setup(Level.Trial)
        public void open() throws SQLException {
            directory = TempDirectory.create("sql");
            url = "jdbc:basalt:file:" + directory;
            try (Statement statement = connect().createStatement()) {
                statement.execute("CREATE TABLE event (id BIGINT PRIMARY KEY, payload VARCHAR(100))");
            }
        }

        /** A connection that stays open until the trial ends (the first one keeps the database open). */
        Connection connect() throws SQLException {
            Connection connection = DriverManager.getConnection(url);
            connections.add(connection);
            return connection;
        }

        @TearDown(Level.Trial)
        public void close() throws SQLException {
            for (Connection connection : connections) {
                connection.close();
            }
            TempDirectory.delete(directory);
        }
    }

    /** Each thread's connection and prepared INSERT; {@link SqlDatabase} closes them. */
    @State(Scope.Thread)
    public static class SqlSession {
        PreparedStatement insert;

        @Setup(Level.Trial)
        public void open(SqlDatabase database) throws SQLException {
            insert = database.connect().prepareStatement("INSERT INTO event VALUES (?, ?)");
        }
    }

    // ---- baselines

    @Benchmark
    @Threads(1)
    public void fsync_t01(FsyncLog log) throws IOException {
        fsync(log);
    }

    /** Independent fsyncs on separate files: how much the disk itself overlaps them, with no merging above it. */
    @Benchmark
    @Threads(4)
    public void fsync_t04(FsyncLog log) throws IOException {
        fsync(log);
    }

    @Benchmark
    @Threads(16)
    public void fsync_t16(FsyncLog log) throws IOException {
        fsync(log);
    }

    private static void fsync(FsyncLog log) throws IOException {
        log.record.clear();
        log.channel.write(log.record);
        log.channel.force(false);
    }

    @Benchmark
    @Threads(1)
    public void rawSyncPut_t01(RawSyncStore store) throws RocksDBException {
        rawSyncPut(store);
    }

    @Benchmark
    @Threads(4)
    public void rawSyncPut_t04(RawSyncStore store) throws RocksDBException {
        rawSyncPut(store);
    }

    @Benchmark
    @Threads(16)
    public void rawSyncPut_t16(RawSyncStore store) throws RocksDBException {
        rawSyncPut(store);
    }

    private static void rawSyncPut(RawSyncStore store) throws RocksDBException {
        store.rocks.db().put(store.rocks.versions(), store.syncWrite, newRowKey(store.ids), VALUE);
    }

    // ---- the transaction layer

    @Benchmark
    @Threads(1)
    public long txnCommit_t01(Node node) {
        return txnCommit(node);
    }

    @Benchmark
    @Threads(4)
    public long txnCommit_t04(Node node) {
        return txnCommit(node);
    }

    @Benchmark
    @Threads(16)
    public long txnCommit_t16(Node node) {
        return txnCommit(node);
    }

    /** A blind write (no read, no duplicate check): the cheapest transaction that must commit durably. */
    private static long txnCommit(Node node) {
        Transaction transaction = node.node.transactions().begin(IsolationLevel.SNAPSHOT);
        try {
            transaction.put(newRowKey(node.ids), VALUE);
            transaction.commit();
            return transaction.id();
        } catch (RuntimeException e) {
            transaction.rollback();
            throw e;
        }
    }

    // ---- SQL

    @Benchmark
    @Threads(1)
    public int sqlInsert_t01(SqlDatabase database, SqlSession session) throws SQLException {
        return sqlInsert(database, session);
    }

    @Benchmark
    @Threads(4)
    public int sqlInsert_t04(SqlDatabase database, SqlSession session) throws SQLException {
        return sqlInsert(database, session);
    }

    @Benchmark
    @Threads(16)
    public int sqlInsert_t16(SqlDatabase database, SqlSession session) throws SQLException {
        return sqlInsert(database, session);
    }

    private static int sqlInsert(SqlDatabase database, SqlSession session) throws SQLException {
        session.insert.setLong(1, database.ids.getAndIncrement());
        session.insert.setString(2, PAYLOAD);
        return session.insert.executeUpdate();
    }
}

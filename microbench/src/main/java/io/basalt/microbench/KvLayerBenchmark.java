package io.basalt.microbench;

import io.basalt.cluster.routing.PrefixPartitionRouter;
import io.basalt.kv.engine.EngineBatch;
import io.basalt.kv.engine.EngineOptions;
import io.basalt.kv.engine.RocksEngine;
import io.basalt.kv.mvcc.MvccEntry;
import io.basalt.kv.mvcc.MvccReader;
import io.basalt.kv.mvcc.MvccWriter;
import io.basalt.kv.mvcc.ScanBatch;
import io.basalt.txn.IsolationLevel;
import io.basalt.txn.KeyValue;
import io.basalt.txn.Transaction;
import io.basalt.txn.TransactionManager;
import io.basalt.txn.TxnConfig;
import io.basalt.txn.local.InProcessPartitionClient;
import io.basalt.txn.participant.Participant;
import io.basalt.txn.timestamp.LocalTimestampOracle;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
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
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;
import org.rocksdb.FlushOptions;
import org.rocksdb.ReadOptions;
import org.rocksdb.RocksDBException;
import org.rocksdb.RocksIterator;
import org.rocksdb.WriteOptions;

/**
 * What Basalt's storage layers cost over plain RocksDB, for the three accesses every query plan
 * ends in: a point read, a point write and a short range scan ({@value #SCAN_KEYS} keys).
 *
 * <ul>
 *   <li>{@code raw*}: the baseline. RocksDB opened with Basalt's options ({@link RawRocks}), rows
 *       stored as {@code userKey -> value} in the {@code versions} column family, read with one
 *       {@code get}, written with one non-synced {@code put}, scanned with one iterator.</li>
 *   <li>{@code kv*}: the MVCC store of one partition ({@link MvccReader}, {@link MvccWriter}
 *       over {@link RocksEngine}): a point read is an intent lookup plus a versions seek on a new
 *       iterator, a scan merges a versions and an intents iterator under a snapshot, a write is
 *       one version in an {@link EngineBatch} (not synced, like the intent writes of a
 *       transaction; the synced commit is {@link DurableCommitBenchmark}'s job).</li>
 *   <li>{@code txn*}: the client {@link Transaction} API on the in-process router, one partition,
 *       SNAPSHOT isolation, read-only: begin, read, commit per operation, i.e. an autocommit
 *       SELECT without SQL. Wired as {@code io.basalt.cluster.node.LocalNode} wires it.</li>
 * </ul>
 *
 * Every store is loaded in {@code @Setup(Level.Trial)} with the same {@code keyCount} rows from
 * {@link RowKeys} (about 12 MB, so they stay in the 32 MiB memtable on both sides: this measures
 * CPU overhead, not I/O; {@code -p storage=flushed} reads them from SST files instead). Reading
 * the figures: divide {@code kvGet} by {@code rawGet} (and so on)
 * for the layer's relative cost; {@code 1 / kvGet - 1 / rawGet} is the extra time per operation.
 * JMH gives each method its own fork, so writes never disturb reads.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class KvLayerBenchmark {
    static final int SCAN_KEYS = 100;
    /** Versions are loaded at this commit timestamp: below any the oracle hands out, so all see them. */
    private static final long LOAD_TS = 1;
    private static final long LOAD_TXN_ID = 1;
    /** Reads at the KV layer pass an explicit timestamp; any one above the writes sees the newest. */
    private static final long READ_TS = Long.MAX_VALUE / 2;
    private static final int LOAD_BATCH = 1_000;

    /** The rows, shared by every store so that all sides hold the same data. */
    @State(Scope.Benchmark)
    public static class Dataset {
        @Param("100000")
        public int keyCount;

        /**
         * Where the rows are read from: {@code memtable} (the default: CPU overhead only) or
         * {@code flushed} (both stores flushed to one SST file per column family after loading,
         * served from the block cache), as in {@code -p storage=flushed}.
         */
        @Param("memtable")
        public String storage;

        boolean flushed() {
            return storage.equals("flushed");
        }

        byte[][] keys;
        byte[] value;

        @Setup(Level.Trial)
        public void generate() {
            keys = RowKeys.rowKeys(0, keyCount);
            value = RowKeys.value(keyCount);
        }

        byte[] randomKey() {
            return keys[ThreadLocalRandom.current().nextInt(keys.length)];
        }

        /** A start index with {@value #SCAN_KEYS} keys after it, so every scan returns the same count. */
        int randomScanStart() {
            return ThreadLocalRandom.current().nextInt(keys.length - SCAN_KEYS);
        }
    }

    @State(Scope.Benchmark)
    public static class RawStore {
        Path directory;
        RawRocks rocks;
        ReadOptions read;
        WriteOptions write;

        @Setup(Level.Trial)
        public void open(Dataset data) throws RocksDBException {
            directory = TempDirectory.create("raw");
            rocks = new RawRocks(directory);
            read = new ReadOptions();
            write = new WriteOptions(); // not synced, WAL on: RocksEngine's non-durable writes
            for (byte[] key : data.keys) {
                rocks.db().put(rocks.versions(), write, key, data.value);
            }
            if (data.flushed()) {
                try (FlushOptions flush = new FlushOptions().setWaitForFlush(true)) {
                    rocks.db().flush(flush, rocks.versions());
                }
            }
        }

        @TearDown(Level.Trial)
        public void close() {
            read.close();
            write.close();
            rocks.close();
            TempDirectory.delete(directory);
        }
    }

    @State(Scope.Benchmark)
    public static class KvStore {
        Path directory;
        RocksEngine engine;
        MvccReader reader;
        /** Each write is a new version above the loaded ones, as successive commits would be. */
        final AtomicLong nextCommitTs = new AtomicLong(LOAD_TS + 1);

        @Setup(Level.Trial)
        public void open(Dataset data) {
            directory = TempDirectory.create("kv");
            engine = RocksEngine.open(EngineOptions.persistent(directory));
            reader = new MvccReader(engine);
            for (int start = 0; start < data.keys.length; start += LOAD_BATCH) {
                try (EngineBatch batch = engine.newBatch()) {
                    for (int i = start; i < Math.min(start + LOAD_BATCH, data.keys.length); i++) {
                        MvccWriter.putVersion(batch, data.keys[i], LOAD_TS, data.value, LOAD_TXN_ID);
                    }
                    engine.write(batch, false);
                }
            }
            if (data.flushed()) {
                engine.flush();
            }
        }

        @TearDown(Level.Trial)
        public void close() {
            engine.close();
            TempDirectory.delete(directory);
        }
    }

    /** The transaction layer over {@link KvStore}'s engine, so it reads the very same versions. */
    @State(Scope.Benchmark)
    public static class TxnStore {
        TransactionManager transactions;

        @Setup(Level.Trial)
        public void open(KvStore kv) {
            // GC off: nothing here makes garbage, and a pass in the middle of an iteration is noise.
            TxnConfig config = TxnConfig.DEFAULT.withGc(0, TxnConfig.DEFAULT.gcRetentionMillis());
            Participant partition = new Participant(0, kv.engine, System::currentTimeMillis, config.txnExpiryMillis());
            transactions = new TransactionManager(new PrefixPartitionRouter(1),
                    new InProcessPartitionClient(List.of(partition)), new LocalTimestampOracle(kv.engine), config);
        }

        @TearDown(Level.Trial)
        public void close() {
            transactions.close();
        }
    }

    // ---- point read

    @Benchmark
    public byte[] rawGet(Dataset data, RawStore raw) throws RocksDBException {
        return raw.rocks.db().get(raw.rocks.versions(), raw.read, data.randomKey());
    }

    @Benchmark
    public MvccEntry kvGet(Dataset data, KvStore kv) {
        return kv.reader.get(data.randomKey(), READ_TS);
    }

    @Benchmark
    public byte[] txnGet(Dataset data, TxnStore txn) {
        Transaction transaction = txn.transactions.begin(IsolationLevel.SNAPSHOT);
        byte[] value = transaction.get(data.randomKey());
        transaction.commit();
        return value;
    }

    // ---- point write

    @Benchmark
    public void rawPut(Dataset data, RawStore raw) throws RocksDBException {
        raw.rocks.db().put(raw.rocks.versions(), raw.write, data.randomKey(), data.value);
    }

    @Benchmark
    public void kvPut(Dataset data, KvStore kv) {
        try (EngineBatch batch = kv.engine.newBatch()) {
            MvccWriter.putVersion(batch, data.randomKey(), kv.nextCommitTs.getAndIncrement(), data.value, LOAD_TXN_ID);
            kv.engine.write(batch, false);
        }
    }

    // ---- range scan of SCAN_KEYS keys, bounded by the key after the last one

    @Benchmark
    public void rawScan(Dataset data, RawStore raw, Blackhole hole) {
        int start = data.randomScanStart();
        byte[] end = data.keys[start + SCAN_KEYS];
        try (RocksIterator it = raw.rocks.db().newIterator(raw.rocks.versions(), raw.read)) {
            int seen = 0;
            for (it.seek(data.keys[start]); it.isValid(); it.next()) {
                byte[] key = it.key();
                if (Arrays.compareUnsigned(key, end) >= 0) {
                    break;
                }
                hole.consume(key);
                hole.consume(it.value());
                seen++;
            }
            hole.consume(seen);
        }
    }

    @Benchmark
    public void kvScan(Dataset data, KvStore kv, Blackhole hole) {
        int start = data.randomScanStart();
        ScanBatch batch = kv.reader.scan(data.keys[start], data.keys[start + SCAN_KEYS], READ_TS, SCAN_KEYS + 1);
        for (MvccEntry entry : batch.entries()) {
            hole.consume(entry.key());
            hole.consume(entry.committedValue());
        }
        hole.consume(batch.entries().size());
    }

    @Benchmark
    public void txnScan(Dataset data, TxnStore txn, Blackhole hole) {
        int start = data.randomScanStart();
        Transaction transaction = txn.transactions.begin(IsolationLevel.SNAPSHOT);
        Iterator<KeyValue> rows = transaction.scan(data.keys[start], data.keys[start + SCAN_KEYS]);
        int seen = 0;
        while (rows.hasNext()) {
            KeyValue row = rows.next();
            hole.consume(row.key());
            hole.consume(row.value());
            seen++;
        }
        transaction.commit();
        hole.consume(seen);
    }
}

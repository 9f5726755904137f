package io.basalt.kv.gc;

import static io.basalt.kv.gc.GcFixtures.b;
import static io.basalt.kv.gc.GcFixtures.collectAll;
import static io.basalt.kv.gc.GcFixtures.countAllVersions;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import io.basalt.kv.engine.EngineOptions;
import io.basalt.kv.engine.RocksEngine;
import io.basalt.kv.mvcc.MvccEntry;
import io.basalt.kv.mvcc.MvccReader;
import io.basalt.kv.mvcc.ScanBatch;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * GC running while writers commit new versions of the same keys and readers read them.
 *
 * <p>Setup: two writer threads, each the only writer of its own four hot keys, take commit
 * timestamps from one shared oracle. After each commit a writer publishes it in a model and raises
 * its <i>closed timestamp</i>: every version of its keys at or below that is written, so a read at
 * or below it has exactly one right answer. A GC thread keeps raising gcTs to trail the closed
 * timestamps and collects the whole store in small batches. A verifier reads at gcTs itself, at a
 * random timestamp and at the closed timestamp, point reads and a scan, and compares with the
 * model. {@link ReadTracker} plays the layer above: it never lets gcTs pass an active read.
 * {@link Progress} makes the writers wait for the other two every few hundred commits, so the test
 * interleaves them without sleeping and cannot pass by having the writers finish first.
 */
class VersionGcConcurrencyTest {
    private static final int WRITERS = 2;
    private static final int KEYS_PER_WRITER = 4;
    /** gcTs trails the oldest closed timestamp by this much: small, so reads at gcTs race the deletions. */
    private static final long LAG = 20;
    private static final int WRITES_PER_WRITER = 5_000;
    /**
     * Every this many commits a writer waits for one more GC pass and one more verification round,
     * so the three really interleave however the threads are scheduled (20 rounds at least).
     */
    private static final int WRITES_PER_ROUND = 250;

    private RocksEngine engine;
    private ExecutorService threads;

    @BeforeEach
    void open() {
        engine = RocksEngine.open(EngineOptions.inMemory());
        threads = Executors.newFixedThreadPool(WRITERS + 2);
    }

    @AfterEach
    void close() throws InterruptedException {
        threads.shutdownNow();
        try {
            assertThat(threads.awaitTermination(30, TimeUnit.SECONDS)).as("test threads stopped").isTrue();
        } finally {
            engine.close();
        }
    }

    @Test
    void writersAboveGcTsLoseNothingWhileGcRuns() throws Exception {
        MvccReader reader = new MvccReader(engine);
        VersionGarbageCollector gc = new VersionGarbageCollector(engine);
        ReadTracker tracker = new ReadTracker();
        AtomicLong oracle = new AtomicLong(100);
        Writer[] writers = new Writer[WRITERS];
        for (int w = 0; w < WRITERS; w++) {
            writers[w] = new Writer(w);
        }
        // Some history before the threads start, so that the first passes have garbage to find.
        for (Writer writer : writers) {
            for (int i = 0; i < 20; i++) {
                writer.commit(oracle.incrementAndGet());
            }
        }
        Queue<String> failures = new ConcurrentLinkedQueue<>();
        Progress progress = new Progress();

        List<CompletableFuture<Void>> writerDone = new ArrayList<>();
        for (Writer writer : writers) {
            writerDone.add(CompletableFuture.runAsync(() -> {
                for (int n = 1; n <= WRITES_PER_WRITER && progress.running(); n++) {
                    writer.commit(oracle.incrementAndGet());
                    if (n % WRITES_PER_ROUND == 0) {
                        progress.awaitRound(n / WRITES_PER_ROUND);
                    }
                }
            }, threads));
        }
        CompletableFuture<Void> allWritten = CompletableFuture.allOf(writerDone.toArray(CompletableFuture[]::new))
                .whenComplete((ignored, error) -> progress.stop());
        CompletableFuture<Void> collector = CompletableFuture.runAsync(() -> {
            while (progress.running()) {
                long gcTs = tracker.advance(minClosed(writers) - LAG);
                collectAll(gc, b(""), null, gcTs, 16, Integer.MAX_VALUE);
                progress.gcPassDone();
            }
        }, threads).whenComplete((ignored, error) -> progress.stop());
        CompletableFuture<Void> verifier = CompletableFuture.runAsync(() -> {
            ThreadLocalRandom random = ThreadLocalRandom.current();
            while (progress.running()) {
                Writer writer = writers[random.nextInt(WRITERS)];
                long closed = writer.closedTs;
                long low = tracker.gcTs();
                long[] wanted = {low, low + random.nextLong(Math.max(1, closed - low + 1)), closed};
                for (long ts : wanted) {
                    long readTs = tracker.begin(ts);
                    try {
                        writer.verifyAt(reader, readTs, failures);
                    } finally {
                        tracker.end(readTs);
                    }
                }
                if (!failures.isEmpty()) {
                    progress.stop(); // fail fast, the first reads that differ say enough
                }
                progress.verificationDone();
            }
        }, threads).whenComplete((ignored, error) -> progress.stop());

        CompletableFuture.allOf(allWritten, collector, verifier).get(120, TimeUnit.SECONDS);

        assertThat(failures).as("reads that differed from the committed history").isEmpty();
        assertThat(progress.gcPasses()).isGreaterThanOrEqualTo(WRITES_PER_WRITER / WRITES_PER_ROUND);
        assertThat(progress.verifications()).isGreaterThanOrEqualTo(WRITES_PER_WRITER / WRITES_PER_ROUND);
        assertThat(gc.stats().deletedVersions()).as("GC really deleted while writers ran").isPositive();

        // Quiesced: one last pass, then every read at or above gcTs still matches the history,
        // and at most one version per key is left at or below gcTs.
        long finalGcTs = tracker.advance(minClosed(writers) - LAG);
        collectAll(gc, b(""), null, finalGcTs, 16, Integer.MAX_VALUE);
        for (Writer writer : writers) {
            for (long ts = finalGcTs; ts <= writer.closedTs; ts++) {
                writer.verifyAt(reader, ts, failures);
            }
        }
        assertThat(failures).isEmpty();
        long writes = Arrays.stream(writers).mapToLong(w -> w.writes).sum();
        assertThat(countAllVersions(engine) + gc.stats().deletedVersions()).isEqualTo(writes);
        assertThat(countAllVersions(engine))
                .isLessThanOrEqualTo(WRITERS * KEYS_PER_WRITER + (oracle.get() - finalGcTs));
    }

    private static long minClosed(Writer[] writers) {
        long min = Long.MAX_VALUE;
        for (Writer writer : writers) {
            min = Math.min(min, writer.closedTs);
        }
        return min;
    }

    /** One writer thread's keys, their committed history, and its closed timestamp. */
    private final class Writer {
        /** A tombstone in the model (ConcurrentSkipListMap takes no null values). */
        private static final String TOMBSTONE = "<tombstone>";

        private final int id;
        private final byte[][] keys = new byte[KEYS_PER_WRITER][];
        private final List<ConcurrentSkipListMap<Long, String>> history = new ArrayList<>();
        /** Every version of these keys at or below it is written and in {@link #history}. */
        private volatile long closedTs;
        /** Written by the writer thread only; read after it is joined. */
        private long writes;

        Writer(int id) {
            this.id = id;
            for (int k = 0; k < KEYS_PER_WRITER; k++) {
                // w0-k0 and w0\0k0 side by side: a prefix-free escaping bug would mix them up.
                keys[k] = k % 2 == 0 ? b("w" + id + "-k" + k) : b("w" + id + "\0k" + k);
                history.add(new ConcurrentSkipListMap<>());
            }
        }

        void commit(long ts) {
            int k = ThreadLocalRandom.current().nextInt(KEYS_PER_WRITER);
            String value = ThreadLocalRandom.current().nextInt(10) == 0 ? null : "w@" + ts;
            GcFixtures.version(engine, keys[k], ts, value == null ? null : b(value));
            history.get(k).put(ts, value == null ? TOMBSTONE : value);
            writes++;
            closedTs = ts;
        }

        /** Point reads of every key, and one scan over them, at {@code readTs}; appends what differs. */
        void verifyAt(MvccReader reader, long readTs, Queue<String> failures) {
            Map<String, String> expectedLive = new TreeMap<>();
            for (int k = 0; k < KEYS_PER_WRITER; k++) {
                Map.Entry<Long, String> visible = history.get(k).floorEntry(readTs);
                String expected = visible == null || visible.getValue().equals(TOMBSTONE) ? null : visible.getValue();
                MvccEntry entry = reader.get(keys[k], readTs);
                String actual = entry.committedValue() == null ? null : new String(entry.committedValue(), UTF_8);
                if (expected == null ? actual != null : !expected.equals(actual)) {
                    failures.add("get key " + k + " at " + readTs + ": expected " + expected + ", read " + actual);
                }
                if (expected != null) {
                    expectedLive.put(Arrays.toString(keys[k]), expected);
                }
            }
            // Scans step from key to key over the freshly deleted versions, unlike point reads.
            ScanBatch scan = reader.scan(b("w" + id), b("w" + (id + 1)), readTs, 100);
            Map<String, String> scanned = new TreeMap<>();
            for (MvccEntry entry : scan.entries()) {
                scanned.put(Arrays.toString(entry.key()), new String(entry.committedValue(), UTF_8));
            }
            if (!scanned.equals(expectedLive)) {
                failures.add("scan at " + readTs + ": expected " + expectedLive + ", read " + scanned);
            }
        }
    }

    /** GC passes and verification rounds done; writers wait on it so that the threads interleave. */
    private static final class Progress {
        /** Guarded by this. */
        private long gcPasses;
        /** Guarded by this. */
        private long verifications;
        private volatile boolean running = true;

        boolean running() {
            return running;
        }

        synchronized void stop() {
            running = false;
            notifyAll();
        }

        synchronized void gcPassDone() {
            gcPasses++;
            notifyAll();
        }

        synchronized void verificationDone() {
            verifications++;
            notifyAll();
        }

        synchronized long gcPasses() {
            return gcPasses;
        }

        synchronized long verifications() {
            return verifications;
        }

        /** Waits until there were {@code round} GC passes and verification rounds, or the test stops. */
        synchronized void awaitRound(long round) {
            while (running && (gcPasses < round || verifications < round)) {
                try {
                    wait();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    running = false;
                }
            }
        }
    }

    /**
     * The layer above in miniature: read timestamps are handed out at or above gcTs, and gcTs never
     * passes an active read. One monitor guards both fields, so "pick a read timestamp" and "raise
     * gcTs" cannot interleave.
     */
    private static final class ReadTracker {
        /** Guarded by this. */
        private long gcTs;
        /** Active read timestamps and how many readers hold each; guarded by this. */
        private final TreeMap<Long, Integer> active = new TreeMap<>();

        synchronized long gcTs() {
            return gcTs;
        }

        synchronized long begin(long wanted) {
            long readTs = Math.max(wanted, gcTs);
            active.merge(readTs, 1, Integer::sum);
            return readTs;
        }

        synchronized void end(long readTs) {
            active.computeIfPresent(readTs, (ts, n) -> n == 1 ? null : n - 1);
        }

        /** Raises gcTs towards {@code target}, but never above an active read; returns the new gcTs. */
        synchronized long advance(long target) {
            long limit = active.isEmpty() ? target : Math.min(target, active.firstKey());
            gcTs = Math.max(gcTs, limit);
            return gcTs;
        }
    }
}

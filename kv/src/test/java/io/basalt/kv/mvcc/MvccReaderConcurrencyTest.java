package io.basalt.kv.mvcc;

import static org.assertj.core.api.Assertions.assertThat;

import io.basalt.kv.engine.EngineBatch;
import io.basalt.kv.engine.EngineOptions;
import io.basalt.kv.engine.RocksEngine;
import io.basalt.kv.engine.StorageException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * Point reads share pooled iterators across threads (see {@code IteratorPool}); these tests check
 * that sharing never shows a reader data older than what was committed before its read began, and
 * that closing the engine under running readers fails them cleanly instead of crashing the JVM.
 */
class MvccReaderConcurrencyTest {
    private static final byte[] KEY = {7};
    private static final int READERS = 4;

    @Test
    void everyReadSeesAtLeastTheVersionCommittedBeforeItBegan() throws Exception {
        try (RocksEngine engine = RocksEngine.open(EngineOptions.inMemory())) {
            MvccReader reader = new MvccReader(engine);
            AtomicLong committed = new AtomicLong();
            put(engine, 1);
            committed.set(1);
            ExecutorService pool = Executors.newFixedThreadPool(READERS);
            try {
                List<Future<Long>> readers = new ArrayList<>();
                // The writer starts once every reader is reading: on a quiet machine it could
                // otherwise write all versions before a reader thread was even scheduled.
                CountDownLatch reading = new CountDownLatch(READERS);
                for (int r = 0; r < READERS; r++) {
                    readers.add(pool.submit(() -> {
                        long reads = 0;
                        while (committed.get() < 2_000) {
                            long floor = committed.get();
                            MvccEntry entry = reader.get(KEY, Long.MAX_VALUE);
                            long seen = ByteBuffer.wrap(entry.committedValue()).getLong();
                            assertThat(seen).isGreaterThanOrEqualTo(floor);
                            assertThat(entry.committedTs()).isEqualTo(seen);
                            if (reads++ == 0) {
                                reading.countDown();
                            }
                        }
                        return reads;
                    }));
                }
                assertThat(reading.await(60, TimeUnit.SECONDS)).isTrue();
                for (long ts = 2; ts <= 2_000; ts++) {
                    put(engine, ts);
                    committed.set(ts);
                }
                for (Future<Long> f : readers) {
                    assertThat(f.get(60, TimeUnit.SECONDS)).isPositive();
                }
            } finally {
                pool.shutdownNow();
            }
        }
    }

    @Test
    void closingTheEngineUnderRunningReadersFailsThemCleanly() throws Exception {
        RocksEngine engine = RocksEngine.open(EngineOptions.inMemory());
        MvccReader reader = new MvccReader(engine);
        put(engine, 1);
        ExecutorService pool = Executors.newFixedThreadPool(READERS);
        try {
            CountDownLatch reading = new CountDownLatch(READERS);
            List<Future<Boolean>> readers = new ArrayList<>();
            for (int r = 0; r < READERS; r++) {
                readers.add(pool.submit(() -> {
                    reading.countDown();
                    try {
                        while (true) {
                            reader.get(KEY, Long.MAX_VALUE);
                            reader.scan(new byte[] {0}, null, Long.MAX_VALUE, 10);
                        }
                    } catch (StorageException e) {
                        return true; // the engine closed: the only acceptable way out
                    }
                }));
            }
            reading.await();
            engine.close();
            for (Future<Boolean> f : readers) {
                assertThat(f.get(60, TimeUnit.SECONDS)).isTrue();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static void put(RocksEngine engine, long ts) {
        try (EngineBatch batch = engine.newBatch()) {
            MvccWriter.putVersion(batch, KEY, ts, ByteBuffer.allocate(8).putLong(ts).array(), ts);
            engine.write(batch, false);
        }
    }
}

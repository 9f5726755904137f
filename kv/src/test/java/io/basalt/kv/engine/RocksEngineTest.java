package io.basalt.kv.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.rocksdb.FlushOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RocksEngineTest {

    @Test
    void persistentStoreKeepsDataAcrossReopen(@TempDir Path dir) {
        try (RocksEngine engine = RocksEngine.open(EngineOptions.persistent(dir));
             EngineBatch batch = engine.newBatch()) {
            batch.put(ColumnFamily.TXNS, new byte[] {1}, new byte[] {2});
            engine.write(batch, true);
        }
        try (RocksEngine engine = RocksEngine.open(EngineOptions.persistent(dir))) {
            assertThat(engine.get(ColumnFamily.TXNS, new byte[] {1})).containsExactly(2);
            assertThat(engine.get(ColumnFamily.INTENTS, new byte[] {1})).isNull();
        }
    }

    @Test
    void inMemoryStoresAreIndependent() {
        try (RocksEngine a = RocksEngine.open(EngineOptions.inMemory());
             RocksEngine b = RocksEngine.open(EngineOptions.inMemory());
             EngineBatch batch = a.newBatch()) {
            batch.put(ColumnFamily.META, new byte[] {7}, new byte[] {7});
            a.write(batch, true);
            assertThat(a.get(ColumnFamily.META, new byte[] {7})).isNotNull();
            assertThat(b.get(ColumnFamily.META, new byte[] {7})).isNull();
        }
    }

    @Test
    void iteratorFailsCleanlyAfterEngineCloses() {
        RocksEngine engine = RocksEngine.open(EngineOptions.inMemory());
        EngineIterator it = engine.newIterator(ColumnFamily.VERSIONS, null);
        engine.close();

        assertThatThrownBy(() -> it.seek(new byte[] {0})).isInstanceOf(StorageException.class);
        assertThatThrownBy(() -> engine.get(ColumnFamily.META, new byte[] {0})).isInstanceOf(StorageException.class);
        it.close(); // must not touch freed memory
    }

    @Test
    void pinnedIteratorIsUnusableOnceItsPinCloses() {
        try (RocksEngine engine = RocksEngine.open(EngineOptions.inMemory())) {
            EngineIterator it;
            try (EnginePin pin = engine.pin()) {
                it = pin.newIterator(ColumnFamily.VERSIONS, pin.snapshot());
                it.seek(new byte[] {0});
                assertThat(it.isValid()).isFalse();
            }
            assertThatThrownBy(() -> it.seek(new byte[] {0})).isInstanceOf(StorageException.class);
        }
    }

    @Test
    void pooledIteratorReadsTheLatestDataAcrossWritesAndFlushes(@TempDir Path dir) throws Exception {
        try (RocksEngine engine = RocksEngine.open(EngineOptions.persistent(dir))) {
            put(engine, 1, 10);
            assertThat(readLatest(engine, 1)).containsExactly(10);
            put(engine, 1, 11);
            assertThat(readLatest(engine, 1)).containsExactly(11);
            // A flush installs a new SuperVersion: the refresh must rebuild, not just move the sequence.
            try (FlushOptions flush = new FlushOptions().setWaitForFlush(true)) {
                engine.db().flush(flush, engine.handle(ColumnFamily.VERSIONS));
            }
            put(engine, 2, 20);
            assertThat(readLatest(engine, 1)).containsExactly(11);
            assertThat(readLatest(engine, 2)).containsExactly(20);
        }
    }

    @Test
    void closingTheEngineClosesPooledIterators() {
        RocksEngine engine = RocksEngine.open(EngineOptions.inMemory());
        put(engine, 1, 10);
        assertThat(readLatest(engine, 1)).containsExactly(10); // leaves an iterator in the pool
        engine.close(); // must free it without crashing
        assertThatThrownBy(engine::pin).isInstanceOf(StorageException.class);
    }

    private static void put(RocksEngine engine, int key, int value) {
        try (EngineBatch batch = engine.newBatch()) {
            batch.put(ColumnFamily.VERSIONS, new byte[] {(byte) key}, new byte[] {(byte) value});
            engine.write(batch, false);
        }
    }

    private static byte[] readLatest(RocksEngine engine, int key) {
        try (EnginePin pin = engine.pin()) {
            EngineIterator it = pin.latestIterator(ColumnFamily.VERSIONS);
            it.seek(new byte[] {(byte) key});
            return it.isValid() && it.key()[0] == key ? it.value() : null;
        }
    }
}

package io.basalt.kv.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
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
}

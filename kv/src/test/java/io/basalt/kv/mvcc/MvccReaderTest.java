package io.basalt.kv.mvcc;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import io.basalt.kv.engine.EngineBatch;
import io.basalt.kv.engine.EngineOptions;
import io.basalt.kv.engine.RocksEngine;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class MvccReaderTest {
    private RocksEngine engine;
    private MvccReader reader;

    @BeforeEach
    void open() {
        engine = RocksEngine.open(EngineOptions.inMemory());
        reader = new MvccReader(engine);
    }

    @AfterEach
    void close() {
        engine.close();
    }

    private static byte[] b(String s) {
        return s.getBytes(UTF_8);
    }

    private void version(String key, long ts, String value) {
        try (EngineBatch batch = engine.newBatch()) {
            MvccWriter.putVersion(batch, b(key), ts, value == null ? null : b(value), 1000 + ts);
            engine.write(batch, true);
        }
    }

    private void intent(String key, long txnId, String value) {
        try (EngineBatch batch = engine.newBatch()) {
            MvccWriter.putIntent(batch, b(key), new Intent(txnId, 1, b("rec"), value == null ? null : b(value)));
            engine.write(batch, false);
        }
    }

    @Test
    void pointReadOnReusedIteratorSeesWritesMadeSinceItsLastUse() {
        // Point reads reuse pooled versions iterators; a stale one would miss the newer versions.
        version("k", 10, "v10");
        assertThat(reader.get(b("k"), Long.MAX_VALUE).committedValue()).isEqualTo(b("v10"));
        version("k", 20, "v20");
        assertThat(reader.get(b("k"), Long.MAX_VALUE).committedValue()).isEqualTo(b("v20"));
        assertThat(reader.newestVersion(b("k")).committedTs()).isEqualTo(20);
        version("k", 30, null);
        assertThat(reader.get(b("k"), Long.MAX_VALUE).committedValue()).isNull();
        assertThat(reader.get(b("k"), Long.MAX_VALUE).committedTs()).isEqualTo(30);
        assertThat(reader.get(b("other"), Long.MAX_VALUE).committedTs()).isZero();
    }

    @Test
    void pointReadSeesNewestVersionAtOrBelowReadTimestamp() {
        version("k", 10, "v10");
        version("k", 20, "v20");
        version("k", 30, "v30");

        assertThat(reader.get(b("k"), 5).committedValue()).isNull();
        assertThat(reader.get(b("k"), 10).committedValue()).isEqualTo(b("v10"));
        assertThat(reader.get(b("k"), 25).committedValue()).isEqualTo(b("v20"));
        assertThat(reader.get(b("k"), 25).committedTs()).isEqualTo(20);
        assertThat(reader.get(b("k"), Long.MAX_VALUE).committedValue()).isEqualTo(b("v30"));
    }

    @Test
    void tombstoneHidesOlderVersionsAfterItsTimestampOnly() {
        version("k", 10, "v10");
        version("k", 20, null);

        assertThat(reader.get(b("k"), 15).committedValue()).isEqualTo(b("v10"));
        assertThat(reader.get(b("k"), 20).committedValue()).isNull();
        assertThat(reader.get(b("k"), 20).committedTs()).isEqualTo(20);
        assertThat(reader.newestVersion(b("k")).committedTs()).isEqualTo(20);
        assertThat(reader.newestVersion(b("k")).committedValue()).isNull();
    }

    @Test
    void keysThatArePrefixesOfEachOtherKeepTheirVersionsApart() {
        version("a", 10, "a10");
        version("ab", 5, "ab5");
        version("a\0", 7, "a0");

        assertThat(reader.get(b("a"), 100).committedValue()).isEqualTo(b("a10"));
        assertThat(reader.get(b("ab"), 100).committedValue()).isEqualTo(b("ab5"));
        assertThat(reader.get(b("a\0"), 100).committedValue()).isEqualTo(b("a0"));
        assertThat(reader.newestVersion(b("a")).committedTs()).isEqualTo(10);
        assertThat(keys(reader.scan(b("a"), null, 100, 10).entries())).containsExactly("a", "a\0", "ab");
    }

    @Test
    void pointReadReportsIntentBesideCommittedValue() {
        version("k", 10, "old");
        intent("k", 42, "new");

        MvccEntry entry = reader.get(b("k"), 100);
        assertThat(entry.committedValue()).isEqualTo(b("old"));
        assertThat(entry.intent().txnId()).isEqualTo(42);
        assertThat(entry.intent().value()).isEqualTo(b("new"));
    }

    @Test
    void scanMergesVersionsAndIntentsInKeyOrderWithinBounds() {
        version("a", 10, "a");
        version("b", 10, "b");
        version("b", 20, null);
        intent("c", 7, "c-intent");
        version("d", 50, "d-future");
        version("e", 10, "e");
        version("f", 10, "f");

        ScanBatch batch = reader.scan(b("a"), b("f"), 30, 100);

        assertThat(keys(batch.entries())).containsExactly("a", "c", "e");
        assertThat(batch.resumeKey()).isNull();
        assertThat(batch.entries().get(1).committedValue()).isNull();
        assertThat(batch.entries().get(1).intent().txnId()).isEqualTo(7);
    }

    @Test
    void scanPagesWithResumeKey() {
        for (char c = 'a'; c <= 'j'; c++) {
            version(String.valueOf(c), 10, "v");
        }
        ScanBatch first = reader.scan(b("a"), null, 10, 4);
        assertThat(keys(first.entries())).containsExactly("a", "b", "c", "d");
        assertThat(first.resumeKey()).isEqualTo(b("e"));

        ScanBatch second = reader.scan(first.resumeKey(), null, 10, 100);
        assertThat(keys(second.entries())).containsExactly("e", "f", "g", "h", "i", "j");
    }

    @Test
    void scanSkipsManyVersionsOfHotKey() {
        for (int ts = 1; ts <= 50; ts++) {
            version("hot", ts, "v" + ts);
        }
        version("next", 1, "n");

        List<MvccEntry> at25 = reader.scan(b("a"), null, 25, 10).entries();
        assertThat(keys(at25)).containsExactly("hot", "next");
        assertThat(at25.get(0).committedValue()).isEqualTo(b("v25"));
        List<MvccEntry> at50 = reader.scan(b("a"), null, 50, 10).entries();
        assertThat(at50.get(0).committedValue()).isEqualTo(b("v50"));
    }

    @Test
    void readCanNameTheWritersOfVersionsAboveItsSnapshot() {
        version("k", 10, "v10");
        version("k", 20, "v20");
        version("k", 30, "v30");

        MvccEntry entry = reader.get(b("k"), 15, true);
        assertThat(entry.committedValue()).isEqualTo(b("v10"));
        assertThat(entry.newerWriters()).containsExactly(1030L, 1020L);
        assertThat(reader.get(b("k"), 30, true).newerWriters()).isEmpty();
        assertThat(reader.get(b("k"), 15).newerWriters()).isEmpty();
    }

    @Test
    void serializableScanReportsRowsThatAppearedAfterItsSnapshot() {
        version("a", 10, "a");
        version("b", 30, "b-after");
        version("c", 10, "c");
        version("c", 40, null);

        List<MvccEntry> plain = reader.scan(b("a"), null, 20, 10).entries();
        assertThat(keys(plain)).containsExactly("a", "c");
        List<MvccEntry> tracked = reader.scan(b("a"), null, 20, 10, true).entries();
        assertThat(keys(tracked)).containsExactly("a", "b", "c");
        assertThat(tracked.get(1).committedValue()).isNull();
        assertThat(tracked.get(1).newerWriters()).containsExactly(1030L);
        assertThat(tracked.get(2).newerWriters()).containsExactly(1040L);
        assertThat(tracked.get(0).newerWriters()).isEmpty();
    }

    @Test
    void intentRemembersEarlierStatementsAndRollsBackToThem() {
        Intent first = new Intent(7, 1, b("rec"), b("one"));
        Intent second = first.overwrittenBy(2, Intent.Kind.PUT, b("two"));
        Intent third = second.overwrittenBy(3, Intent.Kind.DELETE, null);
        Intent sameStatement = third.overwrittenBy(3, Intent.Kind.PUT, b("three"));

        assertThat(Intent.decode(sameStatement.encode())).isEqualTo(sameStatement);
        assertThat(sameStatement.history()).hasSize(2);
        assertThat(sameStatement.rolledBackTo(3).value()).isEqualTo(b("two"));
        assertThat(sameStatement.rolledBackTo(2).value()).isEqualTo(b("one"));
        assertThat(sameStatement.rolledBackTo(1)).isNull();
        assertThat(sameStatement.rolledBackTo(4)).isSameAs(sameStatement);
        assertThat(third.rolledBackTo(3).seq()).isEqualTo(2);
    }

    @Test
    void versionKeyRoundTripsUserKeyAndTimestamp() {
        byte[] key = {0, 1, 0, (byte) 0xFF, 0};
        byte[] encoded = VersionKey.encode(key, 123456789L);
        assertThat(VersionKey.userKey(encoded)).isEqualTo(key);
        assertThat(VersionKey.timestamp(encoded)).isEqualTo(123456789L);
    }

    private static List<String> keys(List<MvccEntry> entries) {
        return entries.stream().map(e -> new String(e.key(), UTF_8)).toList();
    }
}

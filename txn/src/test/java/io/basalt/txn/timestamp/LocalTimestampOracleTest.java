package io.basalt.txn.timestamp;

import static org.assertj.core.api.Assertions.assertThat;

import io.basalt.kv.engine.EngineOptions;
import io.basalt.kv.engine.RocksEngine;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalTimestampOracleTest {

    @Test
    void timestampsGrowEvenWhenTheClockStandsStillOrGoesBack() {
        AtomicLong clock = new AtomicLong(1_000_000);
        try (RocksEngine engine = RocksEngine.open(EngineOptions.inMemory())) {
            LocalTimestampOracle tso = new LocalTimestampOracle(engine, clock::get);
            long a = tso.next();
            long b = tso.next();
            clock.set(500_000);
            long c = tso.next();
            assertThat(b).isGreaterThan(a);
            assertThat(c).isGreaterThan(b);
        }
    }

    @Test
    void timestampsStayMonotonicAcrossRestartWithAClockThatWentBack(@TempDir Path dir) {
        AtomicLong clock = new AtomicLong(2_000_000);
        long last;
        try (RocksEngine engine = RocksEngine.open(EngineOptions.persistent(dir))) {
            LocalTimestampOracle tso = new LocalTimestampOracle(engine, clock::get);
            long ts = 0;
            for (int i = 0; i < 10_000; i++) {
                ts = tso.next();
            }
            last = ts;
        }
        clock.set(1_000_000); // restarted on a machine whose clock is behind
        try (RocksEngine engine = RocksEngine.open(EngineOptions.persistent(dir))) {
            LocalTimestampOracle tso = new LocalTimestampOracle(engine, clock::get);
            assertThat(tso.next()).isGreaterThan(last);
        }
    }

    @Test
    void physicalPartReadsAsMilliseconds() {
        AtomicLong clock = new AtomicLong(1_700_000_000_000L);
        try (RocksEngine engine = RocksEngine.open(EngineOptions.inMemory())) {
            long ts = new LocalTimestampOracle(engine, clock::get).next();
            assertThat(LocalTimestampOracle.physicalMillis(ts)).isEqualTo(1_700_000_000_000L);
        }
    }
}

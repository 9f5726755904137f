package io.basalt.txn.timestamp;

import io.basalt.kv.engine.ColumnFamily;
import io.basalt.kv.engine.EngineBatch;
import io.basalt.kv.engine.RocksEngine;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.function.LongSupplier;

/**
 * A timestamp oracle for one process, monotonic across restarts.
 *
 * <p>Layout of a timestamp: {@code physical milliseconds << 18 | logical counter}, so values read
 * roughly as wall time (handy for GC horizons and logs) and 262,144 can be issued per millisecond
 * before the physical part runs ahead of the clock.
 *
 * <p>Durability: the oracle persists an upper bound (the window end) before handing out any value
 * at or above it; after a restart it starts at the persisted bound. So one synced write covers a
 * window of {@link #WINDOW_MILLIS} of timestamps, as TiDB's PD does. A clock that moved backwards
 * is harmless: values keep growing from the last one.
 *
 * <p>Threading: {@link #next()} is synchronized; it does I/O only when a window is used up.
 */
public final class LocalTimestampOracle implements TimestampOracle {
    static final int LOGICAL_BITS = 18;
    /** Three seconds per persisted window: a restart skips at most that much timestamp space. */
    static final long WINDOW_MILLIS = 3_000;
    private static final byte[] WINDOW_KEY = "tso.window-end".getBytes(StandardCharsets.UTF_8);

    private final RocksEngine engine;
    private final LongSupplier clockMillis;
    /** Guarded by this. */
    private long last;
    /** Guarded by this; no value at or above it has been handed out, and it is durable. */
    private long windowEnd;

    public LocalTimestampOracle(RocksEngine engine, LongSupplier clockMillis) {
        this.engine = engine;
        this.clockMillis = clockMillis;
        byte[] stored = engine.get(ColumnFamily.META, WINDOW_KEY);
        this.windowEnd = stored == null ? 0 : ByteBuffer.wrap(stored).getLong();
        this.last = Math.max(0, windowEnd - 1);
    }

    public LocalTimestampOracle(RocksEngine engine) {
        this(engine, System::currentTimeMillis);
    }

    @Override
    public synchronized long next() {
        long physical = clockMillis.getAsLong() << LOGICAL_BITS;
        long candidate = Math.max(physical, last + 1);
        if (candidate >= windowEnd) {
            long newEnd = candidate + (WINDOW_MILLIS << LOGICAL_BITS);
            persist(newEnd);
            windowEnd = newEnd;
        }
        last = candidate;
        return candidate;
    }

    private void persist(long newEnd) {
        try (EngineBatch batch = engine.newBatch()) {
            batch.put(ColumnFamily.META, WINDOW_KEY, ByteBuffer.allocate(Long.BYTES).putLong(newEnd).array());
            engine.write(batch, true);
        }
    }

    /** The timestamp {@code millis} milliseconds before {@code timestamp} (never below 0). */
    public static long minusMillis(long timestamp, long millis) {
        return Math.max(0, timestamp - (millis << LOGICAL_BITS));
    }

    /** The physical milliseconds a timestamp was issued at (for logs and GC horizons). */
    public static long physicalMillis(long timestamp) {
        return timestamp >>> LOGICAL_BITS;
    }
}

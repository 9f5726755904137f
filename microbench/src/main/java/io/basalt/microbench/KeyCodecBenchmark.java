package io.basalt.microbench;

import io.basalt.kv.codec.KeyDecoder;
import io.basalt.kv.codec.KeyEncoder;
import io.basalt.kv.codec.SortOrder;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * The order-preserving key codec on a typical composite primary key, as SQL lays rows out
 * ({@code io.basalt.sql.exec.RowCodec}): {@code / partition / tableId / INT / BIGINT / VARCHAR(16)
 * / DECIMAL(12,2) /}, about 35 bytes.
 *
 * <ul>
 *   <li>{@code encodeTyped} / {@code decodeTyped}: one typed call per field, an encoder and a
 *       decoder reused across keys (RowCodec keeps one per operator).</li>
 *   <li>{@code encodeBoxed}: the same key through {@code writeValue(Object)}, which is what
 *       RowCodec calls with a row's boxed values (an instanceof chain per field).</li>
 *   <li>{@code fixedWidth*}: the baseline, a plain {@link ByteBuffer} layout of the same fields
 *       that does <em>not</em> sort (big-endian ints, length-prefixed UTF-8, unscaled decimal plus
 *       scale). {@code encodeTyped / fixedWidthEncode} is the price of order preservation
 *       (varints, escaping, decimal normalisation).</li>
 * </ul>
 * Keys cycle through {@value #ROWS} pre-built rows so that nothing is constant-folded; every
 * encode returns a fresh {@code byte[]}, as the real path does for each key it hands to storage.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
@State(Scope.Thread)
public class KeyCodecBenchmark {
    private static final int ROWS = 1024; // a power of two: the cursor wraps with a mask
    private static final int PARTITION = 5;
    private static final long TABLE_ID = 42;

    private final int[] ints = new int[ROWS];
    private final long[] longs = new long[ROWS];
    private final String[] strings = new String[ROWS];
    private final BigDecimal[] decimals = new BigDecimal[ROWS];
    private final Object[][] boxedRows = new Object[ROWS][];
    private final byte[][] encoded = new byte[ROWS][];
    private final byte[][] fixedEncoded = new byte[ROWS][];
    private final KeyEncoder encoder = new KeyEncoder(64);
    private final KeyDecoder decoder = new KeyDecoder(new byte[0]);
    private final ByteBuffer fixedBuffer = ByteBuffer.allocate(128);
    private int cursor;

    @Setup(Level.Trial)
    public void buildRows() {
        SplittableRandom random = new SplittableRandom(42);
        for (int i = 0; i < ROWS; i++) {
            ints[i] = random.nextInt(1, 100_000);                      // a warehouse or item id
            longs[i] = random.nextLong(1L << 40);                      // an order number
            strings[i] = "customer-" + random.nextInt(1_000_000);      // VARCHAR(16), ASCII
            decimals[i] = BigDecimal.valueOf(random.nextLong(-10_000_000, 10_000_000), 2); // DECIMAL(12,2)
            boxedRows[i] = new Object[] {ints[i], longs[i], strings[i], decimals[i]};
            encoded[i] = encodeTyped(i);
            fixedEncoded[i] = fixedWidthEncode(i);
        }
    }

    private int next() {
        return cursor++ & (ROWS - 1);
    }

    private byte[] encodeTyped(int row) {
        return encoder.reset()
                .writeLong(PARTITION).writeLong(TABLE_ID)
                .writeLong(ints[row]).writeLong(longs[row]).writeString(strings[row]).writeDecimal(decimals[row])
                .toByteArray();
    }

    private byte[] fixedWidthEncode(int row) {
        ByteBuffer out = fixedBuffer.clear();
        out.putInt(PARTITION).putLong(TABLE_ID).putInt(ints[row]).putLong(longs[row]);
        byte[] text = strings[row].getBytes(StandardCharsets.UTF_8);
        out.putShort((short) text.length).put(text);
        out.putLong(decimals[row].unscaledValue().longValueExact()).put((byte) decimals[row].scale());
        byte[] key = new byte[out.position()];
        out.flip().get(key);
        return key;
    }

    @Benchmark
    public byte[] encodeTyped() {
        return encodeTyped(next());
    }

    @Benchmark
    public byte[] encodeBoxed() {
        Object[] row = boxedRows[next()];
        encoder.reset().writeLong(PARTITION).writeLong(TABLE_ID);
        for (Object value : row) {
            encoder.writeValue(value, SortOrder.ASCENDING);
        }
        return encoder.toByteArray();
    }

    @Benchmark
    public void decodeTyped(Blackhole hole) {
        byte[] key = encoded[next()];
        decoder.reset(key, 0, key.length);
        hole.consume(decoder.readLong(SortOrder.ASCENDING));
        hole.consume(decoder.readLong(SortOrder.ASCENDING));
        hole.consume(decoder.readLong(SortOrder.ASCENDING));
        hole.consume(decoder.readLong(SortOrder.ASCENDING));
        hole.consume(decoder.readString(SortOrder.ASCENDING));
        hole.consume(decoder.readDecimal(SortOrder.ASCENDING));
    }

    @Benchmark
    public byte[] fixedWidthEncode() {
        return fixedWidthEncode(next());
    }

    @Benchmark
    public void fixedWidthDecode(Blackhole hole) {
        ByteBuffer in = ByteBuffer.wrap(fixedEncoded[next()]);
        hole.consume(in.getInt());
        hole.consume(in.getLong());
        hole.consume(in.getInt());
        hole.consume(in.getLong());
        byte[] text = new byte[in.getShort()];
        in.get(text);
        hole.consume(new String(text, StandardCharsets.UTF_8));
        hole.consume(BigDecimal.valueOf(in.getLong(), in.get()));
    }
}

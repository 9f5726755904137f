package io.basalt.microbench;

import io.basalt.kv.codec.KeyEncoder;
import java.util.SplittableRandom;

/**
 * Keys and values shaped like the rows SQL writes ({@code io.basalt.sql.exec.RowCodec}):
 * {@code / partition / tableId / id /} in the key codec, and an opaque value. Every store in a
 * comparison is loaded from these, so raw RocksDB and Basalt hold the same logical rows.
 */
final class RowKeys {
    /** Any table id works; a two-digit one encodes in 2 bytes, like real catalogs' ids. */
    static final long TABLE_ID = 42;
    /** Roughly a narrow OLTP row (TPC-C's customer balance columns, an account row). */
    static final int VALUE_BYTES = 100;

    private RowKeys() {
    }

    static byte[] rowKey(int partition, long id) {
        return new KeyEncoder(16).writeLong(partition).writeLong(TABLE_ID).writeLong(id).toByteArray();
    }

    /** Keys of ids {@code 0 .. count-1} in partition {@code partition}, in key order. */
    static byte[][] rowKeys(int partition, int count) {
        byte[][] keys = new byte[count][];
        for (int id = 0; id < count; id++) {
            keys[id] = rowKey(partition, id);
        }
        return keys;
    }

    /** Seeded random bytes: incompressible (LZ4 gains nothing for either side) and repeatable. */
    static byte[] value(long seed) {
        byte[] value = new byte[VALUE_BYTES];
        new SplittableRandom(seed).nextBytes(value);
        return value;
    }
}

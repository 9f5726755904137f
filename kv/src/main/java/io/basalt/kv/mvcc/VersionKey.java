package io.basalt.kv.mvcc;

import java.util.Arrays;

/**
 * The physical key of a committed MVCC version in {@link io.basalt.kv.engine.ColumnFamily#VERSIONS}.
 *
 * <pre>
 *   +---------------------------------+-----------+------------------------------+
 *   | escaped user key (n + z bytes)  | 0x00 0x01 | ~commitTs (8 bytes, BE)      |
 *   +---------------------------------+-----------+------------------------------+
 *   escaping: each 0x00 of the user key is written as 0x00 0xFF
 * </pre>
 *
 * Byte order sorts by user key ascending, then by commit timestamp descending (the inverted
 * timestamp), so a seek to {@code prefix(key) ++ ~readTs} lands on the newest version visible at
 * {@code readTs}. Escaping plus the terminator makes the encoded user key prefix-free: without
 * it, versions of {@code "a"} (followed by timestamp bytes) could sort among those of
 * {@code "ab"}. TiKV escapes its keys for the same reason; we use the smaller 0x00-escape because
 * Basalt's keys are short tuples. Timestamps are non-negative, so the inverted value compares
 * correctly as unsigned bytes.
 */
public final class VersionKey {
    private static final byte ESCAPE = (byte) 0xFF;
    private static final byte TERMINATOR = 0x01;
    static final int TIMESTAMP_BYTES = 8;

    private VersionKey() {
    }

    /** The key of the version of {@code userKey} committed at {@code commitTs}. */
    public static byte[] encode(byte[] userKey, long commitTs) {
        byte[] prefix = prefix(userKey);
        byte[] out = Arrays.copyOf(prefix, prefix.length + TIMESTAMP_BYTES);
        writeInvertedTimestamp(out, prefix.length, commitTs);
        return out;
    }

    /**
     * {@code escaped(userKey) ++ 0x00 0x01}: every version of {@code userKey} starts with it, and it
     * sorts after every version of every smaller user key, so it is also the lower bound of a scan
     * that starts at {@code userKey} and the (exclusive) upper bound of one that ends there.
     */
    public static byte[] prefix(byte[] userKey) {
        int zeros = 0;
        for (byte b : userKey) {
            if (b == 0) {
                zeros++;
            }
        }
        byte[] out = new byte[userKey.length + zeros + 2];
        int pos = 0;
        for (byte b : userKey) {
            out[pos++] = b;
            if (b == 0) {
                out[pos++] = ESCAPE;
            }
        }
        out[pos++] = 0;
        out[pos] = TERMINATOR;
        return out;
    }

    /** {@code prefix ++ ~ts}: where the versions of the prefix's key visible at {@code ts} begin. */
    public static byte[] seekKey(byte[] prefix, long ts) {
        byte[] out = Arrays.copyOf(prefix, prefix.length + TIMESTAMP_BYTES);
        writeInvertedTimestamp(out, prefix.length, ts);
        return out;
    }

    /** Whether the physical key {@code versionKey} is a version of the user key whose prefix is given. */
    public static boolean hasPrefix(byte[] versionKey, byte[] prefix) {
        return versionKey.length == prefix.length + TIMESTAMP_BYTES
                && Arrays.equals(versionKey, 0, prefix.length, prefix, 0, prefix.length);
    }

    /** The length of the prefix part ({@code versionKey} without its timestamp). */
    public static int prefixLength(byte[] versionKey) {
        return versionKey.length - TIMESTAMP_BYTES;
    }

    public static long timestamp(byte[] versionKey) {
        long inverted = 0;
        for (int i = versionKey.length - TIMESTAMP_BYTES; i < versionKey.length; i++) {
            inverted = (inverted << 8) | (versionKey[i] & 0xFF);
        }
        return ~inverted;
    }

    /** The user key a version key belongs to (undoes the escaping). */
    public static byte[] userKey(byte[] versionKey) {
        int end = versionKey.length - TIMESTAMP_BYTES - 2;
        if (end < 0 || versionKey[end] != 0 || versionKey[end + 1] != TERMINATOR) {
            throw new IllegalArgumentException("Not a version key");
        }
        int zeros = 0;
        for (int i = 0; i < end; i++) {
            if (versionKey[i] == 0) {
                zeros++;
            }
        }
        byte[] out = new byte[end - zeros];
        int pos = 0;
        for (int i = 0; i < end; i++) {
            out[pos++] = versionKey[i];
            if (versionKey[i] == 0) {
                i++; // skip the escape byte
            }
        }
        return out;
    }

    private static void writeInvertedTimestamp(byte[] out, int offset, long ts) {
        if (ts < 0) {
            throw new IllegalArgumentException("Negative timestamp " + ts);
        }
        long inverted = ~ts;
        for (int i = TIMESTAMP_BYTES - 1; i >= 0; i--) {
            out[offset + i] = (byte) inverted;
            inverted >>>= 8;
        }
    }
}

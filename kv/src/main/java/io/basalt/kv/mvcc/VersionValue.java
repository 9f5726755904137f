package io.basalt.kv.mvcc;

import java.util.Arrays;

/**
 * The value of a committed version: a one-byte kind, then the row bytes for a put.
 *
 * <pre>
 *   put:       | 0x01 | value bytes ... |
 *   tombstone: | 0x02 |
 * </pre>
 */
public final class VersionValue {
    private static final byte PUT = 0x01;
    private static final byte TOMBSTONE = 0x02;
    private static final byte[] TOMBSTONE_BYTES = {TOMBSTONE};

    private VersionValue() {
    }

    public static byte[] encode(byte[] value) {
        if (value == null) {
            return TOMBSTONE_BYTES.clone();
        }
        byte[] out = new byte[value.length + 1];
        out[0] = PUT;
        System.arraycopy(value, 0, out, 1, value.length);
        return out;
    }

    public static boolean isTombstone(byte[] stored) {
        return stored[0] == TOMBSTONE;
    }

    /** The row bytes of a put, or null for a tombstone. */
    public static byte[] decode(byte[] stored) {
        if (stored.length == 0 || (stored[0] != PUT && stored[0] != TOMBSTONE)) {
            throw new IllegalArgumentException("Corrupt version value");
        }
        return stored[0] == TOMBSTONE ? null : Arrays.copyOfRange(stored, 1, stored.length);
    }
}

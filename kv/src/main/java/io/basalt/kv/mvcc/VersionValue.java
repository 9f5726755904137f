package io.basalt.kv.mvcc;

import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * The value of a committed version: a kind byte, the id of the transaction that wrote it, then
 * the row bytes for a put.
 *
 * <pre>
 *   put:       | 0x01 | writer txnId (8, BE) | value bytes ... |
 *   tombstone: | 0x02 | writer txnId (8, BE) |
 * </pre>
 *
 * The writer's id lets a serializable reader that skips a version newer than its snapshot name
 * the transaction it has an rw-antidependency on (PostgreSQL keeps xmin in each tuple for the same
 * reason). Eight bytes per version; version GC keeps their number small.
 */
public final class VersionValue {
    private static final byte PUT = 0x01;
    private static final byte TOMBSTONE = 0x02;
    private static final int HEADER = 1 + Long.BYTES;

    private VersionValue() {
    }

    /** A put of {@code value}, or a tombstone when {@code value} is null, written by {@code writerTxnId}. */
    public static byte[] encode(byte[] value, long writerTxnId) {
        byte[] out = new byte[HEADER + (value == null ? 0 : value.length)];
        out[0] = value == null ? TOMBSTONE : PUT;
        ByteBuffer.wrap(out, 1, Long.BYTES).putLong(writerTxnId);
        if (value != null) {
            System.arraycopy(value, 0, out, HEADER, value.length);
        }
        return out;
    }

    public static boolean isTombstone(byte[] stored) {
        return stored[0] == TOMBSTONE;
    }

    /** The row bytes of a put, or null for a tombstone. */
    public static byte[] decode(byte[] stored) {
        check(stored);
        return stored[0] == TOMBSTONE ? null : Arrays.copyOfRange(stored, HEADER, stored.length);
    }

    /** The transaction that wrote this version. */
    public static long writerTxnId(byte[] stored) {
        check(stored);
        return ByteBuffer.wrap(stored, 1, Long.BYTES).getLong();
    }

    private static void check(byte[] stored) {
        if (stored.length < HEADER || (stored[0] != PUT && stored[0] != TOMBSTONE)) {
            throw new IllegalArgumentException("Corrupt version value");
        }
    }
}

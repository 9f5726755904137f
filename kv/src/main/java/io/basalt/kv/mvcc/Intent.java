package io.basalt.kv.mvcc;

import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * A provisional write of an unfinished transaction; at most one per user key, stored in
 * {@link io.basalt.kv.engine.ColumnFamily#INTENTS} under the plain user key. An intent is also the
 * transaction's exclusive lock on the key. It names the transaction and the key of its transaction
 * record, so that anyone who meets it can find out whether it committed (ARCHITECTURE.md section 3).
 *
 * <pre>
 *   +------+------+---------------+-----------------+------------+-------------------+
 *   | 0x01 | kind | txnId (8, BE) | recLen (4, BE)  | record key | value (the rest)  |
 *   +------+------+---------------+-----------------+------------+-------------------+
 *   kind: 1 = put, 2 = delete (no value bytes)
 * </pre>
 *
 * @param txnId the writing transaction (its unique start timestamp)
 * @param recordKey the user key that anchors the transaction's record (its first written key)
 * @param value the new row bytes, or null for a delete
 */
public record Intent(long txnId, byte[] recordKey, byte[] value) {
    private static final byte FORMAT = 0x01;
    private static final byte PUT = 1;
    private static final byte DELETE = 2;
    private static final int HEADER = 1 + 1 + 8 + 4;

    public boolean isDelete() {
        return value == null;
    }

    public byte[] encode() {
        int valueLength = value == null ? 0 : value.length;
        ByteBuffer out = ByteBuffer.allocate(HEADER + recordKey.length + valueLength);
        out.put(FORMAT).put(value == null ? DELETE : PUT).putLong(txnId).putInt(recordKey.length).put(recordKey);
        if (value != null) {
            out.put(value);
        }
        return out.array();
    }

    public static Intent decode(byte[] bytes) {
        if (bytes.length < HEADER || bytes[0] != FORMAT || (bytes[1] != PUT && bytes[1] != DELETE)) {
            throw new IllegalArgumentException("Corrupt intent");
        }
        ByteBuffer in = ByteBuffer.wrap(bytes, 2, bytes.length - 2);
        long txnId = in.getLong();
        int recordLength = in.getInt();
        if (recordLength < 0 || recordLength > in.remaining()) {
            throw new IllegalArgumentException("Corrupt intent record key length");
        }
        byte[] recordKey = new byte[recordLength];
        in.get(recordKey);
        byte[] value = bytes[1] == DELETE ? null : Arrays.copyOfRange(bytes, in.position(), bytes.length);
        return new Intent(txnId, recordKey, value);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Intent other
                && txnId == other.txnId
                && Arrays.equals(recordKey, other.recordKey)
                && Arrays.equals(value, other.value);
    }

    @Override
    public int hashCode() {
        return Long.hashCode(txnId) * 31 + Arrays.hashCode(recordKey);
    }

    @Override
    public String toString() {
        return "Intent[txnId=" + txnId + ", " + (value == null ? "delete" : "put " + value.length + " bytes") + "]";
    }
}

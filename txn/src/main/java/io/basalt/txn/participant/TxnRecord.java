package io.basalt.txn.participant;

import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * The durable record of a transaction that wrote, stored in the partition of its first written key
 * (the record key). Its status is the single source of truth for the transaction's fate: the commit
 * point of two-phase commit is the write of COMMITTED here.
 *
 * <p>Key in {@link io.basalt.kv.engine.ColumnFamily#TXNS}: {@code recordKey ++ txnId (8 bytes, BE)},
 * so different transactions anchored at the same user key never share a record, and a partition's
 * records lie inside its key range.
 *
 * <pre>
 *   value: | 0x01 | status (1) | txnId (8, BE) | commitTs (8, BE) | minCommitTs (8, BE) |
 * </pre>
 *
 * @param minCommitTs readers that skipped the transaction's intents pushed it here: it may only
 *     commit at or above this timestamp
 */
public record TxnRecord(TxnStatus status, long txnId, long commitTs, long minCommitTs) {
    private static final byte FORMAT = 0x01;
    private static final int LENGTH = 1 + 1 + 8 + 8 + 8;

    public static byte[] key(byte[] recordKey, long txnId) {
        byte[] out = Arrays.copyOf(recordKey, recordKey.length + Long.BYTES);
        ByteBuffer.wrap(out, recordKey.length, Long.BYTES).putLong(txnId);
        return out;
    }

    public static TxnRecord pending(long txnId) {
        return new TxnRecord(TxnStatus.PENDING, txnId, 0, 0);
    }

    public TxnRecord withStatus(TxnStatus newStatus, long newCommitTs) {
        return new TxnRecord(newStatus, txnId, newCommitTs, minCommitTs);
    }

    public TxnRecord pushedTo(long ts) {
        return new TxnRecord(status, txnId, commitTs, Math.max(minCommitTs, ts));
    }

    public TxnStatusReply reply() {
        return new TxnStatusReply(status, commitTs);
    }

    public byte[] encode() {
        return ByteBuffer.allocate(LENGTH)
                .put(FORMAT)
                .put((byte) status.ordinal())
                .putLong(txnId)
                .putLong(commitTs)
                .putLong(minCommitTs)
                .array();
    }

    public static TxnRecord decode(byte[] bytes) {
        if (bytes.length != LENGTH || bytes[0] != FORMAT || bytes[1] < 0 || bytes[1] >= TxnStatus.MISSING.ordinal()) {
            throw new IllegalArgumentException("Corrupt transaction record");
        }
        ByteBuffer in = ByteBuffer.wrap(bytes, 2, LENGTH - 2);
        return new TxnRecord(TxnStatus.values()[bytes[1]], in.getLong(), in.getLong(), in.getLong());
    }
}

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
 *   value: | 0x02 | status (1) | txnId (8) | commitTs (8) | minCommitTs (8) | heartbeat ms (8) |   all BE
 * </pre>
 *
 * @param minCommitTs readers that skipped the transaction's intents pushed it here: it may only
 *     commit at or above this timestamp
 * @param heartbeatMillis when the coordinator last showed it is alive, by the clock of the
 *     partition that holds the record (only that clock is ever compared with it)
 */
public record TxnRecord(TxnStatus status, long txnId, long commitTs, long minCommitTs, long heartbeatMillis) {
    private static final byte FORMAT = 0x02;
    private static final int LENGTH = 1 + 1 + 8 + 8 + 8 + 8;

    public static byte[] key(byte[] recordKey, long txnId) {
        byte[] out = Arrays.copyOf(recordKey, recordKey.length + Long.BYTES);
        ByteBuffer.wrap(out, recordKey.length, Long.BYTES).putLong(txnId);
        return out;
    }

    public static TxnRecord pending(long txnId, long nowMillis) {
        return new TxnRecord(TxnStatus.PENDING, txnId, 0, 0, nowMillis);
    }

    public TxnRecord withStatus(TxnStatus newStatus, long newCommitTs) {
        return new TxnRecord(newStatus, txnId, newCommitTs, minCommitTs, heartbeatMillis);
    }

    public TxnRecord pushedTo(long ts) {
        return new TxnRecord(status, txnId, commitTs, Math.max(minCommitTs, ts), heartbeatMillis);
    }

    public TxnRecord heartbeat(long nowMillis) {
        return new TxnRecord(status, txnId, commitTs, minCommitTs, Math.max(heartbeatMillis, nowMillis));
    }

    /** Whether the coordinator has been silent for longer than {@code expiryMillis}. */
    public boolean expired(long nowMillis, long expiryMillis) {
        return status == TxnStatus.PENDING && nowMillis - heartbeatMillis > expiryMillis;
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
                .putLong(heartbeatMillis)
                .array();
    }

    public static TxnRecord decode(byte[] bytes) {
        if (bytes.length != LENGTH || bytes[0] != FORMAT || bytes[1] < 0 || bytes[1] >= TxnStatus.MISSING.ordinal()) {
            throw new IllegalArgumentException("Corrupt transaction record");
        }
        ByteBuffer in = ByteBuffer.wrap(bytes, 2, LENGTH - 2);
        return new TxnRecord(TxnStatus.values()[bytes[1]], in.getLong(), in.getLong(), in.getLong(), in.getLong());
    }
}

package io.basalt.kv.mvcc;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A provisional write of an unfinished transaction; at most one per user key, stored in
 * {@link io.basalt.kv.engine.ColumnFamily#INTENTS} under the plain user key. An intent is also the
 * transaction's exclusive lock on the key. It names the transaction and the key of its transaction
 * record, so that anyone who meets it can find out whether it committed (ARCHITECTURE.md section 3).
 *
 * <p>It also remembers the transaction's earlier writes of the key, by statement sequence number,
 * so that one statement can be undone without undoing the transaction (a READ COMMITTED statement
 * that must run again at a newer snapshot; savepoints later), as CockroachDB's intent history does.
 *
 * <pre>
 *   +------+------+---------------+-----------+----------------+------------+
 *   | 0x02 | kind | txnId (8, BE) | seq (4)   | recLen (4, BE) | record key |
 *   +------+------+---------------+-----------+----------------+------------+
 *   | valueLen (4) | value | historyCount (2) | history entries ...           |
 *   history entry: | seq (4) | kind (1) | valueLen (4) | value |   (oldest first)
 *   kind: 1 = put, 2 = delete (no value bytes), 3 = lock only (no value bytes: the row is
 *         unchanged; SELECT ... FOR UPDATE takes such an exclusive lock)
 * </pre>
 *
 * @param txnId the writing transaction (its unique id)
 * @param seq the statement of that transaction that wrote the current value
 * @param recordKey the user key that anchors the transaction's record (its first written key)
 * @param kind what the transaction did to the key
 * @param value the new row bytes for a put, else null
 * @param history earlier writes of the same key by the same transaction, oldest first
 */
public record Intent(long txnId, int seq, byte[] recordKey, Kind kind, byte[] value, List<Write> history) {
    private static final byte FORMAT = 0x02;

    /** What an intent does to its key. */
    public enum Kind {
        PUT((byte) 1),
        DELETE((byte) 2),
        /** An exclusive lock that leaves the row as it is. */
        LOCK((byte) 3);

        private final byte code;

        Kind(byte code) {
            this.code = code;
        }

        static Kind of(byte code) {
            for (Kind kind : values()) {
                if (kind.code == code) {
                    return kind;
                }
            }
            throw new IllegalArgumentException("Corrupt intent: unknown kind " + code);
        }
    }

    /** An earlier write of the key by the same transaction. */
    public record Write(int seq, Kind kind, byte[] value) {
        @Override
        public boolean equals(Object o) {
            return o instanceof Write other && seq == other.seq && kind == other.kind && Arrays.equals(value, other.value);
        }

        @Override
        public int hashCode() {
            return seq * 31 + Arrays.hashCode(value);
        }
    }

    public Intent {
        history = List.copyOf(history);
        if ((kind == Kind.PUT) != (value != null)) {
            throw new IllegalArgumentException("a put carries a value, a delete or lock none");
        }
    }

    /** A first write of the key by the transaction: a put of {@code value}, or a delete if it is null. */
    public Intent(long txnId, int seq, byte[] recordKey, byte[] value) {
        this(txnId, seq, recordKey, value == null ? Kind.DELETE : Kind.PUT, value, List.of());
    }

    /** A first exclusive lock of the key by the transaction, leaving the row as it is. */
    public static Intent lock(long txnId, int seq, byte[] recordKey) {
        return new Intent(txnId, seq, recordKey, Kind.LOCK, null, List.of());
    }

    public boolean isDelete() {
        return kind == Kind.DELETE;
    }

    public boolean isLockOnly() {
        return kind == Kind.LOCK;
    }

    /**
     * This intent overwritten by a later write of the same transaction: the current value goes
     * into the history unless it was written by the same statement (which it simply replaces).
     */
    public Intent overwrittenBy(int newSeq, Kind newKind, byte[] newValue) {
        if (newSeq == seq) {
            return new Intent(txnId, seq, recordKey, newKind, newValue, history);
        }
        List<Write> older = new ArrayList<>(history);
        older.add(new Write(seq, kind, value));
        return new Intent(txnId, newSeq, recordKey, newKind, newValue, older);
    }

    /**
     * The intent as it was before statement {@code fromSeq} and every later one wrote it, or null
     * if the transaction had not written the key before {@code fromSeq}.
     */
    public Intent rolledBackTo(int fromSeq) {
        if (seq < fromSeq) {
            return this;
        }
        for (int i = history.size() - 1; i >= 0; i--) {
            Write write = history.get(i);
            if (write.seq() < fromSeq) {
                return new Intent(txnId, write.seq(), recordKey, write.kind(), write.value(), history.subList(0, i));
            }
        }
        return null;
    }

    public byte[] encode() {
        int size = 1 + 1 + 8 + 4 + 4 + recordKey.length + 4 + length(value) + 2;
        for (Write write : history) {
            size += 4 + 1 + 4 + length(write.value());
        }
        ByteBuffer out = ByteBuffer.allocate(size);
        out.put(FORMAT).put(kind.code).putLong(txnId).putInt(seq)
                .putInt(recordKey.length).put(recordKey);
        putValue(out, value);
        out.putShort((short) history.size());
        for (Write write : history) {
            out.putInt(write.seq()).put(write.kind().code);
            putValue(out, write.value());
        }
        return out.array();
    }

    public static Intent decode(byte[] bytes) {
        try {
            ByteBuffer in = ByteBuffer.wrap(bytes);
            if (in.get() != FORMAT) {
                throw new IllegalArgumentException("Corrupt intent: unknown format");
            }
            Kind kind = Kind.of(in.get());
            long txnId = in.getLong();
            int seq = in.getInt();
            byte[] recordKey = bytes(in, in.getInt());
            byte[] value = readValue(in, kind);
            int count = in.getShort() & 0xFFFF;
            List<Write> history = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                int writeSeq = in.getInt();
                Kind writeKind = Kind.of(in.get());
                history.add(new Write(writeSeq, writeKind, readValue(in, writeKind)));
            }
            if (in.hasRemaining()) {
                throw new IllegalArgumentException("Corrupt intent: trailing bytes");
            }
            return new Intent(txnId, seq, recordKey, kind, value, history);
        } catch (java.nio.BufferUnderflowException | IndexOutOfBoundsException e) {
            throw new IllegalArgumentException("Corrupt intent: truncated", e);
        }
    }

    private static int length(byte[] value) {
        return value == null ? 0 : value.length;
    }

    private static void putValue(ByteBuffer out, byte[] value) {
        out.putInt(length(value));
        if (value != null) {
            out.put(value);
        }
    }

    private static byte[] readValue(ByteBuffer in, Kind kind) {
        byte[] value = bytes(in, in.getInt());
        return kind == Kind.PUT ? value : null;
    }

    private static byte[] bytes(ByteBuffer in, int length) {
        if (length < 0 || length > in.remaining()) {
            throw new IllegalArgumentException("Corrupt intent: bad length");
        }
        byte[] out = new byte[length];
        in.get(out);
        return out;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Intent other && txnId == other.txnId && seq == other.seq && kind == other.kind
                && Arrays.equals(recordKey, other.recordKey) && Arrays.equals(value, other.value)
                && history.equals(other.history);
    }

    @Override
    public int hashCode() {
        return Long.hashCode(txnId) * 31 + seq;
    }

    @Override
    public String toString() {
        return "Intent[txnId=" + txnId + ", seq=" + seq + ", " + kind + (value == null ? "" : " " + value.length + " bytes")
                + ", history=" + history.size() + "]";
    }
}

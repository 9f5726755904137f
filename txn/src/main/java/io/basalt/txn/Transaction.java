package io.basalt.txn;

import java.util.Iterator;

/**
 * The client side of one transaction (ARCHITECTURE.md section 3). Reads see the snapshot at
 * {@link #readTimestamp()} plus the transaction's own flushed writes. Writes are buffered until
 * {@link #flush()} (the end of a statement, so a statement never reads its own writes: no
 * Halloween problem) and then written as intents, which are exclusive locks; {@link #commit()}
 * flushes, then commits in one phase when one partition was written and in two phases otherwise.
 *
 * <p>Threading: one thread at a time, like the session that owns it. After any exception the
 * transaction may be half-written; the owner must call {@link #rollback()}.
 */
public interface Transaction {

    /** The unique id, which is also the start timestamp: smaller ids are older transactions. */
    long id();

    long readTimestamp();

    IsolationLevel isolation();

    /** The value of {@code key}, or null if there is none. */
    byte[] get(byte[] key);

    /**
     * The keys of {@code [start, end)} with their values, in key order. The range must lie inside
     * one partition. The iterator reads in pages; it does not need closing.
     */
    Iterator<KeyValue> scan(byte[] start, byte[] end);

    /** Writes {@code value} under {@code key}, whether or not the key exists. */
    void put(byte[] key, byte[] value);

    /** Writes a new key; {@link #flush()} fails with {@link DuplicateKeyException} if it already exists. */
    void insert(byte[] key, byte[] value);

    void delete(byte[] key);

    /** Sends the buffered writes as intents. */
    void flush();

    /** Commits; a read-only transaction just ends. Throws {@link TransactionRetryException} on conflict. */
    void commit();

    /** Aborts and removes this transaction's intents. Idempotent; never throws for a finished transaction. */
    void rollback();

    boolean isActive();
}

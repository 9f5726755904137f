package io.basalt.txn;

import java.util.Iterator;
import java.util.List;

/**
 * The client side of one transaction (ARCHITECTURE.md section 3). Reads see the transaction's
 * snapshot (each statement's at READ COMMITTED; the latest, under shared locks, at two-phase
 * locking) plus its own flushed writes. Writes are buffered until {@link #flush()} (the end of a
 * statement, so a statement never reads its own writes: no Halloween problem) and then written
 * as intents, which are exclusive locks; {@link #commit()} flushes, then commits in one phase
 * when one partition was written and in two phases otherwise.
 *
 * <p>Threading: one thread at a time, like the session that owns it. After any exception the
 * transaction may be half-written; the owner must call {@link #rollback()} (except after a
 * {@link StatementRetryException}, where {@link #rollbackStatement()} undoes just the statement).
 */
public interface Transaction {

    /** The unique id, also the start timestamp: smaller ids are older transactions. */
    long id();

    /** The snapshot the current statement reads at. */
    long readTimestamp();

    /**
     * Its age for choosing deadlock victims: the youngest (largest) on a cycle is aborted. Its id,
     * unless it was begun as the retry of a transaction that aborted, whose age it keeps, so that
     * a client retrying a victim is not the youngest every time (starvation).
     */
    long priority();

    IsolationLevel isolation();

    /**
     * Starts a statement: a new sequence number for its writes and, at READ COMMITTED, a new
     * snapshot. Call it before each statement's first read or write.
     */
    void beginStatement();

    /** Undoes the current statement's writes (its buffered ones and its intents); the transaction goes on. */
    void rollbackStatement();

    /** The value of {@code key}, or null if there is none. */
    byte[] get(byte[] key);

    /**
     * The values of {@code keys}, in their order (null: no row), read as {@link #get} reads each,
     * with one request per partition instead of one per key.
     */
    List<byte[]> getAll(List<byte[]> keys);

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

    /**
     * Locks existing rows now, as {@code SELECT ... FOR UPDATE / FOR SHARE} does, waiting for
     * other holders (or failing at once with 55P03 when {@code noWait}).
     */
    void lock(List<byte[]> keys, LockStrength strength, boolean noWait);

    /**
     * Takes a shared lock on {@code key} (waiting like {@link #lock}) and returns its latest
     * committed value, or this transaction's own write, whatever the snapshot: what a
     * foreign-key check needs to know about a parent row that no one may delete until this
     * transaction ends.
     */
    byte[] lockShared(byte[] key, boolean noWait);

    /** How many requests this transaction has sent to partitions so far (EXPLAIN ANALYZE). */
    long requestCount();

    /** The partitions this transaction has sent requests to so far (EXPLAIN ANALYZE). */
    java.util.BitSet partitionsTouched();

    /** How long this transaction waits for a lock before 55P03; 0 waits as long as it takes. */
    void setLockTimeout(long millis);

    /**
     * The running statement's cancel flag: scans and lock waits of this transaction check it and fail
     * with its error (57014) once it is set. The session sets a new one for every statement.
     */
    void setCancellation(Cancellation cancellation);

    Cancellation cancellation();

    /** Sends the buffered writes as intents. */
    void flush();

    /** Commits; a read-only transaction just ends. Throws {@link TransactionRetryException} on conflict. */
    void commit();

    /** Aborts and removes this transaction's intents and locks. Idempotent; never throws for a finished transaction. */
    void rollback();

    boolean isActive();
}

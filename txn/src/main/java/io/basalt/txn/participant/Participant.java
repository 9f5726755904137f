package io.basalt.txn.participant;

import io.basalt.kv.engine.ColumnFamily;
import io.basalt.kv.engine.EngineBatch;
import io.basalt.kv.engine.RocksEngine;
import io.basalt.kv.gc.VersionGarbageCollector;
import io.basalt.kv.mvcc.MvccReader;
import io.basalt.txn.timestamp.TimestampOracle;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * The leader-side host of one partition: the state that {@link PartitionCommand}s execute against.
 *
 * <p>Durable state (versions, intents, transaction records) lives in the shared {@link RocksEngine}
 * and changes only through commands, each in one atomic batch, so the partition is a deterministic
 * state machine that a replicated version can log and re-apply (ARCHITECTURE.md section 1).
 * Beside it lives in-memory, unreplicated state: the {@link KeyLatches} that make a command's
 * check-then-write atomic, the {@link LockTable} (shared locks, range locks, wait queues), and for
 * serializable snapshot isolation the {@link SsiReadMarkers} and the {@link SsiConflicts} of the
 * transactions whose home this partition is, and the {@link PendingCommits} of one-batch commits in
 * flight (which latch-free snapshot readers wait for).
 *
 * <p>Threading: commands run on the caller's thread, concurrently. Lock order: key latches
 * (ascending stripes), then the range latch, then the monitors of the lock table, read markers or
 * conflict flags, or the timestamp oracle's (a one-batch commit takes its commit timestamp under
 * its latches; the oracle calls nothing back). No latch is held while waiting for another
 * transaction; a snapshot read may wait for a pending one-batch commit, holding nothing.
 */
public final class Participant {
    private final int partitionId;
    private final RocksEngine engine;
    private final MvccReader reader;
    private final LongSupplier clockMillis;
    private final long txnExpiryMillis;
    private final KeyLatches latches = new KeyLatches();
    /** Shared by writers checking range locks; exclusive while a range lock is granted. */
    private final ReentrantReadWriteLock rangeLatch = new ReentrantReadWriteLock();
    private final LockTable lockTable;
    private final SsiReadMarkers readMarkers = new SsiReadMarkers();
    private final SsiConflicts conflicts = new SsiConflicts();
    private final VersionGarbageCollector versionCollector;
    private final PendingCommits pendingCommits = new PendingCommits();
    /** Null when this participant cannot take commit timestamps: one-batch commits fall back. */
    private final TimestampOracle timestamps;

    /**
     * A participant without an oracle: every transaction commits through intents (tests, and
     * benchmarks of the read path).
     */
    public Participant(int partitionId, RocksEngine engine, LongSupplier clockMillis, long txnExpiryMillis) {
        this(partitionId, engine, clockMillis, txnExpiryMillis, null);
    }

    /**
     * @param clockMillis this partition's clock: heartbeats are stamped and checked against it only
     * @param txnExpiryMillis a pending transaction whose coordinator was silent this long may be aborted
     * @param timestamps the cluster's timestamp oracle, from which {@link OnePhaseCommitCommand}
     *     takes commit timestamps while it holds its keys' latches; null disables that command
     */
    public Participant(int partitionId, RocksEngine engine, LongSupplier clockMillis, long txnExpiryMillis,
                       TimestampOracle timestamps) {
        this.timestamps = timestamps;
        this.partitionId = partitionId;
        this.engine = engine;
        this.reader = new MvccReader(engine);
        this.clockMillis = clockMillis;
        this.txnExpiryMillis = txnExpiryMillis;
        this.lockTable = new LockTable(clockMillis, txnExpiryMillis);
        this.versionCollector = new VersionGarbageCollector(engine);
    }

    public <R> CompletableFuture<R> execute(PartitionCommand<R> command) {
        return command.execute(this);
    }

    public int partitionId() {
        return partitionId;
    }

    public RocksEngine engine() {
        return engine;
    }

    public MvccReader reader() {
        return reader;
    }

    public KeyLatches latches() {
        return latches;
    }

    public ReentrantReadWriteLock rangeLatch() {
        return rangeLatch;
    }

    public LockTable lockTable() {
        return lockTable;
    }

    public SsiReadMarkers readMarkers() {
        return readMarkers;
    }

    public SsiConflicts conflicts() {
        return conflicts;
    }

    public PendingCommits pendingCommits() {
        return pendingCommits;
    }

    /** The oracle commit timestamps are taken from here, or null (see the constructor). */
    public TimestampOracle timestamps() {
        return timestamps;
    }

    public VersionGarbageCollector versionCollector() {
        return versionCollector;
    }

    public long nowMillis() {
        return clockMillis.getAsLong();
    }

    public long txnExpiryMillis() {
        return txnExpiryMillis;
    }

    /**
     * Runs {@code body} holding the latches of {@code keys} (and of {@code extraKey} if not null):
     * the check-then-write of one command. Never wait for another transaction inside.
     */
    public <T> T latched(Collection<byte[]> keys, byte[] extraKey, Supplier<T> body) {
        List<byte[]> all = new ArrayList<>(keys.size() + 1);
        all.addAll(keys);
        if (extraKey != null) {
            all.add(extraKey);
        }
        int[] stripes = latches.stripesFor(all);
        latches.acquire(stripes);
        try {
            return body.get();
        } finally {
            latches.release(stripes);
        }
    }

    /** The record of {@code txnId} anchored at {@code recordKey}, or null. */
    public TxnRecord readRecord(byte[] recordKey, long txnId) {
        byte[] raw = engine.get(ColumnFamily.TXNS, TxnRecord.key(recordKey, txnId));
        return raw == null ? null : TxnRecord.decode(raw);
    }

    public void putRecord(EngineBatch batch, byte[] recordKey, TxnRecord record) {
        batch.put(ColumnFamily.TXNS, TxnRecord.key(recordKey, record.txnId()), record.encode());
    }

    public void deleteRecord(EngineBatch batch, byte[] recordKey, long txnId) {
        batch.delete(ColumnFamily.TXNS, TxnRecord.key(recordKey, txnId));
    }

    /** Wakes the waiters of {@code keys} and releases {@code txnId}'s in-memory locks: it has ended here. */
    public void afterTransactionEnded(long txnId, Collection<byte[]> keys) {
        lockTable.releaseAll(txnId);
        keys.forEach(lockTable::released);
    }
}

package io.basalt.txn.participant;

import io.basalt.kv.engine.ColumnFamily;
import io.basalt.kv.engine.EngineBatch;
import io.basalt.kv.engine.RocksEngine;
import io.basalt.kv.mvcc.MvccReader;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * The leader-side host of one partition: the state that {@link PartitionCommand}s execute against.
 *
 * <p>Durable state (versions, intents, transaction records) lives in the shared {@link RocksEngine}
 * and changes only through commands, each in one atomic batch, so the partition is a deterministic
 * state machine that a replicated version can log and re-apply (ARCHITECTURE.md section 1).
 * Beside it lives in-memory, unreplicated state: the {@link KeyLatches} that make a command's
 * check-then-write atomic, and the {@link TxnWaitQueue}. After a leader change those start empty,
 * which is safe: latches protect single commands, and waiters retry.
 *
 * <p>Threading: commands run on the caller's thread, concurrently; each takes the latches of the
 * keys it writes. Lock order: latches (ascending stripes), then the wait-queue monitor. Never the
 * other way round, and no latch is held while waiting for another transaction.
 */
public final class Participant {
    private final int partitionId;
    private final RocksEngine engine;
    private final MvccReader reader;
    private final KeyLatches latches = new KeyLatches();
    private final TxnWaitQueue waitQueue = new TxnWaitQueue();

    public Participant(int partitionId, RocksEngine engine) {
        this.partitionId = partitionId;
        this.engine = engine;
        this.reader = new MvccReader(engine);
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

    public TxnWaitQueue waitQueue() {
        return waitQueue;
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

    public TxnStatus recordStatus(byte[] recordKey, long txnId) {
        TxnRecord record = readRecord(recordKey, txnId);
        return record == null ? TxnStatus.MISSING : record.status();
    }

    public void putRecord(EngineBatch batch, byte[] recordKey, TxnRecord record) {
        batch.put(ColumnFamily.TXNS, TxnRecord.key(recordKey, record.txnId()), record.encode());
    }

    public void deleteRecord(EngineBatch batch, byte[] recordKey, long txnId) {
        batch.delete(ColumnFamily.TXNS, TxnRecord.key(recordKey, txnId));
    }
}

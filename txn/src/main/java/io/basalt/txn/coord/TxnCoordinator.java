package io.basalt.txn.coord;

import java.util.function.Supplier;
import java.util.Locale;
import io.basalt.kv.mvcc.MvccEntry;
import io.basalt.txn.IsolationLevel;
import io.basalt.txn.KeyValue;
import io.basalt.txn.Transaction;
import io.basalt.txn.TxnConfig;
import io.basalt.txn.TxnErrors;
import io.basalt.txn.TxnStats;
import io.basalt.txn.participant.Mutation;
import io.basalt.kv.mvcc.ScanBatch;
import io.basalt.txn.participant.ReadCommand;
import io.basalt.txn.participant.ScanCommand;
import io.basalt.txn.participant.TxnMeta;
import io.basalt.txn.participant.WriteIntentsCommand;
import io.basalt.txn.participant.WriteIntentsReply;
import io.basalt.txn.routing.PartitionClient;
import io.basalt.txn.routing.PartitionRouter;
import io.basalt.txn.timestamp.TimestampOracle;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The coordinator of one snapshot-isolation transaction, running in the client's process (the
 * gateway). It reads through {@link IntentVisibility}, buffers each statement's writes in a
 * {@link WriteBuffer}, writes them as intents on {@link #flush()} (clearing conflicts with a
 * {@link WriteConflictHandler}), and ends with a {@link TwoPhaseCommitter}.
 *
 * <p>The transaction record is anchored at the first key the transaction writes; the first flush
 * sends that key's partition its batch before any other, with the record, so that every intent
 * anyone can meet has a record to look up.
 *
 * <p>State machine (one thread at a time, the owning session's):
 * <pre>
 *   ACTIVE --commit ok--> COMMITTED
 *   ACTIVE --commit fails / any write fails--> FAILED --rollback--> ROLLED_BACK
 *   ACTIVE --rollback--> ROLLED_BACK
 * </pre>
 */
public final class TxnCoordinator implements Transaction {
    private static final int MAX_REREADS = 3;

    private enum State { ACTIVE, FAILED, COMMITTED, ROLLED_BACK }

    private final long id;
    private final long readTs;
    private final PartitionRouter router;
    private final PartitionCalls calls;
    private final TxnConfig config;
    private final IntentVisibility visibility;
    private final WriteConflictHandler conflicts;
    private final TwoPhaseCommitter committer;
    private final TxnStats stats;
    private final WriteBuffer buffer = new WriteBuffer();
    /** Keys with intents, per partition, deduplicated, in first-write order. */
    private final Map<Integer, Set<ByteBuffer>> writtenKeys = new TreeMap<>();
    private State state = State.ACTIVE;
    private byte[] recordKey;
    private int recordPartition = -1;
    private boolean recordCreated;
    private long commitTs;

    public TxnCoordinator(long id, PartitionRouter router, PartitionClient client, TimestampOracle tso,
                          TxnStats stats, TxnConfig config) {
        this.id = id;
        this.readTs = id;
        this.router = router;
        this.calls = new PartitionCalls(client);
        this.config = config;
        this.stats = stats;
        this.visibility = new IntentVisibility(id, readTs, router, calls, stats);
        this.conflicts = new WriteConflictHandler(id, router, calls, stats, config);
        this.committer = new TwoPhaseCommitter(id, calls, tso, stats);
    }

    @Override
    public long id() {
        return id;
    }

    @Override
    public long readTimestamp() {
        return readTs;
    }

    @Override
    public IsolationLevel isolation() {
        return IsolationLevel.SNAPSHOT;
    }

    /** The commit timestamp, once committed; 0 before (or for a read-only transaction). */
    public long commitTimestamp() {
        return commitTs;
    }

    @Override
    public boolean isActive() {
        return state == State.ACTIVE;
    }

    @Override
    public byte[] get(byte[] key) {
        ensureActive();
        int partition = router.partitionOf(key);
        for (int attempt = 0; attempt < MAX_REREADS; attempt++) {
            MvccEntry entry = failOnError(() -> calls.call(partition, new ReadCommand(key, readTs)));
            if (entry.intent() == null) {
                return entry.committedValue();
            }
            switch (failOnError(() -> visibility.decide(entry.intent()))) {
                case INTENT_VALUE:
                    return entry.intent().value();
                case COMMITTED_VALUE:
                    return entry.committedValue();
                default:
                    // The writer finished and cleaned up between our read and our push: read again.
            }
        }
        // An intent without a record three times running is an aborted transaction's leftover.
        return failOnError(() -> calls.call(partition, new ReadCommand(key, readTs))).committedValue();
    }

    @Override
    public Iterator<KeyValue> scan(byte[] start, byte[] end) {
        ensureActive();
        return new TxnScanIterator(this, router.partitionOf(start), start, end);
    }

    /**
     * Used by {@link TxnScanIterator}: reads one page of a scan and judges its intents. Returns the
     * visible entries; {@code resume[0]} receives where the next page starts (null at the end).
     */
    List<KeyValue> scanPage(int partition, byte[] start, byte[] end, byte[][] resume) {
        ensureActive();
        ScanBatch batch = failOnError(() -> calls.call(partition,
                new ScanCommand(start, end, readTs, config.scanPageSize())));
        resume[0] = batch.resumeKey();
        List<KeyValue> visible = new ArrayList<>(batch.entries().size());
        for (MvccEntry entry : batch.entries()) {
            byte[] value;
            if (entry.intent() == null) {
                value = entry.committedValue();
            } else {
                value = switch (failOnError(() -> visibility.decide(entry.intent()))) {
                    case INTENT_VALUE -> entry.intent().value();
                    case COMMITTED_VALUE -> entry.committedValue();
                    case REREAD -> get(entry.key());
                };
            }
            if (value != null) {
                visible.add(new KeyValue(entry.key(), value));
            }
        }
        return visible;
    }

    @Override
    public void put(byte[] key, byte[] value) {
        ensureActive();
        buffer.add(Mutation.put(key, value));
    }

    @Override
    public void insert(byte[] key, byte[] value) {
        ensureActive();
        buffer.add(Mutation.insert(key, value));
    }

    @Override
    public void delete(byte[] key) {
        ensureActive();
        buffer.add(Mutation.delete(key));
    }

    @Override
    public void flush() {
        ensureActive();
        if (buffer.isEmpty()) {
            return;
        }
        if (recordKey == null) {
            recordKey = buffer.first().key();
            recordPartition = router.partitionOf(recordKey);
        }
        Map<Integer, List<Mutation>> groups = buffer.drainByPartition(router);
        List<Mutation> recordGroup = groups.remove(recordPartition);
        if (recordGroup != null) {
            writeIntents(recordPartition, recordGroup);
        }
        groups.forEach(this::writeIntents);
    }

    private void writeIntents(int partition, List<Mutation> mutations) {
        boolean createRecord = partition == recordPartition && !recordCreated;
        TxnMeta meta = new TxnMeta(id, readTs, recordKey);
        failOnError(() -> {
            while (true) {
                WriteIntentsReply reply = calls.call(partition, new WriteIntentsCommand(meta, mutations, createRecord));
                if (reply.written()) {
                    return null;
                }
                conflicts.handle(reply.conflict(), reply.conflictKey(), partition);
            }
        });
        if (createRecord) {
            recordCreated = true;
        }
        Set<ByteBuffer> keys = writtenKeys.computeIfAbsent(partition, p -> new LinkedHashSet<>());
        mutations.forEach(m -> keys.add(ByteBuffer.wrap(m.key())));
    }

    @Override
    public void commit() {
        ensureActive();
        flush();
        if (writtenKeys.isEmpty()) {
            state = State.COMMITTED;
            stats.readOnlyCommit();
            return;
        }
        commitTs = failOnError(() -> committer.commit(recordKey, recordPartition, keyLists()));
        state = State.COMMITTED;
    }

    @Override
    public void rollback() {
        if (state == State.COMMITTED || state == State.ROLLED_BACK) {
            return;
        }
        buffer.clear();
        state = State.ROLLED_BACK;
        stats.rollback();
        if (recordKey != null) {
            committer.abort(recordKey, recordPartition, keyLists());
        }
    }

    private Map<Integer, List<byte[]>> keyLists() {
        Map<Integer, List<byte[]>> lists = new TreeMap<>();
        writtenKeys.forEach((partition, keys) -> {
            List<byte[]> list = new ArrayList<>(keys.size());
            keys.forEach(k -> list.add(k.array()));
            lists.put(partition, list);
        });
        return lists;
    }

    private void ensureActive() {
        if (state != State.ACTIVE) {
            throw TxnErrors.notActive(id, state.name().toLowerCase(Locale.ROOT).replace('_', ' '));
        }
    }

    /** Runs a step; any failure leaves the transaction FAILED (it must be rolled back). */
    private <T> T failOnError(Supplier<T> step) {
        try {
            return step.get();
        } catch (RuntimeException e) {
            state = State.FAILED;
            throw e;
        }
    }
}

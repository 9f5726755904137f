package io.basalt.txn.coord;

import io.basalt.kv.mvcc.MvccEntry;
import io.basalt.kv.mvcc.ScanBatch;
import io.basalt.txn.Cancellation;
import io.basalt.txn.CoordinatorCrash;
import io.basalt.txn.FaultPoint;
import io.basalt.txn.IsolationLevel;
import io.basalt.txn.KeyValue;
import io.basalt.txn.LockStrength;
import io.basalt.txn.StatementRetryException;
import io.basalt.txn.Transaction;
import io.basalt.txn.TransactionRetryException;
import io.basalt.txn.TxnErrors;
import io.basalt.txn.participant.HeartbeatCommand;
import io.basalt.txn.participant.LockTable;
import io.basalt.txn.participant.LockingReadCommand;
import io.basalt.txn.participant.LockingReadReply;
import io.basalt.txn.participant.MultiReadCommand;
import io.basalt.txn.participant.Mutation;
import io.basalt.txn.participant.ReadCommand;
import io.basalt.txn.participant.RollbackStatementCommand;
import io.basalt.txn.participant.ScanCommand;
import io.basalt.txn.participant.TxnMeta;
import io.basalt.txn.participant.WriteIntentsCommand;
import io.basalt.txn.participant.WriteIntentsReply;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.function.LongConsumer;
import java.util.function.Supplier;

/**
 * The coordinator of one transaction, in the client's process (the gateway). It is assembled from
 * stages, each a small class (CockroachDB's interceptor stack): reads judge intents through
 * {@link IntentVisibility}; writes are buffered per statement in a {@link WriteBuffer} and written
 * as intents on {@link #flush()} (or, when a commit finds them still buffered and all on one
 * partition, sent as the commit itself: the one-phase commit in one batch); refused commands wait in a {@link LockWaiter}; serializable
 * snapshot isolation reports rw-antidependencies to an {@link SsiGuard}; the end goes through a
 * {@link TwoPhaseCommitter}; a background heartbeater (see {@code TransactionManager}) keeps the
 * record alive.
 *
 * <p>The isolation level decides how reads work ({@link IsolationLevel}): snapshot reads at the
 * transaction's or the statement's timestamp, or locking reads of the latest versions under
 * shared and range locks (two-phase locking).
 *
 * <p>State machine (one thread at a time, the owning session's):
 * <pre>
 *   ACTIVE --commit ok--> COMMITTED
 *   ACTIVE --any failure--> FAILED --rollback--> ROLLED_BACK
 *   ACTIVE --rollback--> ROLLED_BACK
 *   ACTIVE --StatementRetryException--> ACTIVE (after rollbackStatement)
 *   any --CoordinatorCrash (tests)--> CRASHED (no clean-up, no heartbeats)
 * </pre>
 */
public final class TxnCoordinator implements Transaction {
    private static final int MAX_REREADS = 3;

    private enum State { ACTIVE, FAILED, COMMITTED, ROLLED_BACK, CRASHED }

    private final long id;
    private final long priority;
    private final IsolationLevel level;
    private final TxnContext context;
    private final PartitionCalls calls;
    private final LockWaiter waiter;
    private final SsiGuard ssi;
    private final TwoPhaseCommitter committer;
    private final WriteBuffer buffer = new WriteBuffer();
    private final BitSet ssiMarkedPartitions = new BitSet();
    /** Keys with intents, per partition, deduplicated, in first-write order. */
    private final Map<Integer, Set<ByteBuffer>> writtenKeys = new TreeMap<>();
    /** Keys the current statement wrote, per partition: what {@link #rollbackStatement()} undoes. */
    private final Map<Integer, Set<ByteBuffer>> statementKeys = new TreeMap<>();
    /** Partitions where this transaction holds shared or range locks (two-phase locking, FOR SHARE). */
    private final Set<Integer> lockedPartitions = new TreeSet<>();
    /** Volatile: the heartbeater reads it from the maintenance thread. */
    private volatile State state = State.ACTIVE;
    /** Written by the owner; volatile because garbage collection reads it to know what to keep. */
    private volatile long readTs;
    /**
     * Whether the current statement is the transaction's first (restarts included): nothing read at
     * the transaction's snapshot has reached the client, so a write that meets a newer version can
     * restart the statement at a newer snapshot instead of failing the transaction.
     */
    private boolean firstStatement;
    /** The statement was rolled back to run again: the next {@link #beginStatement} takes a new snapshot. */
    private boolean restartPending;
    private IntentVisibility visibility;
    private int seq;
    private long lockTimeoutMillis;
    private Cancellation cancellation = Cancellation.NONE;
    /** Written by the owner only while {@link #recordCreated} is false; the heartbeater reads them after. */
    private volatile byte[] recordKey;
    private volatile int recordPartition = -1;
    private volatile boolean recordCreated;
    private long commitTs;

    TxnCoordinator(long id, IsolationLevel level, TxnContext context, long priority) {
        this.id = id;
        this.priority = priority;
        this.level = level;
        this.context = context;
        this.calls = context.calls();
        this.readTs = id;
        this.lockTimeoutMillis = context.config().lockTimeoutMillis();
        this.visibility = new IntentVisibility(id, readTs, context.router(), calls, context.stats());
        this.waiter = new LockWaiter(id, context, calls);
        this.ssi = new SsiGuard(id, context, calls);
        this.committer = new TwoPhaseCommitter(id, calls, context);
    }

    /** Begins a transaction and registers it with the gateway (heartbeats, GC horizon, SSI clean-up). */
    public static TxnCoordinator begin(IsolationLevel level, TxnContext context) {
        return begin(level, context, Long.MAX_VALUE);
    }

    /** Begins a transaction whose deadlock priority is the older of its own id and {@code inheritedPriority}. */
    public static TxnCoordinator begin(IsolationLevel level, TxnContext context, long inheritedPriority) {
        return context.registry().register(() -> {
            long id = context.tso().next();
            return new TxnCoordinator(id, level, context, Math.min(id, inheritedPriority));
        });
    }

    @Override
    public long priority() {
        return priority;
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
        return level;
    }

    /** The commit timestamp, once committed; 0 before (or for a read-only transaction). */
    public long commitTimestamp() {
        return commitTs;
    }

    @Override
    public boolean isActive() {
        return state == State.ACTIVE;
    }

    /** The record key, once the transaction has written (the heartbeater needs it); null before. */
    byte[] recordKey() {
        return recordCreated ? recordKey : null;
    }

    int recordPartition() {
        return recordPartition;
    }

    /**
     * Called by the heartbeater: proves to the record that the coordinator is alive. Runs on the
     * maintenance thread, concurrently with the owning session; it only reads fields that are
     * written once (record key, partition) and sends one idempotent command.
     */
    public void heartbeat() {
        byte[] key = recordKey;
        if (recordCreated && key != null && state == State.ACTIVE) {
            calls.call(recordPartition, new HeartbeatCommand(key, id));
        }
    }

    @Override
    public void setCancellation(Cancellation token) {
        cancellation = token == null ? Cancellation.NONE : token;
        waiter.cancellation(cancellation);
    }

    @Override
    public Cancellation cancellation() {
        return cancellation;
    }

    @Override
    public void setLockTimeout(long millis) {
        lockTimeoutMillis = Math.max(0, millis);
    }

    @Override
    public void beginStatement() {
        ensureActive();
        seq++;
        statementKeys.clear();
        buffer.clear();
        if (restartPending) {
            restartPending = false; // the same statement again; it stays first if it was
            newSnapshot();
            if (level.ssi()) {
                failOnError(() -> {
                    ssi.snapshotMoved(readTs);
                    return null;
                });
            }
        } else {
            firstStatement = seq == 1;
            if (level.snapshotPerStatement() && seq > 1) {
                newSnapshot();
            }
        }
    }

    private void newSnapshot() {
        context.registry().moveSnapshot(() -> readTs = context.tso().next());
        visibility = new IntentVisibility(id, readTs, context.router(), calls, context.stats());
    }

    /** What a write that meets a version newer than the snapshot does, for the current statement. */
    private TxnMeta.NewerVersionPolicy newerVersionPolicy() {
        TxnMeta.NewerVersionPolicy policy = level.newerVersions();
        return policy == TxnMeta.NewerVersionPolicy.FAIL_TRANSACTION && firstStatement
                ? TxnMeta.NewerVersionPolicy.RETRY_STATEMENT : policy;
    }

    @Override
    public void rollbackStatement() {
        if (state != State.ACTIVE && state != State.FAILED) {
            throw TxnErrors.notActive(id, describe(state));
        }
        buffer.clear();
        statementKeys.forEach((partition, keys) -> calls.call(partition,
                new RollbackStatementCommand(id, seq, keys.stream().map(ByteBuffer::array).toList())));
        statementKeys.clear();
        state = State.ACTIVE;
        restartPending = true;
        context.stats().statementRetry();
    }

    // ---- reads ---------------------------------------------------------------------------------

    @Override
    public byte[] get(byte[] key) {
        ensureActive();
        int partition = context.router().partitionOf(key);
        if (level.lockingReads()) {
            return failOnError(() -> lockingGet(partition, key, false));
        }
        for (int attempt = 0; attempt < MAX_REREADS; attempt++) {
            MvccEntry entry = failOnError(() -> calls.call(partition,
                    new ReadCommand(key, readTs, ssiReader(partition))));
            byte[][] value = visibleValue(entry);
            if (value != null) {
                return value[0];
            }
        }
        // An intent without a record three times running is an aborted transaction's leftover.
        return failOnError(() -> calls.call(partition, new ReadCommand(key, readTs))).committedValue();
    }

    /**
     * Many point reads at once: one request per partition (sent together), then each entry judged
     * as {@link #get} judges it; a key whose writer vanished meanwhile is read again alone. Under
     * two-phase locking each key is a locking read of its own.
     */
    @Override
    public List<byte[]> getAll(List<byte[]> keys) {
        ensureActive();
        List<byte[]> values = new ArrayList<>(Collections.nCopies(keys.size(), (byte[]) null));
        if (level.lockingReads()) {
            for (int i = 0; i < keys.size(); i++) {
                values.set(i, get(keys.get(i)));
            }
            return values;
        }
        Map<Integer, List<Integer>> byPartition = new TreeMap<>();
        for (int i = 0; i < keys.size(); i++) {
            byPartition.computeIfAbsent(context.router().partitionOf(keys.get(i)), p -> new ArrayList<>()).add(i);
        }
        Map<Integer, CompletableFuture<List<MvccEntry>>> replies = new TreeMap<>();
        byPartition.forEach((partition, positions) -> {
            List<byte[]> partitionKeys = positions.stream().map(keys::get).toList();
            replies.put(partition, calls.send(partition, new MultiReadCommand(partitionKeys, readTs, ssiReader(partition))));
        });
        for (Map.Entry<Integer, List<Integer>> group : byPartition.entrySet()) {
            List<MvccEntry> entries = failOnError(() -> PartitionCalls.await(replies.get(group.getKey())));
            for (int j = 0; j < entries.size(); j++) {
                int position = group.getValue().get(j);
                byte[][] value = visibleValue(entries.get(j));
                values.set(position, value != null ? value[0] : get(keys.get(position)));
            }
        }
        return values;
    }

    /**
     * What this transaction sees of a read entry: {@code {value}} (the value may be null: no row),
     * or null when the intent's writer finished and cleaned up between the read and the push (read
     * again). Records the rw-antidependencies an SSI read implies.
     */
    private byte[][] visibleValue(MvccEntry entry) {
        if (level.ssi() && entry.newerWriters().length > 0) {
            failOnError(() -> {
                ssi.readPast(entry.newerWriters());
                return null;
            });
        }
        if (entry.intent() == null) {
            return new byte[][] {entry.committedValue()};
        }
        switch (failOnError(() -> visibility.decide(entry.intent()))) {
            case INTENT_VALUE:
                return new byte[][] {entry.intent().value()};
            case SKIPPED_NEWER:
                if (level.ssi()) {
                    failOnError(() -> {
                        ssi.readPast(entry.intent().txnId());
                        return null;
                    });
                }
                return new byte[][] {entry.committedValue()};
            case COMMITTED_VALUE:
                return new byte[][] {entry.committedValue()};
            default:
                return null;
        }
    }

    /** Two-phase locking read: shared lock, then the latest committed value (or this transaction's own). */
    private byte[] lockingGet(int partition, byte[] key, boolean noWait) {
        boolean woken = false;
        while (true) {
            LockingReadReply reply = calls.call(partition, new LockingReadCommand(key, id, woken));
            if (reply.granted()) {
                lockedPartitions.add(partition);
                MvccEntry entry = reply.entry();
                if (entry.intent() != null && entry.intent().txnId() == id && !entry.intent().isLockOnly()) {
                    return entry.intent().value();
                }
                return entry.committedValue();
            }
            MvccEntry current = calls.call(partition, new ReadCommand(key, Long.MAX_VALUE));
            woken = waiter.await(partition, key, current.intent() != null && current.intent().txnId() != id
                    ? current.intent() : null, LockTable.Mode.SHARED, noWait, lockTimeoutMillis, woken);
        }
    }

    @Override
    public Iterator<KeyValue> scan(byte[] start, byte[] end) {
        ensureActive();
        int partition = context.router().partitionOf(start);
        if (level.lockingReads()) {
            lockedPartitions.add(partition);
            return new LockingScanIterator(this, partition, start, end);
        }
        return new TxnScanIterator(this, partition, start, end);
    }

    /**
     * Used by {@link TxnScanIterator}: reads one page of a snapshot scan and judges its intents.
     * Returns the visible entries; {@code resume[0]} receives where the next page starts (null at the end).
     */
    List<KeyValue> scanPage(int partition, byte[] start, byte[] end, int maxKeys, byte[][] resume) {
        ensureActive();
        ScanBatch batch = failOnError(() -> calls.call(partition,
                new ScanCommand(start, end, readTs, maxKeys, ssiReader(partition))));
        resume[0] = batch.resumeKey();
        List<KeyValue> visible = new ArrayList<>(batch.entries().size());
        for (MvccEntry entry : batch.entries()) {
            if (level.ssi() && entry.newerWriters().length > 0) {
                failOnError(() -> {
                    ssi.readPast(entry.newerWriters());
                    return null;
                });
            }
            byte[] value;
            if (entry.intent() == null) {
                value = entry.committedValue();
            } else {
                value = switch (failOnError(() -> visibility.decide(entry.intent()))) {
                    case INTENT_VALUE -> entry.intent().value();
                    case SKIPPED_NEWER -> {
                        if (level.ssi()) {
                            failOnError(() -> {
                                ssi.readPast(entry.intent().txnId());
                                return null;
                            });
                        }
                        yield entry.committedValue();
                    }
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

    /** Used by {@link LockingScanIterator}: waits for a lock that stopped a locking scan. */
    void awaitScanLock(int partition, byte[] key, long[] blockers, boolean woken) {
        MvccEntry current = calls.call(partition, new ReadCommand(key, Long.MAX_VALUE));
        failOnError(() -> waiter.await(partition, key, current.intent() != null && current.intent().txnId() != id
                ? current.intent() : null, LockTable.Mode.SHARED, false, lockTimeoutMillis, woken));
    }

    PartitionCalls calls() {
        return calls;
    }

    /** The reader id a read on {@code partition} leaves markers under (0: none), noting the partition for clean-up. */
    private long ssiReader(int partition) {
        if (!level.ssi()) {
            return 0;
        }
        ssiMarkedPartitions.set(partition);
        return id;
    }

    /** The partitions where this serializable transaction left read markers (read once it has ended). */
    BitSet ssiMarkedPartitions() {
        return ssiMarkedPartitions;
    }

    int scanPageSize() {
        return context.config().scanPageSize();
    }

    /** Runs a read step of a locking scan, marking the transaction FAILED if it throws. */
    <T> T step(Supplier<T> body) {
        ensureActive();
        return failOnError(body);
    }

    // ---- writes --------------------------------------------------------------------------------

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
    public void lock(List<byte[]> keys, LockStrength strength, boolean noWait) {
        ensureActive();
        if (strength == LockStrength.SHARE) {
            for (byte[] key : keys) {
                failOnError(() -> lockingGet(context.router().partitionOf(key), key, noWait));
            }
            return;
        }
        List<Mutation> locks = new ArrayList<>(keys.size());
        keys.forEach(k -> locks.add(Mutation.lock(k)));
        writeAll(locks, noWait);
    }

    @Override
    public long requestCount() {
        return calls.requests();
    }

    @Override
    public BitSet partitionsTouched() {
        return calls.partitionsTouched();
    }

    @Override
    public byte[] lockShared(byte[] key, boolean noWait) {
        ensureActive();
        return failOnError(() -> lockingGet(context.router().partitionOf(key), key, noWait));
    }

    @Override
    public void flush() {
        ensureActive();
        if (buffer.isEmpty()) {
            return;
        }
        List<Mutation> mutations = buffer.drain();
        writeAll(mutations, false);
    }

    private void writeAll(List<Mutation> mutations, boolean noWait) {
        if (!recordCreated) {
            // (Re)anchor the record on this write: an earlier attempt may have chosen a key and
            // then been refused (a statement retry) before the record was written.
            recordKey = mutations.get(0).key();
            recordPartition = context.router().partitionOf(recordKey);
        }
        Map<Integer, List<Mutation>> groups = WriteBuffer.byPartition(mutations, context.router());
        List<Mutation> recordGroup = groups.remove(recordPartition);
        if (recordGroup != null) {
            writeIntents(recordPartition, recordGroup, noWait);
        }
        groups.forEach((partition, group) -> writeIntents(partition, group, noWait));
    }

    private void writeIntents(int partition, List<Mutation> mutations, boolean noWait) {
        boolean createRecord = partition == recordPartition && !recordCreated;
        TxnMeta meta = new TxnMeta(id, readTs, recordKey, seq, newerVersionPolicy(), level.ssi());
        if (writtenKeys.isEmpty()) {
            fault(FaultPoint.BEFORE_FIRST_WRITE);
        }
        WriteIntentsReply written = failOnError(() -> {
            boolean woken = false;
            while (true) {
                WriteIntentsReply reply;
                try {
                    reply = calls.call(partition, new WriteIntentsCommand(meta, mutations, createRecord, woken));
                } catch (StatementRetryException e) {
                    throw e;
                } catch (TransactionRetryException e) {
                    context.stats().writeConflictAbort();
                    throw e;
                }
                if (reply.written() || reply.restartStatement()) {
                    return reply;
                }
                woken = waiter.await(partition, reply.conflictKey(), reply.conflict(), LockTable.Mode.EXCLUSIVE,
                        noWait, lockTimeoutMillis, woken);
                if (woken) {
                    // It may hold the key granted there until it writes: ending the transaction
                    // or rolling back the statement must pass that grant on.
                    lockedPartitions.add(partition);
                    statementKeys.computeIfAbsent(partition, p -> new LinkedHashSet<>());
                }
            }
        });
        if (createRecord) {
            recordCreated = true;
        }
        Set<ByteBuffer> keys = writtenKeys.computeIfAbsent(partition, p -> new LinkedHashSet<>());
        if (written.restartStatement()) {
            keys.add(ByteBuffer.wrap(written.conflictKey())); // now locked by the transaction, beyond this statement
            throw new StatementRetryException(id, written.newerCommitTs());
        }
        Set<ByteBuffer> forStatement = statementKeys.computeIfAbsent(partition, p -> new LinkedHashSet<>());
        mutations.forEach(m -> {
            keys.add(ByteBuffer.wrap(m.key()));
            forStatement.add(ByteBuffer.wrap(m.key()));
        });
        if (written.ssiReaders().length > 0) {
            failOnError(() -> {
                ssi.overwroteReadsOf(readTs, written.ssiReaders());
                return null;
            });
        }
        fault(FaultPoint.AFTER_FIRST_WRITE);
    }

    // ---- end -----------------------------------------------------------------------------------

    @Override
    public void commit() {
        ensureActive();
        if (tryCommitInOneBatch()) {
            return;
        }
        flush();
        if (writtenKeys.isEmpty()) {
            state = State.COMMITTED;
            context.stats().readOnlyCommit();
            committer.releaseLocks(lockedPartitions, Map.of());
            end();
            return;
        }
        if (level.ssi()) {
            failOnError(() -> {
                ssi.prepareCommit(readTs);
                return null;
            });
        }
        // SSI publishes the commit timestamp before waiters wake (see CommitTxnCommand).
        LongConsumer publish = level.ssi() ? ssi::committed : null;
        commitTs = failOnError(() -> committer.commit(recordKey, recordPartition, keyLists(), lockedPartitions,
                this::fault, publish));
        state = State.COMMITTED;
        end();
    }

    /**
     * The one-phase commit in one batch (see {@link TwoPhaseCommitter}): possible when nothing has
     * been written yet (no intent, no record) and every buffered write lands on one partition.
     * Returns false, with the buffer intact, when the usual path must commit instead.
     *
     * <p>SSI checks for a pivot before the batch, as it does before {@code CommitTxnCommand}. If the
     * partition then hands the transaction back, the usual path writes the intents, records the
     * rw-antidependencies they find and checks again ({@code SsiConflicts.prepareCommit} re-checks
     * a transaction already COMMITTING); meanwhile others saw it COMMITTING, which can only make
     * them abort instead of it (a false abort, never a missed one).
     */
    private boolean tryCommitInOneBatch() {
        if (!context.config().onePhaseBatch() || recordCreated || !writtenKeys.isEmpty() || buffer.isEmpty()) {
            return false;
        }
        int partition = buffer.onlyPartition(context.router());
        if (partition < 0) {
            return false;
        }
        List<Mutation> mutations = buffer.contents();
        fault(FaultPoint.BEFORE_FIRST_WRITE);
        if (level.ssi()) {
            failOnError(() -> {
                ssi.prepareCommit(readTs);
                return null;
            });
        }
        TxnMeta meta = new TxnMeta(id, readTs, mutations.get(0).key(), seq, newerVersionPolicy(), level.ssi());
        LongConsumer publish = level.ssi() ? ssi::committed : null;
        long committedAt = failOnError(() -> committer.tryCommitInOneBatch(partition, meta, mutations, lockedPartitions,
                publish));
        if (committedAt == 0) {
            return false;
        }
        buffer.clear();
        commitTs = committedAt;
        state = State.COMMITTED;
        end();
        return true;
    }

    @Override
    public void rollback() {
        if (state == State.COMMITTED || state == State.ROLLED_BACK || state == State.CRASHED) {
            return;
        }
        buffer.clear();
        state = State.ROLLED_BACK;
        context.stats().rollback();
        try {
            if (level.ssi()) {
                ssi.aborted();
            }
            if (recordKey != null) {
                committer.abort(recordKey, recordPartition, keyLists(), lockedPartitions);
            } else {
                committer.releaseLocks(lockedPartitions, Map.of());
            }
        } finally {
            end();
        }
    }

    private void end() {
        context.registry().ended(this, level.ssi(), context.tso().next());
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

    /** Calls the gateway's fault injector at {@code point}; a simulated crash leaves everything as it is. */
    void fault(FaultPoint point) {
        try {
            context.faults().get().at(point, id);
        } catch (CoordinatorCrash crash) {
            state = State.CRASHED;
            context.registry().ended(this, false, 0);
            throw crash;
        }
    }

    private void ensureActive() {
        if (state != State.ACTIVE) {
            throw TxnErrors.notActive(id, describe(state));
        }
    }

    private static String describe(State state) {
        return state.name().toLowerCase(Locale.ROOT).replace('_', ' ');
    }

    /**
     * Runs a step; a failure leaves the transaction FAILED (it must be rolled back), except a
     * statement retry, after which only the statement is undone.
     */
    private <T> T failOnError(Supplier<T> step) {
        try {
            return step.get();
        } catch (StatementRetryException e) {
            throw e;
        } catch (CoordinatorCrash e) {
            state = State.CRASHED;
            throw e;
        } catch (RuntimeException e) {
            state = State.FAILED;
            throw e;
        }
    }
}

package io.basalt.sql.exec;

import io.basalt.sql.catalog.ColumnDescriptor;
import io.basalt.sql.catalog.TableDescriptor;
import io.basalt.sql.rel.KeyAccess;
import io.basalt.sql.type.InternalValues;
import io.basalt.txn.IsolationLevel;
import io.basalt.txn.KeyValue;
import io.basalt.txn.LockStrength;
import io.basalt.txn.Transaction;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import org.apache.calcite.DataContext;
import org.apache.calcite.linq4j.AbstractEnumerable;
import org.apache.calcite.linq4j.Enumerable;
import org.apache.calcite.linq4j.Enumerator;
import org.apache.calcite.linq4j.Linq4j;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * The run-time half of {@code BasaltTableScan}: evaluates the key access against the statement's
 * parameters and reads the rows in the statement's transaction, lazily, partition after partition.
 * Immutable and shared by every execution of a cached plan.
 */
public final class TableScanSpec {
    private final TableDescriptor table;
    private final SqlTypeName[] outputTypes;
    private final KeyAccess access;
    private final int partitionCount;

    public TableScanSpec(TableDescriptor table, RelDataType rowType, KeyAccess access, int partitionCount) {
        this.table = table;
        this.outputTypes = rowType.getFieldList().stream().map(f -> f.getType().getSqlTypeName())
                .toArray(SqlTypeName[]::new);
        this.access = access;
        this.partitionCount = partitionCount;
    }

    /** Called by generated code. */
    public Enumerable<Object[]> execute(DataContext context) {
        ExecutionContext execution = (ExecutionContext) context.get(ExecutionContext.KEY);
        Transaction txn = execution.transaction();
        RowCodec codec = new RowCodec(table, partitionCount);
        int[] primaryKey = table.primaryKey();

        Object[] keyValues = new Object[primaryKey.length];
        int bound = access.equalities().size();
        for (int i = 0; i < bound; i++) {
            Object value = KeyValues.forEquality(column(primaryKey[i]),
                    RexValues.evaluate(access.equalities().get(i), context));
            if (value == KeyValues.NO_MATCH) {
                return Linq4j.emptyEnumerable();
            }
            keyValues[i] = value;
        }
        if (access.kind() == KeyAccess.Kind.POINT) {
            byte[] key = codec.keyPrefix(codec.partitionOf(keyValues), keyValues, keyValues.length);
            // Under two-phase locking, lock and then read: a read first would take a shared lock,
            // and the exclusive one would be an upgrade, a deadlock with any other reader. (Such a
            // read locks the key even if the row is absent, so the lock does too.) Other levels
            // read without locks, then lock what they found; the lock re-checks the row against
            // the snapshot, so what is returned is what is locked.
            boolean lockFirst = execution.rowLock() == LockStrength.UPDATE
                    && txn.isolation() == IsolationLevel.SERIALIZABLE_2PL;
            if (lockFirst) {
                txn.lock(List.of(key), LockStrength.UPDATE, execution.noWait());
            }
            byte[] value = txn.get(key);
            if (value == null) {
                return Linq4j.emptyEnumerable();
            }
            if (execution.rowLock() != null && !lockFirst) {
                txn.lock(List.of(key), execution.rowLock(), execution.noWait());
            }
            return Linq4j.singletonEnumerable(toInternal(codec.decode(key, value)));
        }
        List<byte[][]> ranges = new ArrayList<>();
        Object lower = null;
        Object upper = null;
        if (bound < primaryKey.length) {
            ColumnDescriptor next = column(primaryKey[bound]);
            lower = access.lower() == null ? null : KeyValues.forBound(next, RexValues.evaluate(access.lower(), context));
            upper = access.upper() == null ? null : KeyValues.forBound(next, RexValues.evaluate(access.upper(), context));
        }
        List<Integer> partitions = access.singlePartition()
                ? List.of(codec.partitionOf(keyValues))
                : allPartitions();
        for (int partition : partitions) {
            ranges.add(RowCodec.range(codec.keyPrefix(partition, keyValues, bound), lower, access.lowerInclusive(),
                    upper, access.upperInclusive()));
        }
        return new AbstractEnumerable<>() {
            @Override
            public Enumerator<Object[]> enumerator() {
                Iterator<KeyValue> pairs = new RangeIterator(txn, ranges);
                Iterator<Object[]> rows = execution.rowLock() == null ? new DecodingIterator(pairs, codec)
                        : new LockingIterator(pairs, codec, txn, execution);
                return Linq4j.iterableEnumerator(() -> rows);
            }
        };
    }

    /** Rows as they are read. */
    private final class DecodingIterator implements Iterator<Object[]> {
        private final Iterator<KeyValue> pairs;
        private final RowCodec codec;

        DecodingIterator(Iterator<KeyValue> pairs, RowCodec codec) {
            this.pairs = pairs;
            this.codec = codec;
        }

        @Override
        public boolean hasNext() {
            return pairs.hasNext();
        }

        @Override
        public Object[] next() {
            KeyValue kv = pairs.next();
            return toInternal(codec.decode(kv.key(), kv.value()));
        }
    }

    /**
     * SELECT ... FOR UPDATE / FOR SHARE: rows are read and locked in chunks (one lock command per
     * chunk), and a chunk's rows are let out only once it is locked. The lock re-checks each row:
     * a row changed since the snapshot fails the transaction (40001) or, at READ COMMITTED, makes
     * the statement run again, so what is returned is what is locked. Chunks start at one row and
     * grow fourfold: a consumer that stops early (a LIMIT over a scan in key order) locks only
     * what it took, as PostgreSQL's LockRows above a Limit does, while a long scan still locks in
     * few commands. The session reads a locking query's whole result before returning any row,
     * so a restart never follows rows already handed out.
     */
    private final class LockingIterator implements Iterator<Object[]> {
        private static final int MAX_CHUNK = 256;

        private final Iterator<KeyValue> pairs;
        private final RowCodec codec;
        private final Transaction txn;
        private final ExecutionContext execution;
        private final ArrayDeque<Object[]> locked = new ArrayDeque<>();
        private int chunk = 1;

        LockingIterator(Iterator<KeyValue> pairs, RowCodec codec, Transaction txn, ExecutionContext execution) {
            this.pairs = pairs;
            this.codec = codec;
            this.txn = txn;
            this.execution = execution;
        }

        @Override
        public boolean hasNext() {
            if (locked.isEmpty() && pairs.hasNext()) {
                List<byte[]> keys = new ArrayList<>(chunk);
                while (keys.size() < chunk && pairs.hasNext()) {
                    KeyValue kv = pairs.next();
                    keys.add(kv.key());
                    locked.add(toInternal(codec.decode(kv.key(), kv.value())));
                }
                txn.lock(keys, execution.rowLock(), execution.noWait());
                chunk = Math.min(chunk * 4, MAX_CHUNK);
            }
            return !locked.isEmpty();
        }

        @Override
        public Object[] next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            return locked.poll();
        }
    }

    private List<Integer> allPartitions() {
        List<Integer> all = new ArrayList<>(partitionCount);
        for (int p = 0; p < partitionCount; p++) {
            all.add(p);
        }
        return Collections.unmodifiableList(all);
    }

    private ColumnDescriptor column(int position) {
        return table.columns().get(position);
    }

    Object[] toInternal(Object[] stored) {
        for (int i = 0; i < stored.length; i++) {
            stored[i] = InternalValues.fromStorage(outputTypes[i], stored[i]);
        }
        return stored;
    }

    /** Pairs of several key ranges, one range after the other, each read in pages as it is consumed. */
    private static final class RangeIterator implements Iterator<KeyValue> {
        private final Transaction txn;
        private final List<byte[][]> ranges;
        private int nextRange;
        private Iterator<KeyValue> current = Collections.emptyIterator();

        RangeIterator(Transaction txn, List<byte[][]> ranges) {
            this.txn = txn;
            this.ranges = ranges;
        }

        @Override
        public boolean hasNext() {
            while (!current.hasNext()) {
                if (nextRange == ranges.size()) {
                    return false;
                }
                byte[][] range = ranges.get(nextRange++);
                current = txn.scan(range[0], range[1]);
            }
            return true;
        }

        @Override
        public KeyValue next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            return current.next();
        }
    }
}

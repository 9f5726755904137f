package io.basalt.sql.exec;

import io.basalt.sql.catalog.ColumnDescriptor;
import io.basalt.sql.catalog.TableDescriptor;
import io.basalt.sql.rel.KeyAccess;
import io.basalt.sql.type.InternalValues;
import io.basalt.txn.IsolationLevel;
import io.basalt.txn.KeyValue;
import io.basalt.txn.LockStrength;
import io.basalt.txn.Transaction;
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
        if (execution.rowLock() != null) {
            return Linq4j.asEnumerable(lockedRows(txn, codec, ranges, execution));
        }
        return new AbstractEnumerable<>() {
            @Override
            public Enumerator<Object[]> enumerator() {
                return Linq4j.iterableEnumerator(() -> new RangeIterator(txn, codec, ranges));
            }
        };
    }

    /**
     * SELECT ... FOR UPDATE / FOR SHARE: reads every row of the ranges, locks them all in one go
     * (one command per partition), and only then lets the rows out. The lock re-checks each row:
     * a row changed since the snapshot fails the transaction (40001) or, at READ COMMITTED, makes
     * the statement run again, so what is returned is what is locked.
     */
    private List<Object[]> lockedRows(Transaction txn, RowCodec codec, List<byte[][]> ranges, ExecutionContext execution) {
        List<byte[]> keys = new ArrayList<>();
        List<Object[]> rows = new ArrayList<>();
        for (byte[][] range : ranges) {
            for (Iterator<KeyValue> it = txn.scan(range[0], range[1]); it.hasNext(); ) {
                KeyValue kv = it.next();
                keys.add(kv.key());
                rows.add(toInternal(codec.decode(kv.key(), kv.value())));
            }
        }
        if (!keys.isEmpty()) {
            txn.lock(keys, execution.rowLock(), execution.noWait());
        }
        return rows;
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

    /** Rows of several key ranges, one range after the other, each read in pages as it is consumed. */
    private final class RangeIterator implements Iterator<Object[]> {
        private final Transaction txn;
        private final RowCodec codec;
        private final List<byte[][]> ranges;
        private int nextRange;
        private Iterator<KeyValue> current = Collections.emptyIterator();

        RangeIterator(Transaction txn, RowCodec codec, List<byte[][]> ranges) {
            this.txn = txn;
            this.codec = codec;
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
        public Object[] next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            KeyValue kv = current.next();
            return toInternal(codec.decode(kv.key(), kv.value()));
        }
    }
}

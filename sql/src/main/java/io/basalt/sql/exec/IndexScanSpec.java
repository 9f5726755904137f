package io.basalt.sql.exec;

import io.basalt.sql.catalog.ColumnDescriptor;
import io.basalt.sql.catalog.IndexDescriptor;
import io.basalt.sql.catalog.TableDescriptor;
import io.basalt.sql.rel.KeyAccess;
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

/**
 * The run-time half of a {@code BasaltTableScan} through a secondary index: reads the index
 * entries the access selects (one partition for an equality on a global index's whole term, every
 * partition otherwise), then the rows they point to, by primary key, 128 at a time with one
 * request per partition ({@code Transaction.getAll}), in the statement's
 * transaction and at its snapshot, so entries and rows agree. Immutable and shared by every
 * execution of a cached plan.
 *
 * <p>Predicate reads are protected by the index reads themselves: under two-phase locking the scan
 * of the index range takes a range lock, under SSI it leaves read markers on it, and a writer that
 * inserts, deletes or moves a row writes the entries in that range.
 *
 * <p>A snapshot older than the index's backfill would miss entries; such a transaction reads the
 * whole table instead (the filter above the scan still applies), which is slower but right.
 */
public final class IndexScanSpec {
    private static final int ROW_BATCH = 128;

    private final TableDescriptor table;
    private final IndexDescriptor index;
    private final KeyAccess access;
    private final int partitionCount;
    private final TableScanSpec rows;

    public IndexScanSpec(TableDescriptor table, RelDataType rowType, KeyAccess access, int partitionCount) {
        if (access.index() == null) {
            throw new IllegalArgumentException("not an index access");
        }
        this.table = table;
        this.index = access.index();
        this.access = access;
        this.partitionCount = partitionCount;
        this.rows = new TableScanSpec(table, rowType, KeyAccess.FULL, partitionCount);
    }

    /** Called by generated code. */
    public Enumerable<Object[]> execute(DataContext context) {
        ExecutionContext execution = (ExecutionContext) context.get(ExecutionContext.KEY);
        Transaction txn = execution.transaction();
        if (txn.isolation() != IsolationLevel.SERIALIZABLE_2PL && txn.readTimestamp() < index.readableFrom()) {
            return rows.execute(context);
        }
        IndexCodec codec = new IndexCodec(table, index, partitionCount);
        int bound = access.equalities().size();
        Object[] values = new Object[index.columnCount()];
        for (int i = 0; i < bound; i++) {
            Object value = KeyValues.forEquality(column(i), RexValues.evaluate(access.equalities().get(i), context));
            if (value == KeyValues.NO_MATCH) {
                return Linq4j.emptyEnumerable();
            }
            values[i] = value;
        }
        List<byte[][]> ranges = ranges(codec, values, bound, context);
        if (execution.rowLock() != null) {
            return Linq4j.asEnumerable(lockedRows(txn, codec, ranges, execution));
        }
        return new AbstractEnumerable<>() {
            @Override
            public Enumerator<Object[]> enumerator() {
                return Linq4j.iterableEnumerator(() -> new IndexedRowIterator(txn, codec, ranges));
            }
        };
    }

    private List<byte[][]> ranges(IndexCodec codec, Object[] values, int bound, DataContext context) {
        Object lower = null;
        Object upper = null;
        if (bound < index.columnCount()) {
            ColumnDescriptor next = column(bound);
            lower = access.lower() == null ? null : KeyValues.forBound(next, RexValues.evaluate(access.lower(), context));
            upper = access.upper() == null ? null : KeyValues.forBound(next, RexValues.evaluate(access.upper(), context));
        }
        List<byte[][]> ranges = new ArrayList<>();
        if (access.singlePartition()) {
            addRange(ranges, codec.prefix(codec.partitionOf(values), values, bound), lower, upper);
        } else {
            for (int partition = 0; partition < partitionCount; partition++) {
                addRange(ranges, codec.prefix(partition, values, bound), lower, upper);
            }
        }
        return ranges;
    }

    private void addRange(List<byte[][]> ranges, byte[] prefix, Object lower, Object upper) {
        ranges.add(RowCodec.range(prefix, lower, access.lowerInclusive(), upper, access.upperInclusive()));
    }

    /**
     * SELECT ... FOR UPDATE / FOR SHARE and two-phase-locking DML: the rows are locked before they
     * are let out. Under two-phase locking an exclusive lock is taken before the row is read (as
     * {@link TableScanSpec} does for a point get: a shared lock first would make it an upgrade);
     * other levels read, then lock all found rows in one go, the lock re-checking each row.
     */
    private List<Object[]> lockedRows(Transaction txn, IndexCodec codec, List<byte[][]> ranges,
                                      ExecutionContext execution) {
        boolean lockFirst = execution.rowLock() == LockStrength.UPDATE
                && txn.isolation() == IsolationLevel.SERIALIZABLE_2PL;
        RowCodec rowCodec = new RowCodec(table, partitionCount);
        List<byte[]> lockedKeys = new ArrayList<>();
        List<Object[]> result = new ArrayList<>();
        for (byte[][] range : ranges) {
            for (Iterator<KeyValue> it = txn.scan(range[0], range[1]); it.hasNext(); ) {
                byte[] rowKey = codec.rowKey(it.next().value());
                if (lockFirst) {
                    txn.lock(List.of(rowKey), LockStrength.UPDATE, execution.noWait());
                }
                byte[] value = txn.get(rowKey);
                if (value != null) {
                    lockedKeys.add(rowKey);
                    result.add(rows.toInternal(rowCodec.decode(rowKey, value)));
                }
            }
        }
        if (!lockFirst && !lockedKeys.isEmpty()) {
            txn.lock(lockedKeys, execution.rowLock(), execution.noWait());
        }
        return result;
    }

    private ColumnDescriptor column(int indexColumn) {
        return table.columns().get(index.column(indexColumn));
    }

    /** The rows the entries of several ranges point to: entries read in pages, rows fetched a batch at a time. */
    private final class IndexedRowIterator implements Iterator<Object[]> {
        private final Transaction txn;
        private final IndexCodec codec;
        private final RowCodec rowCodec = new RowCodec(table, partitionCount);
        private final List<byte[][]> ranges;
        private int nextRange;
        private Iterator<KeyValue> entries = Collections.emptyIterator();
        private Iterator<Object[]> batch = Collections.emptyIterator();

        IndexedRowIterator(Transaction txn, IndexCodec codec, List<byte[][]> ranges) {
            this.txn = txn;
            this.codec = codec;
            this.ranges = ranges;
        }

        @Override
        public boolean hasNext() {
            while (!batch.hasNext()) {
                if (!fetchBatch()) {
                    return false;
                }
            }
            return true;
        }

        @Override
        public Object[] next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            return batch.next();
        }

        /** Reads up to a batch of entries and their rows; false when no entry is left. */
        private boolean fetchBatch() {
            List<byte[]> rowKeys = new ArrayList<>(ROW_BATCH);
            while (rowKeys.size() < ROW_BATCH) {
                if (!entries.hasNext()) {
                    if (nextRange == ranges.size()) {
                        break;
                    }
                    byte[][] range = ranges.get(nextRange++);
                    entries = txn.scan(range[0], range[1]);
                    continue;
                }
                rowKeys.add(codec.rowKey(entries.next().value()));
            }
            if (rowKeys.isEmpty()) {
                return false;
            }
            List<Object[]> found = new ArrayList<>(rowKeys.size());
            List<byte[]> values = txn.getAll(rowKeys); // one request per partition for the whole batch
            for (int i = 0; i < rowKeys.size(); i++) {
                if (values.get(i) != null) {
                    found.add(rows.toInternal(rowCodec.decode(rowKeys.get(i), values.get(i))));
                }
            }
            batch = found.iterator();
            return true;
        }
    }
}

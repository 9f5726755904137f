package io.basalt.sql.exec;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;
import io.basalt.sql.catalog.ColumnDescriptor;
import io.basalt.sql.catalog.ColumnType;
import io.basalt.sql.catalog.TableDescriptor;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;

/**
 * The immutable part of {@link RowCodec}: which columns go into the key and which into the value,
 * where each value column decodes to, and what an absent column decodes as. Everything here
 * follows from the {@link TableDescriptor} alone, so it is computed once per descriptor and
 * shared by every codec and thread; a codec adds only its mutable encoders.
 *
 * <p>Why a cache: a point SELECT built a {@code RowCodec} per execution, and deriving these arrays
 * (streams, sorting, the defensive copies of {@code primaryKey()} and {@code rangeSplits()})
 * showed up in ~26% of a profile of {@code EmbeddedSqlBenchmark.pointSelect}.
 *
 * <p>Invariant: a descriptor is immutable (a catalog change makes a new one), so a layout never
 * goes stale. The cache compares descriptors by identity and holds them weakly, so descriptors of
 * old catalog versions, and their layouts, are collected once nothing else references them. The
 * arrays are never handed out; callers read them through the accessors below, which return
 * shared arrays that must not be modified (package-private for that reason).
 */
final class RowLayout {
    private static final LoadingCache<TableDescriptor, RowLayout> CACHE =
            Caffeine.newBuilder().weakKeys().build(RowLayout::new);

    private final TableDescriptor table;
    private final int[] primaryKey;
    private final ColumnType[] primaryKeyTypes;
    private final int[] valueColumns;
    private final int[] valueColumnIds;
    private final int[] slotByColumnId;
    /** By position: what an absent column decodes as; null when every column's is NULL (the usual case). */
    private final Object[] missingBySlot;
    private final List<byte[]> splits;
    private final int columnCount;

    static RowLayout of(TableDescriptor table) {
        return CACHE.get(table);
    }

    private RowLayout(TableDescriptor table) {
        this.table = table;
        this.primaryKey = table.primaryKey();
        this.splits = table.rangeSplits();
        List<ColumnDescriptor> columns = table.columns();
        this.columnCount = columns.size();
        this.primaryKeyTypes = Arrays.stream(primaryKey).mapToObj(p -> columns.get(p).type()).toArray(ColumnType[]::new);
        this.valueColumns = IntStream.range(0, columns.size())
                .filter(i -> !table.isPrimaryKeyColumn(i) || columns.get(i).type().isUnconstrainedDecimal())
                .boxed()
                .sorted((a, b) -> Integer.compare(columns.get(a).id(), columns.get(b).id()))
                .mapToInt(Integer::intValue)
                .toArray();
        this.valueColumnIds = Arrays.stream(valueColumns).map(p -> columns.get(p).id()).toArray();
        int maxId = columns.stream().mapToInt(ColumnDescriptor::id).max().orElse(0);
        this.slotByColumnId = new int[maxId + 1];
        Arrays.fill(slotByColumnId, -1);
        for (int position : valueColumns) {
            slotByColumnId[columns.get(position).id()] = position;
        }
        Object[] missing = new Object[columns.size()];
        boolean any = false;
        for (int position : valueColumns) {
            missing[position] = columns.get(position).missingValue();
            any |= missing[position] != null;
        }
        this.missingBySlot = any ? missing : null;
    }

    TableDescriptor table() {
        return table;
    }

    int columnCount() {
        return columnCount;
    }

    /** Positions of the primary-key columns, in key order. Shared: do not modify. */
    int[] primaryKey() {
        return primaryKey;
    }

    /** Types of the primary-key columns, in key order. Shared: do not modify. */
    ColumnType[] primaryKeyTypes() {
        return primaryKeyTypes;
    }

    /** Positions of the columns stored in the value, by ascending column id. Shared: do not modify. */
    int[] valueColumns() {
        return valueColumns;
    }

    /** Column ids of {@link #valueColumns()}, index for index. Shared: do not modify. */
    int[] valueColumnIds() {
        return valueColumnIds;
    }

    /** Column id to position for value columns, -1 for the others. Shared: do not modify. */
    int[] slotByColumnId() {
        return slotByColumnId;
    }

    /** Shared: do not modify. */
    Object[] missingBySlot() {
        return missingBySlot;
    }

    /** Range split points (empty for hash partitioning). Shared: do not modify. */
    List<byte[]> splits() {
        return splits;
    }
}

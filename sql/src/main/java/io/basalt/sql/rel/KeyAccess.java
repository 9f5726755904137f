package io.basalt.sql.rel;

import io.basalt.sql.catalog.IndexDescriptor;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.rex.RexNode;

/**
 * How a table scan reaches its rows: through the primary key, or through a secondary
 * {@link #index()} and then the primary key. Equalities on a prefix of the key (or index) columns,
 * then optionally a range on the next column. The values are literals or dynamic parameters
 * (possibly cast), evaluated when the plan runs, so a cached plan serves every parameter value.
 *
 * <ul>
 *   <li>{@link Kind#POINT}: every key column is bound (of a unique index: every indexed column):
 *       one key, one read.</li>
 *   <li>{@link Kind#RANGE}: a key prefix and/or range: one contiguous scan per partition read.</li>
 *   <li>{@link Kind#FULL}: the whole table: one scan of every partition.</li>
 * </ul>
 * Only one partition is read when the equalities cover the partition key (a global index's
 * partition key is all its columns; a local index is always read in every partition).
 *
 * @param equalities values for the first {@code equalities.size()} key columns
 * @param lower lower bound on the next key column, or null
 * @param upper upper bound on the next key column, or null
 * @param index the secondary index read, or null for the primary key
 */
public record KeyAccess(Kind kind, List<RexNode> equalities, RexNode lower, boolean lowerInclusive,
                        RexNode upper, boolean upperInclusive, boolean singlePartition, IndexDescriptor index) {

    public enum Kind { POINT, RANGE, FULL }

    public static final KeyAccess FULL = new KeyAccess(Kind.FULL, List.of(), null, false, null, false, false, null);

    public KeyAccess {
        equalities = List.copyOf(equalities);
    }

    public KeyAccess(Kind kind, List<RexNode> equalities, RexNode lower, boolean lowerInclusive,
                     RexNode upper, boolean upperInclusive, boolean singlePartition) {
        this(kind, equalities, lower, lowerInclusive, upper, upperInclusive, singlePartition, null);
    }

    /** How many key (or index) columns the access binds: the equalities, plus one for a range. */
    public int boundColumns() {
        return equalities.size() + (lower != null || upper != null ? 1 : 0);
    }

    /** A short description for EXPLAIN, in terms of the key (or indexed) column names. */
    public String describe(List<String> keyColumns, int partitionCount) {
        if (kind == Kind.FULL) {
            return "full scan, partitions=" + partitionCount;
        }
        List<String> terms = new ArrayList<>();
        for (int i = 0; i < equalities.size(); i++) {
            terms.add(keyColumns.get(i) + " = " + equalities.get(i));
        }
        String next = equalities.size() < keyColumns.size() ? keyColumns.get(equalities.size()) : null;
        if (lower != null) {
            terms.add(next + (lowerInclusive ? " >= " : " > ") + lower);
        }
        if (upper != null) {
            terms.add(next + (upperInclusive ? " <= " : " < ") + upper);
        }
        String partitions = singlePartition ? "1" : Integer.toString(partitionCount);
        String how = (kind == Kind.POINT ? "point get" : "range scan");
        if (index != null) {
            how = "index " + how + " " + index.name() + " (" + index.placementName() + ")";
        }
        return how + " [" + String.join(", ", terms) + "], partitions=" + partitions
                + (index != null ? ", then rows by primary key" : "");
    }
}

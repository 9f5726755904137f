package io.basalt.sql.rel;

import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.rex.RexNode;

/**
 * How a table scan reaches its rows through the primary key: equalities on a prefix of the key
 * columns, then optionally a range on the next key column. The values are literals or dynamic
 * parameters (possibly cast), evaluated when the plan runs, so a cached plan serves every
 * parameter value.
 *
 * <ul>
 *   <li>{@link Kind#POINT}: every key column is bound: one key, one read.</li>
 *   <li>{@link Kind#RANGE}: a key prefix and/or range: one contiguous scan per partition read.</li>
 *   <li>{@link Kind#FULL}: the whole table: one scan of every partition.</li>
 * </ul>
 * When the equalities cover the partition key, only one partition is read.
 *
 * @param equalities values for the first {@code equalities.size()} key columns
 * @param lower lower bound on the next key column, or null
 * @param upper upper bound on the next key column, or null
 */
public record KeyAccess(Kind kind, List<RexNode> equalities, RexNode lower, boolean lowerInclusive,
                        RexNode upper, boolean upperInclusive, boolean singlePartition) {

    public enum Kind { POINT, RANGE, FULL }

    public static final KeyAccess FULL = new KeyAccess(Kind.FULL, List.of(), null, false, null, false, false);

    public KeyAccess {
        equalities = List.copyOf(equalities);
    }

    /** A short description for EXPLAIN, in terms of the key column names. */
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
        return (kind == Kind.POINT ? "point get" : "range scan") + " [" + String.join(", ", terms)
                + "], partitions=" + partitions;
    }
}

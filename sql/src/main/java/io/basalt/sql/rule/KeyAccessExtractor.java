package io.basalt.sql.rule;

import io.basalt.sql.catalog.IndexDescriptor;
import io.basalt.sql.catalog.TableDescriptor;
import io.basalt.sql.exec.RexValues;
import io.basalt.sql.rel.KeyAccess;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.plan.RelOptUtil;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.sql.SqlKind;

/**
 * Finds the primary-key (or index) access a filter allows: equalities {@code key column = constant} on the
 * longest prefix of the key, then the tightest range on the next key column. Constants are
 * literals or parameters. Conjuncts it does not use stay in the filter, which is applied to every
 * row anyway; so this only has to be sound (never exclude a qualifying row), not complete.
 */
final class KeyAccessExtractor {
    private KeyAccessExtractor() {
    }

    static KeyAccess extract(RexNode condition, TableDescriptor table) {
        return extract(RelOptUtil.conjunctions(condition), table.primaryKey(), true, table.partitionKeyLength(), null);
    }

    /**
     * The access through {@code index} the filter allows: as for the primary key, over the
     * indexed columns. A point get needs a unique index; a single partition, a global index
     * with every indexed column bound by an equality. {@link KeyAccess#FULL} if the index is of no use.
     */
    static KeyAccess extract(RexNode condition, IndexDescriptor index, TableDescriptor table) {
        boolean global = index.placement() == IndexDescriptor.Placement.GLOBAL;
        return extract(RelOptUtil.conjunctions(condition), index.columns(), index.unique(),
                global ? index.columnCount() : localPartitionPrefix(index, table), index);
    }

    /**
     * How many leading index columns must be bound for a local index to be read in one partition:
     * enough to include every partition-key column of the table (the entries sit in their rows'
     * partitions), or never if the index lacks one of them.
     */
    private static int localPartitionPrefix(IndexDescriptor index, TableDescriptor table) {
        int[] columns = index.columns();
        int[] primaryKey = table.primaryKey();
        int needed = 0;
        for (int i = 0; i < table.partitionKeyLength(); i++) {
            int at = -1;
            for (int c = 0; c < columns.length; c++) {
                if (columns[c] == primaryKey[i]) {
                    at = c;
                }
            }
            if (at < 0) {
                return Integer.MAX_VALUE;
            }
            needed = Math.max(needed, at + 1);
        }
        return needed;
    }

    private static KeyAccess extract(List<RexNode> conjuncts, int[] keyColumns, boolean unique,
                                     int partitionKeyLength, IndexDescriptor index) {
        List<RexNode> equalities = new ArrayList<>();
        for (int position : keyColumns) {
            RexNode value = findComparison(conjuncts, position, SqlKind.EQUALS);
            if (value == null) {
                break;
            }
            equalities.add(value);
        }
        boolean singlePartition = equalities.size() >= partitionKeyLength;
        if (equalities.size() == keyColumns.length) {
            KeyAccess.Kind kind = unique ? KeyAccess.Kind.POINT : KeyAccess.Kind.RANGE;
            return new KeyAccess(kind, equalities, null, false, null, false, singlePartition, index);
        }
        int next = keyColumns[equalities.size()];
        RexNode lower = findComparison(conjuncts, next, SqlKind.GREATER_THAN_OR_EQUAL);
        boolean lowerInclusive = lower != null;
        if (lower == null) {
            lower = findComparison(conjuncts, next, SqlKind.GREATER_THAN);
        }
        RexNode upper = findComparison(conjuncts, next, SqlKind.LESS_THAN_OR_EQUAL);
        boolean upperInclusive = upper != null;
        if (upper == null) {
            upper = findComparison(conjuncts, next, SqlKind.LESS_THAN);
        }
        if (equalities.isEmpty() && lower == null && upper == null) {
            return KeyAccess.FULL;
        }
        return new KeyAccess(KeyAccess.Kind.RANGE, equalities, lower, lowerInclusive, upper, upperInclusive,
                singlePartition, index);
    }

    /**
     * The constant in a conjunct {@code $column <kind> constant}, also written the other way round
     * ({@code constant <reversed kind> $column}), or null.
     */
    private static RexNode findComparison(List<RexNode> conjuncts, int column, SqlKind kind) {
        for (RexNode conjunct : conjuncts) {
            if (!(conjunct instanceof RexCall call) || call.getOperands().size() != 2) {
                continue;
            }
            RexNode left = call.getOperands().get(0);
            RexNode right = call.getOperands().get(1);
            if (call.getKind() == kind && isColumn(left, column) && RexValues.isConstant(right)) {
                return right;
            }
            if (call.getKind() == kind.reverse() && isColumn(right, column) && RexValues.isConstant(left)) {
                return left;
            }
        }
        return null;
    }

    private static boolean isColumn(RexNode node, int column) {
        return node instanceof RexInputRef ref && ref.getIndex() == column;
    }
}

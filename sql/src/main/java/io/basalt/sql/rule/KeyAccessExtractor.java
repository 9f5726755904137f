package io.basalt.sql.rule;

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
 * Finds the primary-key access a filter allows: equalities {@code key column = constant} on the
 * longest prefix of the key, then the tightest range on the next key column. Constants are
 * literals or parameters. Conjuncts it does not use stay in the filter, which is applied to every
 * row anyway; so this only has to be sound (never exclude a qualifying row), not complete.
 */
final class KeyAccessExtractor {
    private KeyAccessExtractor() {
    }

    static KeyAccess extract(RexNode condition, TableDescriptor table) {
        List<RexNode> conjuncts = RelOptUtil.conjunctions(condition);
        int[] primaryKey = table.primaryKey();
        List<RexNode> equalities = new ArrayList<>();
        for (int position : primaryKey) {
            RexNode value = findComparison(conjuncts, position, SqlKind.EQUALS);
            if (value == null) {
                break;
            }
            equalities.add(value);
        }
        boolean singlePartition = equalities.size() >= table.partitionKeyLength();
        if (equalities.size() == primaryKey.length) {
            return new KeyAccess(KeyAccess.Kind.POINT, equalities, null, false, null, false, true);
        }
        int next = primaryKey[equalities.size()];
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
                singlePartition);
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

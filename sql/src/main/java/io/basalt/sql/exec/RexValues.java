package io.basalt.sql.exec;

import java.math.BigDecimal;
import org.apache.calcite.DataContext;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexDynamicParam;
import org.apache.calcite.rex.RexLiteral;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.sql.SqlKind;

/**
 * Evaluates the key values a plan captured: a literal, a dynamic parameter, or either under CASTs.
 * The value comes out in Calcite's internal representation of the literal's or parameter's own
 * type (numbers as they are, DATE as days, TIMESTAMP as milliseconds); the caller converts it to
 * the key column's type.
 */
public final class RexValues {
    private RexValues() {
    }

    /** Whether {@link #evaluate} can compute {@code node} without a row. */
    public static boolean isConstant(RexNode node) {
        RexNode inner = stripCasts(node);
        return inner instanceof RexLiteral || inner instanceof RexDynamicParam;
    }

    public static Object evaluate(RexNode node, DataContext context) {
        RexNode inner = stripCasts(node);
        if (inner instanceof RexDynamicParam param) {
            return context.get("?" + param.getIndex());
        }
        RexLiteral literal = (RexLiteral) inner;
        if (literal.isNull()) {
            return null;
        }
        return switch (literal.getType().getSqlTypeName().getFamily()) {
            case NUMERIC -> literal.getValueAs(BigDecimal.class);
            case CHARACTER -> literal.getValueAs(String.class);
            case BOOLEAN -> literal.getValueAs(Boolean.class);
            case DATE -> literal.getValueAs(Integer.class);
            case TIME -> literal.getValueAs(Integer.class);
            case TIMESTAMP -> literal.getValueAs(Long.class);
            default -> literal.getValue3();
        };
    }

    private static RexNode stripCasts(RexNode node) {
        RexNode current = node;
        while (current.getKind() == SqlKind.CAST) {
            current = ((RexCall) current).getOperands().get(0);
        }
        return current;
    }
}

package io.basalt.sql.fun;

import io.basalt.sql.type.UnconstrainedNumeric;
import java.math.BigDecimal;
import java.util.List;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.sql.type.SqlTypeUtil;

/**
 * Expressions that turn a value into an unconstrained NUMERIC ({@link UnconstrainedNumeric})
 * without rounding it to the marker type's scale, as Calcite's CAST would.
 *
 * <p>They are calls, never literals, even for a constant such as {@code CAST(1.25 AS NUMERIC)}:
 * Calcite's {@code RexBuilder} rescales every DECIMAL literal to its type's scale, and its
 * constructor that would not is package-private. So {@code BasaltRexBuilder} builds a cast of a
 * literal to NUMERIC with {@link #convert}, and {@code PostgresSemantics.constantFolding} leaves
 * expressions of that type unfolded; each costs one call per row at run time.
 */
public final class UnconstrainedCasts {
    private static final SqlOperator NUMERIC = PostgresSemantics.function("NUMERIC", NumericFunctions.class,
            "numeric", SqlTypeName.DECIMAL, BigDecimal.class);
    private static final SqlOperator NUMERIC_OF_DOUBLE = PostgresSemantics.function("NUMERIC_OF_DOUBLE",
            NumericFunctions.class, "numeric", SqlTypeName.DECIMAL, double.class);
    private static final SqlOperator NUMERIC_OF_REAL = PostgresSemantics.function("NUMERIC_OF_REAL",
            NumericFunctions.class, "numeric", SqlTypeName.DECIMAL, float.class);
    private static final SqlOperator NUMERIC_OF_TEXT = PostgresSemantics.function("NUMERIC_OF_TEXT",
            NumericFunctions.class, "numeric", SqlTypeName.DECIMAL, String.class);

    private UnconstrainedCasts() {
    }

    /**
     * {@code operand} as the unconstrained NUMERIC {@code target}: exact numbers keep their digits
     * and scale, DOUBLE and REAL become their shortest decimal, text is read as written. Null for
     * an operand of another type (Calcite's cast, or its validation error, is right for it).
     */
    public static RexNode convert(RexBuilder rexBuilder, RelDataType target, RexNode operand) {
        RelDataType from = operand.getType();
        if (SqlTypeUtil.isExactNumeric(from)) {
            return checked(rexBuilder, target, asDecimal(rexBuilder, operand));
        }
        SqlOperator convert = switch (from.getSqlTypeName()) {
            case DOUBLE, FLOAT -> NUMERIC_OF_DOUBLE;
            case REAL -> NUMERIC_OF_REAL;
            case CHAR, VARCHAR -> NUMERIC_OF_TEXT;
            default -> null;
        };
        return convert == null ? null : rexBuilder.makeCall(nullableLike(rexBuilder, target, operand), convert,
                List.of(operand));
    }

    /** A DECIMAL {@code node} checked against PostgreSQL's NUMERIC limits, scale kept. */
    static RexNode checked(RexBuilder rexBuilder, RelDataType target, RexNode node) {
        if (node instanceof RexCall call && call.getOperator() == NUMERIC) {
            return node;
        }
        return rexBuilder.makeCall(nullableLike(rexBuilder, target, node), NUMERIC, List.of(node));
    }

    /** An integer as a DECIMAL of scale 0 (Calcite's exact cast); a DECIMAL as it is. */
    private static RexNode asDecimal(RexBuilder rexBuilder, RexNode operand) {
        RelDataType type = operand.getType();
        if (type.getSqlTypeName() == SqlTypeName.DECIMAL) {
            return operand;
        }
        RelDataType decimal = rexBuilder.getTypeFactory().createSqlType(SqlTypeName.DECIMAL, 19, 0);
        return rexBuilder.makeCast(rexBuilder.getTypeFactory().createTypeWithNullability(decimal, type.isNullable()),
                operand);
    }

    private static RelDataType nullableLike(RexBuilder rexBuilder, RelDataType target, RexNode operand) {
        return rexBuilder.getTypeFactory().createTypeWithNullability(target,
                target.isNullable() || operand.getType().isNullable());
    }
}

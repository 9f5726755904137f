package io.basalt.sql.fun;

import java.util.List;
import java.util.function.Predicate;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.sql.SqlCallBinding;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlOperandCountRange;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.SqlOperatorBinding;
import org.apache.calcite.sql.fun.SqlMonotonicBinaryOperator;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.type.InferTypes;
import org.apache.calcite.sql.type.OperandTypes;
import org.apache.calcite.sql.type.SqlOperandCountRanges;
import org.apache.calcite.sql.type.SqlOperandTypeChecker;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * PostgreSQL's arithmetic on dates that the SQL standard (and Calcite) has no form of:
 * {@code date + integer} and {@code integer + date} and {@code date - integer} are a DATE (days
 * added), {@code date - date} an INTEGER (days between). Two halves: {@link #PLUS} and
 * {@link #MINUS} replace the standard + and - in the validator ({@link PostgresOperatorTable}),
 * accepting these operands too; {@link #rewrite} turns the calls they produce into calls of
 * {@link DateTimeFunctions} after conversion to a plan, where Calcite would otherwise treat the
 * integer as an interval or the dates as numbers.
 *
 * <p>The replacements are equal to Calcite's + and - (same class, name and kind), so everything
 * else Calcite does with them (code generation, simplification) is unchanged.
 */
final class DateArithmetic {
    static final SqlOperator PLUS = replace(SqlStdOperatorTable.PLUS, OperandTypes.or(
            exactly("<DATE> + <INTEGER>", DateArithmetic::isDate, DateArithmetic::isInteger),
            exactly("<INTEGER> + <DATE>", DateArithmetic::isInteger, DateArithmetic::isDate)));
    static final SqlOperator MINUS = replace(SqlStdOperatorTable.MINUS, OperandTypes.or(
            exactly("<DATE> - <INTEGER>", DateArithmetic::isDate, DateArithmetic::isInteger),
            exactly("<DATE> - <DATE>", DateArithmetic::isDate, DateArithmetic::isDate)));

    private static final SqlOperator PLUS_DAYS = MethodOperators.function("BASALT_PLUS_DAYS", DateTimeFunctions.class,
            "plusDays", SqlTypeName.DATE, int.class, int.class);
    private static final SqlOperator MINUS_DAYS = MethodOperators.function("BASALT_MINUS_DAYS",
            DateTimeFunctions.class, "minusDays", SqlTypeName.DATE, int.class, int.class);
    private static final SqlOperator DAYS_BETWEEN = MethodOperators.function("BASALT_DAYS_BETWEEN",
            DateTimeFunctions.class, "daysBetween", SqlTypeName.INTEGER, int.class, int.class);

    private DateArithmetic() {
    }

    /** The call of {@link DateTimeFunctions} that computes {@code call}, or null when it is no date arithmetic. */
    static RexNode rewrite(RexBuilder rexBuilder, RexCall call) {
        if (call.getOperands().size() != 2 || call.getKind() != SqlKind.PLUS && call.getKind() != SqlKind.MINUS) {
            return null;
        }
        RexNode left = call.getOperands().get(0);
        RexNode right = call.getOperands().get(1);
        boolean leftDate = isDate(left.getType());
        boolean rightDate = isDate(right.getType());
        RelDataType type = call.getType();
        if (call.getKind() == SqlKind.PLUS && leftDate != rightDate) {
            RexNode date = leftDate ? left : right;
            RexNode days = leftDate ? right : left;
            return isInteger(days.getType()) ? rexBuilder.makeCall(type, PLUS_DAYS, List.of(date, asInteger(rexBuilder, days)))
                    : null;
        }
        if (call.getKind() == SqlKind.MINUS && leftDate) {
            if (rightDate) {
                return rexBuilder.makeCall(type, DAYS_BETWEEN, List.of(left, right));
            }
            return isInteger(right.getType()) ? rexBuilder.makeCall(type, MINUS_DAYS,
                    List.of(left, asInteger(rexBuilder, right))) : null;
        }
        return null;
    }

    private static SqlOperator replace(SqlOperator standard, SqlOperandTypeChecker dateOperands) {
        return new SqlMonotonicBinaryOperator(standard.getName(), standard.getKind(), standard.getLeftPrec(), true,
                binding -> returnType(standard, binding), InferTypes.FIRST_KNOWN,
                OperandTypes.or(standard.getOperandTypeChecker(), dateOperands));
    }

    private static RelDataType returnType(SqlOperator standard, SqlOperatorBinding binding) {
        if (binding.getOperandCount() != 2) {
            return standard.inferReturnType(binding);
        }
        RelDataType left = binding.getOperandType(0);
        RelDataType right = binding.getOperandType(1);
        boolean leftDate = isDate(left);
        boolean rightDate = isDate(right);
        SqlTypeName result;
        if (leftDate && rightDate && standard.getKind() == SqlKind.MINUS) {
            result = SqlTypeName.INTEGER;
        } else if (leftDate && isInteger(right) || rightDate && isInteger(left) && standard.getKind() == SqlKind.PLUS) {
            result = SqlTypeName.DATE;
        } else {
            return standard.inferReturnType(binding);
        }
        RelDataTypeFactory factory = binding.getTypeFactory();
        return factory.createTypeWithNullability(factory.createSqlType(result),
                left.isNullable() || right.isNullable());
    }

    /**
     * Operands of exactly these types, never cast to fit: a family checker would let the
     * validator cast a TIMESTAMP to DATE, and {@code timestamp - timestamp} would count days.
     */
    private static SqlOperandTypeChecker exactly(String signature, Predicate<RelDataType> left,
                                                 Predicate<RelDataType> right) {
        return new SqlOperandTypeChecker() {
            @Override
            public boolean checkOperandTypes(SqlCallBinding binding, boolean throwOnFailure) {
                boolean matches = left.test(binding.getOperandType(0)) && right.test(binding.getOperandType(1));
                if (!matches && throwOnFailure) {
                    throw binding.newValidationSignatureError();
                }
                return matches;
            }

            @Override
            public SqlOperandCountRange getOperandCountRange() {
                return SqlOperandCountRanges.of(2);
            }

            @Override
            public String getAllowedSignatures(SqlOperator op, String opName) {
                return signature;
            }
        };
    }

    private static boolean isDate(RelDataType type) {
        return type.getSqlTypeName() == SqlTypeName.DATE;
    }

    private static boolean isInteger(RelDataType type) {
        return SqlTypeName.INT_TYPES.contains(type.getSqlTypeName());
    }

    /** Days as an INTEGER: PostgreSQL has date + integer only, so a BIGINT that does not fit is 22003 there too. */
    private static RexNode asInteger(RexBuilder rexBuilder, RexNode days) {
        if (days.getType().getSqlTypeName() == SqlTypeName.INTEGER) {
            return days;
        }
        RelDataTypeFactory factory = rexBuilder.getTypeFactory();
        return rexBuilder.makeCast(factory.createTypeWithNullability(factory.createSqlType(SqlTypeName.INTEGER),
                days.getType().isNullable()), days);
    }
}

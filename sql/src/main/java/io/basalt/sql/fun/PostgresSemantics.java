package io.basalt.sql.fun;

import io.basalt.common.error.BasaltException;
import io.basalt.sql.type.TextInput;
import io.basalt.sql.type.UnconstrainedNumeric;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.calcite.avatica.util.TimeUnitRange;
import org.apache.calcite.rel.RelHomogeneousShuttle;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexExecutor;
import org.apache.calcite.rex.RexLiteral;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexShuttle;
import org.apache.calcite.rex.RexSubQuery;
import org.apache.calcite.rex.RexUtil;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.type.SqlTypeFamily;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * Rewrites the built-in operations whose Calcite behaviour differs visibly from PostgreSQL's into
 * calls of Basalt's own implementations ({@link NumericFunctions}, {@link TextFunctions},
 * {@link BasaltFunctions}), after SQL is converted to a plan, where types are known. Every
 * rewrite keeps the original result type.
 *
 * <ul>
 *   <li>Checked arithmetic (the SQL standard and PostgreSQL): on integers, + - * / and unary minus
 *       raise 22003 instead of wrapping around (Calcite's checked operators); on DECIMAL, every
 *       result is cast to its type, which raises 22003 when it has too many digits; DECIMAL
 *       division keeps the scale of its type ({@code BasaltTypeSystem}); on DOUBLE and REAL,
 *       overflow and underflow are 22003 and division by zero 22012, never Infinity.
 *       Calcite's {@code ConvertToChecked} does the first two, but drops the rewritten operands
 *       of a DECIMAL operation: {@code CAST(i * i AS DECIMAL(20, 0)) + 1.5} wrapped around.</li>
 *   <li>ABS of the smallest integer, SQRT, LN, LOG10, EXP and POWER of arguments they are not
 *       defined for raise PostgreSQL's errors (22003, 2201F, 2201E) instead of returning a
 *       wrong number, NaN or Infinity.</li>
 *   <li>DOUBLE and REAL become integers rounded to nearest, not truncated, and 22003 when out of
 *       range.</li>
 *   <li>Unconstrained NUMERIC ({@link UnconstrainedNumeric}) is never rounded to its marker
 *       type's scale: a cast to it, and the check of a result of its type, keep the value's own
 *       scale and only check PostgreSQL's limits; its quotients take PostgreSQL's scale for the
 *       values.</li>
 *   <li>TIME and TIMESTAMP cast to fewer fractional digits are rounded, not truncated.</li>
 *   <li>Text becomes BOOLEAN, DATE, TIME and TIMESTAMP by PostgreSQL's input rules
 *       ({@code TextInput}); BOOLEAN, TIMESTAMP and TIME become text as PostgreSQL writes them.</li>
 *   <li>{@code CHAR_LENGTH}, {@code SUBSTRING} and {@code POSITION} count code points, not UTF-16 units;
 *       SUBSTRING with a negative length is 22011. {@code OCTET_LENGTH} counts UTF-8 bytes.</li>
 *   <li>{@code LIKE} without {@code ESCAPE} has backslash as its escape character.</li>
 *   <li>{@code EXTRACT(DOW ...)} counts from Sunday = 0.</li>
 *   <li>{@code NOW()} is {@code CURRENT_TIMESTAMP}.</li>
 * </ul>
 */
public final class PostgresSemantics {
    private static final SqlOperator CHAR_LENGTH = function("CHAR_LENGTH", BasaltFunctions.class, "charLength",
            SqlTypeName.INTEGER, String.class);
    private static final SqlOperator TIMESTAMP_TEXT = function("TIMESTAMP_TEXT", BasaltFunctions.class, "timestampText",
            SqlTypeName.VARCHAR, long.class);
    private static final SqlOperator TIME_TEXT = function("TIME_TEXT", BasaltFunctions.class, "timeText",
            SqlTypeName.VARCHAR, int.class);
    private static final SqlOperator ROUND_TIME = function("ROUND_TIME", BasaltFunctions.class, "roundTime",
            SqlTypeName.TIME, int.class, int.class);
    private static final SqlOperator ROUND_TIMESTAMP = function("ROUND_TIMESTAMP", BasaltFunctions.class,
            "roundTimestamp", SqlTypeName.TIMESTAMP, long.class, int.class);
    private static final SqlOperator OCTET_LENGTH = function("OCTET_LENGTH", TextFunctions.class, "octetLength",
            SqlTypeName.INTEGER, String.class);
    private static final SqlOperator LIKE = function("LIKE", TextFunctions.class, "like",
            SqlTypeName.BOOLEAN, String.class, String.class);
    private static final SqlOperator BOOLEAN_TEXT = function("BOOLEAN_TEXT", TextFunctions.class, "booleanText",
            SqlTypeName.VARCHAR, boolean.class);
    private static final SqlOperator TO_BOOLEAN = function("TO_BOOLEAN", TextFunctions.class, "toBoolean",
            SqlTypeName.BOOLEAN, String.class);
    private static final SqlOperator TO_DATE = function("TO_DATE", TextFunctions.class, "toDate",
            SqlTypeName.DATE, String.class);
    private static final SqlOperator TO_TIME = function("TO_TIME", TextFunctions.class, "toTime",
            SqlTypeName.TIME, String.class);
    private static final SqlOperator TO_TIMESTAMP = function("TO_TIMESTAMP", TextFunctions.class, "toTimestamp",
            SqlTypeName.TIMESTAMP, String.class);
    private static final SqlOperator SUBSTRING = function("SUBSTRING", TextFunctions.class, "substring",
            SqlTypeName.VARCHAR, String.class, long.class, long.class);
    private static final SqlOperator POSITION = function("POSITION", StringFunctions.class, "position",
            SqlTypeName.INTEGER, String.class, String.class);
    private static final SqlOperator SUBSTRING_TO_END = function("SUBSTRING_TO_END", TextFunctions.class, "substring",
            SqlTypeName.VARCHAR, String.class, long.class);

    private static final SqlOperator VARIANCE = function("VARIANCE", NumericFunctions.class, "variance",
            SqlTypeName.DECIMAL, BigDecimal.class, BigDecimal.class, long.class, boolean.class, boolean.class, int.class);
    private static final SqlOperator DECIMAL_DIVIDE = function("DECIMAL_DIVIDE", NumericFunctions.class, "divide",
            SqlTypeName.DECIMAL, BigDecimal.class, BigDecimal.class, int.class);
    private static final SqlOperator NUMERIC_DIVIDE = function("NUMERIC_DIVIDE", NumericFunctions.class,
            "numericDivide", SqlTypeName.DECIMAL, BigDecimal.class, BigDecimal.class);
    private static final FloatOperators DOUBLE = new FloatOperators(double.class, SqlTypeName.DOUBLE);
    private static final FloatOperators REAL = new FloatOperators(float.class, SqlTypeName.REAL);

    private static final SqlOperator ABS_SMALLINT = function("ABS_SMALLINT", NumericFunctions.class, "abs",
            SqlTypeName.SMALLINT, short.class);
    private static final SqlOperator ABS_INTEGER = function("ABS_INTEGER", NumericFunctions.class, "abs",
            SqlTypeName.INTEGER, int.class);
    private static final SqlOperator ABS_BIGINT = function("ABS_BIGINT", NumericFunctions.class, "abs",
            SqlTypeName.BIGINT, long.class);
    private static final SqlOperator TO_TINYINT = function("TO_TINYINT", NumericFunctions.class, "toTinyint",
            SqlTypeName.TINYINT, double.class);
    private static final SqlOperator TO_SMALLINT = function("TO_SMALLINT", NumericFunctions.class, "toSmallint",
            SqlTypeName.SMALLINT, double.class);
    private static final SqlOperator TO_INTEGER = function("TO_INTEGER", NumericFunctions.class, "toInteger",
            SqlTypeName.INTEGER, double.class);
    private static final SqlOperator TO_BIGINT = function("TO_BIGINT", NumericFunctions.class, "toBigint",
            SqlTypeName.BIGINT, double.class);
    private static final SqlOperator SQRT = doubleFunction("SQRT", "sqrt", 1);
    private static final SqlOperator LN = doubleFunction("LN", "ln", 1);
    private static final SqlOperator LOG10 = doubleFunction("LOG10", "log10", 1);
    private static final SqlOperator EXP = doubleFunction("EXP", "exp", 1);
    private static final SqlOperator POWER = doubleFunction("POWER", "power", 2);
    private static final BigDecimal ONE_HALF = new BigDecimal("0.5");

    private PostgresSemantics() {
    }

    public static RelNode apply(RelNode root) {
        return root.accept(new RelRewriter(root.getCluster().getRexBuilder()));
    }

    /** STDDEV or VARIANCE of type {@code type} from the sum of squares, sum and count of the values (see {@link NumericAggregates}). */
    static RexNode variance(RexBuilder rexBuilder, RelDataType type, RexNode sumOfSquares, RexNode sum, RexNode count,
                            boolean sample, boolean root) {
        RelDataTypeFactory typeFactory = rexBuilder.getTypeFactory();
        return rexBuilder.makeCall(type, VARIANCE, List.of(sumOfSquares, sum, count, rexBuilder.makeLiteral(sample),
                rexBuilder.makeLiteral(root),
                rexBuilder.makeLiteral(type.getScale(), typeFactory.createSqlType(SqlTypeName.INTEGER))));
    }

    /**
     * The planner's constant folding with these semantics. Calcite folds constant expressions
     * (while converting SQL to a plan, and in its rules) by running its own implementation of
     * them, which would give {@code CAST(3.5E0 AS INTEGER)} as 3 and {@code CAST(FALSE AS
     * VARCHAR)} as {@code 'FALSE'} before {@link #apply} ever sees the plan. An expression that
     * fails (1 / 0) stays unfolded, so that it fails when the statement runs, as before.
     */
    public static RexExecutor constantFolding() {
        return (rexBuilder, constants, reduced) -> {
            Rewriter rewriter = new RelRewriter(rexBuilder).rewriter;
            List<RexNode> rewritten = constants.stream().map(constant -> constant.accept(rewriter)).toList();
            List<RexNode> folded = new ArrayList<>();
            RexNode parsed = rewritten.size() == 1 ? parsedText(rexBuilder, rewritten.get(0)) : null;
            if (parsed != null) {
                folded.add(parsed);
            } else {
                RexUtil.EXECUTOR.reduce(rexBuilder, rewritten, folded);
            }
            for (int i = 0; i < constants.size(); i++) {
                // An unconstrained NUMERIC stays unfolded: a literal of its type would be rescaled
                // to the marker's 500 fractional digits (see UnconstrainedCasts).
                boolean keep = folded.get(i) == rewritten.get(i) || UnconstrainedNumeric.is(constants.get(i).getType());
                reduced.add(keep ? constants.get(i) : folded.get(i));
            }
        };
    }

    /**
     * A text literal cast to BOOLEAN, DATE, TIME or TIMESTAMP, folded without Calcite's executor,
     * which compiles Java code for each expression it folds: a VALUES list of thousands of dates
     * written as text took seconds to plan. Null when {@code expression} is not such a cast, or
     * the text is not valid (it then fails when the statement runs, as any constant does).
     */
    private static RexNode parsedText(RexBuilder rexBuilder, RexNode expression) {
        if (!(expression instanceof RexCall call) || call.getOperands().size() != 1
                || !(call.getOperands().get(0) instanceof RexLiteral literal) || literal.isNull()
                || !SqlTypeFamily.CHARACTER.contains(literal.getType())) {
            return null;
        }
        String text = literal.getValueAs(String.class);
        SqlOperator operator = call.getOperator();
        try {
            Object value = operator == TO_DATE ? (Object) TextInput.toDate(text)
                    : operator == TO_TIME ? (Object) TextInput.toTime(text)
                    : operator == TO_TIMESTAMP ? (Object) TextInput.toTimestamp(text)
                    : operator == TO_BOOLEAN ? (Object) TextInput.toBoolean(text)
                    : null;
            return value == null ? null : rexBuilder.makeLiteral(value, call.getType(), true);
        } catch (BasaltException e) {
            return null;
        }
    }

    private static SqlOperator doubleFunction(String name, String method, int arity) {
        Class<?>[] parameters = new Class<?>[arity];
        Arrays.fill(parameters, double.class);
        return function(name, NumericFunctions.class, method, SqlTypeName.DOUBLE, parameters);
    }

    /** An internal operator: only ever called with an explicit result type, never validated. */
    static SqlOperator function(String name, Class<?> owner, String method, SqlTypeName result,
                                        Class<?>... parameters) {
        return MethodOperators.function("BASALT_" + name, owner, method, result, parameters);
    }

    /** Checked + - * / on one floating-point type. */
    private record FloatOperators(SqlOperator plus, SqlOperator minus, SqlOperator times, SqlOperator divide,
                                  SqlTypeName type) {
        FloatOperators(Class<?> javaType, SqlTypeName type) {
            this(operator("PLUS", "plus", javaType, type), operator("MINUS", "minus", javaType, type),
                    operator("TIMES", "times", javaType, type), operator("DIVIDE", "divide", javaType, type), type);
        }

        private static SqlOperator operator(String name, String method, Class<?> javaType, SqlTypeName type) {
            // Distinct names per type: operators with one name, kind and class are equal to Calcite.
            return function(type + "_" + name, NumericFunctions.class, method, type, javaType, javaType);
        }

        SqlOperator of(SqlKind kind) {
            return switch (kind) {
                case PLUS -> plus;
                case MINUS -> minus;
                case TIMES -> times;
                default -> divide;
            };
        }
    }

    /** Visits every relational expression, including those inside subqueries. */
    private static final class RelRewriter extends RelHomogeneousShuttle {
        private final Rewriter rewriter;

        RelRewriter(RexBuilder rexBuilder) {
            this.rewriter = new Rewriter(rexBuilder, this);
        }

        @Override
        public RelNode visit(RelNode other) {
            return visitChildren(other).accept(rewriter);
        }
    }

    private static final class Rewriter extends RexShuttle {
        private final RexBuilder rexBuilder;
        private final RelDataTypeFactory typeFactory;
        private final RelRewriter relRewriter;

        Rewriter(RexBuilder rexBuilder, RelRewriter relRewriter) {
            this.rexBuilder = rexBuilder;
            this.typeFactory = rexBuilder.getTypeFactory();
            this.relRewriter = relRewriter;
        }

        @Override
        public RexNode visitSubQuery(RexSubQuery subQuery) {
            RexSubQuery visited = (RexSubQuery) super.visitSubQuery(subQuery);
            RelNode rel = visited.rel.accept(relRewriter);
            return rel == visited.rel ? visited : visited.clone(rel);
        }

        @Override
        public RexNode visitCall(RexCall call) {
            RexCall visited = (RexCall) super.visitCall(call);
            SqlOperator operator = visited.getOperator();
            RelDataType type = visited.getType();
            List<RexNode> operands = visited.getOperands();
            if (visited.getKind() == SqlKind.CAST) {
                return cast(visited);
            }
            if (operator == SqlStdOperatorTable.CHAR_LENGTH || operator == SqlStdOperatorTable.CHARACTER_LENGTH) {
                return rexBuilder.makeCall(type, CHAR_LENGTH, operands);
            }
            if (operator == SqlStdOperatorTable.CURRENT_SCHEMA) {
                // One schema holds every table (the catalog's PUBLIC); Calcite has no code for it.
                return rexBuilder.makeLiteral("PUBLIC", type, false);
            }
            if (operator == PostgresFunctionTable.NOW) {
                return rexBuilder.makeCall(type, SqlStdOperatorTable.CURRENT_TIMESTAMP, List.of());
            }
            if (operator == SqlStdOperatorTable.POSITION && operands.size() == 2
                    && SqlTypeFamily.CHARACTER.contains(operands.get(1).getType())) {
                return rexBuilder.makeCall(type, POSITION, List.of(operands.get(1), operands.get(0)));
            }
            if (operator.equals(SqlStdOperatorTable.OCTET_LENGTH)
                    && SqlTypeFamily.CHARACTER.contains(operands.get(0).getType())) {
                return rexBuilder.makeCall(type, OCTET_LENGTH, operands);
            }
            if (operator == SqlStdOperatorTable.LIKE && operands.size() == 2
                    && SqlTypeFamily.CHARACTER.contains(operands.get(0).getType())
                    && SqlTypeFamily.CHARACTER.contains(operands.get(1).getType())) {
                return rexBuilder.makeCall(type, LIKE, operands);
            }
            if (operator == SqlStdOperatorTable.EXTRACT && operands.get(0) instanceof RexLiteral unit
                    && unit.getValue() == TimeUnitRange.DOW) {
                // PostgreSQL counts the days of the week from Sunday = 0, Calcite from Sunday = 1.
                return rexBuilder.makeCall(call.getParserPosition(), type, SqlStdOperatorTable.CHECKED_MINUS,
                        List.of(visited, rexBuilder.makeExactLiteral(BigDecimal.ONE, type)));
            }
            if (operator == SqlStdOperatorTable.SUBSTRING
                    && SqlTypeFamily.CHARACTER.contains(operands.get(0).getType())) {
                List<RexNode> arguments = new ArrayList<>(operands);
                for (int i = 1; i < arguments.size(); i++) {
                    arguments.set(i, ensure(arguments.get(i), SqlTypeName.BIGINT));
                }
                return rexBuilder.makeCall(type, arguments.size() == 3 ? SUBSTRING : SUBSTRING_TO_END, arguments);
            }
            RexNode dateArithmetic = DateArithmetic.rewrite(rexBuilder, visited);
            if (dateArithmetic != null) {
                return dateArithmetic;
            }
            SqlTypeName result = type.getSqlTypeName();
            if (operator == SqlStdOperatorTable.ABS && absolute(result) != null) {
                return rexBuilder.makeCall(type, absolute(result), operands);
            }
            SqlOperator mathematical = mathematical(operator, operands, result);
            if (mathematical != null) {
                return rexBuilder.makeCall(type, mathematical,
                        operands.stream().map(operand -> ensure(operand, SqlTypeName.DOUBLE)).limit(
                                mathematical == SQRT ? 1 : operands.size()).toList());
            }
            RexNode rewritten = switch (visited.getKind()) {
                case PLUS, MINUS, TIMES, DIVIDE, MINUS_PREFIX -> arithmetic(visited);
                default -> visited;
            };
            if (result == SqlTypeName.DECIMAL) {
                // A DECIMAL result is checked against its type by a cast (22003 when it has too many digits).
                return checkedDecimal(type, rewritten);
            }
            return rewritten;
        }

        /** {@code node} checked against its DECIMAL {@code type}; an unconstrained one keeps its scale. */
        private RexNode checkedDecimal(RelDataType type, RexNode node) {
            return UnconstrainedNumeric.is(type) ? UnconstrainedCasts.checked(rexBuilder, type, node)
                    : rexBuilder.makeCast(type, node);
        }

        private static SqlOperator absolute(SqlTypeName result) {
            return switch (result) {
                case SMALLINT -> ABS_SMALLINT;
                case INTEGER -> ABS_INTEGER;
                case BIGINT -> ABS_BIGINT;
                default -> null;
            };
        }

        private static SqlOperator mathematical(SqlOperator operator, List<RexNode> operands, SqlTypeName result) {
            if (result != SqlTypeName.DOUBLE) {
                return null;
            }
            if (operator == SqlStdOperatorTable.POWER) {
                // Calcite turns SQRT(x) into POWER(x, 0.5) while converting SQL to a plan.
                return operands.get(1) instanceof RexLiteral exponent && !exponent.isNull()
                        && exponent.getValueAs(BigDecimal.class).compareTo(ONE_HALF) == 0 ? SQRT : POWER;
            }
            if (operator == SqlStdOperatorTable.SQRT) {
                return SQRT;
            }
            if (operator == SqlStdOperatorTable.LN) {
                return LN;
            }
            if (operator == SqlStdOperatorTable.LOG10) {
                return LOG10;
            }
            return operator == SqlStdOperatorTable.EXP ? EXP : null;
        }

        private RexNode arithmetic(RexCall call) {
            RelDataType type = call.getType();
            SqlKind kind = call.getKind();
            List<RexNode> operands = call.getOperands();
            SqlTypeName result = type.getSqlTypeName();
            if (SqlTypeName.INT_TYPES.contains(result)) {
                SqlOperator checked = switch (kind) {
                    case PLUS -> SqlStdOperatorTable.CHECKED_PLUS;
                    case MINUS -> SqlStdOperatorTable.CHECKED_MINUS;
                    case TIMES -> SqlStdOperatorTable.CHECKED_MULTIPLY;
                    case MINUS_PREFIX -> SqlStdOperatorTable.CHECKED_UNARY_MINUS;
                    default -> SqlStdOperatorTable.CHECKED_DIVIDE;
                };
                return rexBuilder.makeCall(call.getParserPosition(), type, checked, operands);
            }
            if (UnconstrainedNumeric.is(type) && kind == SqlKind.DIVIDE) {
                return rexBuilder.makeCall(type, NUMERIC_DIVIDE, List.of(ensure(operands.get(0), SqlTypeName.DECIMAL),
                        ensure(operands.get(1), SqlTypeName.DECIMAL)));
            }
            if (result == SqlTypeName.DECIMAL && kind == SqlKind.DIVIDE) {
                return rexBuilder.makeCall(type, DECIMAL_DIVIDE, List.of(ensure(operands.get(0), SqlTypeName.DECIMAL),
                        ensure(operands.get(1), SqlTypeName.DECIMAL),
                        rexBuilder.makeLiteral(type.getScale(), typeFactory.createSqlType(SqlTypeName.INTEGER))));
            }
            FloatOperators floating = switch (result) {
                case DOUBLE, FLOAT -> DOUBLE;
                case REAL -> REAL;
                default -> null;
            };
            if (floating == null || kind == SqlKind.MINUS_PREFIX) {
                return call;
            }
            return rexBuilder.makeCall(type, floating.of(kind),
                    operands.stream().map(operand -> ensure(operand, floating.type())).toList());
        }

        private RexNode cast(RexCall cast) {
            RelDataType target = cast.getType();
            RexNode operand = cast.getOperands().get(0);
            SqlTypeName from = operand.getType().getSqlTypeName();
            SqlTypeName to = target.getSqlTypeName();
            if (UnconstrainedNumeric.is(target)) {
                RexNode converted = UnconstrainedCasts.convert(rexBuilder, target, operand);
                return converted == null ? cast : converted;
            }
            if (SqlTypeFamily.CHARACTER.contains(target)) {
                SqlOperator text = switch (from) {
                    case TIMESTAMP -> TIMESTAMP_TEXT;
                    case TIME -> TIME_TEXT;
                    case BOOLEAN -> BOOLEAN_TEXT;
                    default -> null;
                };
                if (text == null) {
                    return cast;
                }
                // The cast to the target keeps what the original did for a CHAR(n) or VARCHAR(n).
                return rexBuilder.makeCast(target, rexBuilder.makeCall(nullableAs(SqlTypeName.VARCHAR, operand), text,
                        List.of(operand)));
            }
            if (SqlTypeFamily.CHARACTER.contains(operand.getType())) {
                SqlOperator parse = switch (to) {
                    case BOOLEAN -> TO_BOOLEAN;
                    case DATE -> TO_DATE;
                    case TIME -> TO_TIME;
                    case TIMESTAMP -> TO_TIMESTAMP;
                    default -> null;
                };
                if (parse == null) {
                    return cast;
                }
                RexNode parsed = rexBuilder.makeCall(nullableAs(to, operand), parse, List.of(operand));
                // TIME(p) and TIMESTAMP(p) below milliseconds: Calcite's cast from the millisecond type.
                return parsed.getType().equals(target) ? parsed : rexBuilder.makeCast(target, parsed);
            }
            if ((to == SqlTypeName.TIME || to == SqlTypeName.TIMESTAMP) && from == to
                    && target.getPrecision() < operand.getType().getPrecision()) {
                return rexBuilder.makeCall(target, to == SqlTypeName.TIME ? ROUND_TIME : ROUND_TIMESTAMP, List.of(operand,
                        rexBuilder.makeLiteral(target.getPrecision(), typeFactory.createSqlType(SqlTypeName.INTEGER))));
            }
            if (SqlTypeName.APPROX_TYPES.contains(from)) {
                SqlOperator round = switch (to) {
                    case TINYINT -> TO_TINYINT;
                    case SMALLINT -> TO_SMALLINT;
                    case INTEGER -> TO_INTEGER;
                    case BIGINT -> TO_BIGINT;
                    default -> null;
                };
                if (round != null) {
                    return rexBuilder.makeCall(target, round, List.of(ensure(operand, SqlTypeName.DOUBLE)));
                }
            }
            return cast;
        }

        /** The type {@code typeName} (at its default precision), nullable if {@code like} is. */
        private RelDataType nullableAs(SqlTypeName typeName, RexNode like) {
            return typeFactory.createTypeWithNullability(typeFactory.createSqlType(typeName), like.getType().isNullable());
        }

        /** {@code node} as {@code typeName}, cast if it is of another type. */
        private RexNode ensure(RexNode node, SqlTypeName typeName) {
            if (node.getType().getSqlTypeName() == typeName) {
                return node;
            }
            RelDataType type = typeName == SqlTypeName.DECIMAL
                    ? typeFactory.createSqlType(SqlTypeName.DECIMAL, typeFactory.getTypeSystem().getMaxNumericPrecision(),
                            decimalScaleOf(node.getType()))
                    : typeFactory.createSqlType(typeName);
            return rexBuilder.makeCast(typeFactory.createTypeWithNullability(type, node.getType().isNullable()), node);
        }

        private static int decimalScaleOf(RelDataType type) {
            return type.getSqlTypeName() == SqlTypeName.DECIMAL ? type.getScale() : 0;
        }
    }
}

package io.basalt.sql.fun;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.calcite.rel.RelHomogeneousShuttle;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.AggregateCall;
import org.apache.calcite.rel.logical.LogicalAggregate;
import org.apache.calcite.rel.logical.LogicalProject;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.rel.type.RelDataTypeField;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexOver;
import org.apache.calcite.rex.RexShuttle;
import org.apache.calcite.rex.RexSubQuery;
import org.apache.calcite.rex.RexWindow;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * Makes SUM, AVG and the variance family compute as PostgreSQL does, before the plan is optimised
 * (the types come from {@code BasaltTypeSystem}):
 *
 * <ul>
 *   <li>SUM of BIGINT is DECIMAL(38, 0), so that it cannot wrap around; Calcite's enumerable SUM
 *       adds the argument to the accumulator as it is, so a BIGINT argument is cast to DECIMAL
 *       first (also inside {@code OVER}).</li>
 *   <li>AVG of an exact number becomes {@code SUM(x) / COUNT(x)}, divided here rather than by
 *       Calcite's {@code AggregateReduceFunctionsRule}: that rule casts the sum to the average's
 *       type (AVG of DECIMAL(3, 2) failed as soon as the sum reached 10) and divides with 16
 *       significant digits at most. The division is a DECIMAL division like any other
 *       ({@link PostgresSemantics}). AVG of REAL averages as DOUBLE.</li>
 *   <li>STDDEV and VARIANCE of exact numbers become sums of squares, sums and counts, combined
 *       exactly ({@code NumericFunctions.variance}); Calcite's own expansion squared INTEGERs
 *       after arithmetic had been made checked, so {@code x * x} wrapped around, and divided with
 *       16 significant digits. (With DISTINCT they compute on DECIMAL, by Calcite's expansion.)
 *       COVAR and REGR are DOUBLE PRECISION, as in PostgreSQL, so their arguments are cast to
 *       DOUBLE.</li>
 * </ul>
 */
public final class NumericAggregates {
    private static final Set<SqlKind> VARIANCES = EnumSet.of(SqlKind.STDDEV_POP, SqlKind.STDDEV_SAMP,
            SqlKind.VAR_POP, SqlKind.VAR_SAMP);
    /** DOUBLE PRECISION aggregates in PostgreSQL ({@code BasaltTypeSystem.deriveCovarType}). */
    private static final Set<SqlKind> COVARIANCES = EnumSet.of(SqlKind.COVAR_POP, SqlKind.COVAR_SAMP,
            SqlKind.REGR_SXX, SqlKind.REGR_SYY);

    private NumericAggregates() {
    }

    public static RelNode apply(RelNode root) {
        return root.accept(new Rewriter(root.getCluster().getRexBuilder()));
    }

    private static final class Rewriter extends RelHomogeneousShuttle {
        private final RexBuilder rexBuilder;
        private final RelDataTypeFactory typeFactory;
        private final RexShuttle windows;

        Rewriter(RexBuilder rexBuilder) {
            this.rexBuilder = rexBuilder;
            this.typeFactory = rexBuilder.getTypeFactory();
            this.windows = new WindowRewriter();
        }

        @Override
        public RelNode visit(RelNode other) {
            RelNode visited = visitChildren(other).accept(windows);
            return visited instanceof LogicalAggregate aggregate ? rewrite(aggregate) : visited;
        }

        private RelNode rewrite(LogicalAggregate aggregate) {
            RelNode input = aggregate.getInput();
            List<RelDataTypeField> fields = input.getRowType().getFieldList();
            // Each call's arguments, with those it needs cast replaced by new fields of the input.
            List<RexNode> projects = new ArrayList<>();
            List<String> names = new ArrayList<>(input.getRowType().getFieldNames());
            for (RelDataTypeField field : fields) {
                projects.add(rexBuilder.makeInputRef(input, field.getIndex()));
            }
            // Expressions added to the input, after its fields; equal ones share one field.
            Map<RexNode, Integer> castFields = new HashMap<>();
            List<RexNode> extraFields = new ArrayList<>();
            List<List<Integer>> castArgs = new ArrayList<>();
            // For STDDEV and VARIANCE: the input field of the square of the argument, else -1.
            List<Integer> squareArgs = new ArrayList<>();
            boolean averages = false;
            for (AggregateCall call : aggregate.getAggCallList()) {
                SqlKind kind = call.getAggregation().getKind();
                List<Integer> args = new ArrayList<>();
                for (int arg : call.getArgList()) {
                    RelDataType cast = castFor(kind, fields.get(arg).getType(), call.getType());
                    if (cast == null) {
                        args.add(arg);
                    } else {
                        RexNode expression = rexBuilder.makeCast(cast, projects.get(arg));
                        args.add(field(expression, castFields, extraFields, fields.size()));
                    }
                }
                castArgs.add(args);
                if (isVariance(call, fields)) {
                    RexNode value = args.get(0) < fields.size() ? projects.get(args.get(0))
                            : extraFields.get(args.get(0) - fields.size());
                    RexNode square = rexBuilder.makeCall(SqlStdOperatorTable.MULTIPLY, value, value);
                    squareArgs.add(field(square, castFields, extraFields, fields.size()));
                } else {
                    squareArgs.add(-1);
                }
                averages |= kind == SqlKind.AVG && isExact(argumentType(call, fields)) || isVariance(call, fields);
            }
            if (castFields.isEmpty() && !averages) {
                return aggregate;
            }
            extraFields.forEach(expression -> {
                projects.add(expression);
                names.add("$cast" + names.size());
            });
            RelNode castInput = castFields.isEmpty() ? input : LogicalProject.create(input, List.of(), projects, names);

            int groupCount = aggregate.getGroupCount();
            List<AggregateCall> calls = new ArrayList<>();
            // For each original call: the expression over the new aggregate that computes it.
            List<RexNode> outputs = new ArrayList<>();
            for (int c = 0; c < aggregate.getAggCallList().size(); c++) {
                AggregateCall call = aggregate.getAggCallList().get(c);
                SqlKind kind = call.getAggregation().getKind();
                List<Integer> args = castArgs.get(c);
                if (kind == SqlKind.AVG && isExact(argumentType(call, fields))) {
                    AggregateCall sum = AggregateCall.create(call.getParserPosition(), SqlStdOperatorTable.SUM,
                            call.isDistinct(), call.isApproximate(), call.ignoreNulls(), call.rexList, args,
                            call.filterArg, call.distinctKeys, call.collation, aggregate.hasEmptyGroup(), castInput,
                            null, null);
                    AggregateCall count = AggregateCall.create(call.getParserPosition(), SqlStdOperatorTable.COUNT,
                            call.isDistinct(), call.isApproximate(), call.ignoreNulls(), call.rexList,
                            call.getArgList(), call.filterArg, call.distinctKeys, call.collation,
                            aggregate.hasEmptyGroup(), castInput, null, null);
                    RexNode sumRef = rexBuilder.makeInputRef(sum.getType(), groupCount + calls.size());
                    RexNode countRef = rexBuilder.makeInputRef(count.getType(), groupCount + calls.size() + 1);
                    calls.add(sum);
                    calls.add(count);
                    outputs.add(rexBuilder.makeCall(call.getType(), SqlStdOperatorTable.DIVIDE, List.of(sumRef, countRef)));
                } else if (squareArgs.get(c) >= 0) {
                    AggregateCall sumOfSquares = sum(call, List.of(squareArgs.get(c)), aggregate, castInput);
                    AggregateCall sum = sum(call, args, aggregate, castInput);
                    AggregateCall count = AggregateCall.create(call.getParserPosition(), SqlStdOperatorTable.COUNT,
                            false, call.isApproximate(), call.ignoreNulls(), call.rexList, call.getArgList(),
                            call.filterArg, null, call.collation, aggregate.hasEmptyGroup(), castInput, null, null);
                    int first = groupCount + calls.size();
                    calls.add(sumOfSquares);
                    calls.add(sum);
                    calls.add(count);
                    outputs.add(PostgresSemantics.variance(rexBuilder, call.getType(),
                            rexBuilder.makeInputRef(sumOfSquares.getType(), first),
                            rexBuilder.makeInputRef(sum.getType(), first + 1),
                            rexBuilder.makeInputRef(count.getType(), first + 2),
                            kind == SqlKind.VAR_SAMP || kind == SqlKind.STDDEV_SAMP,
                            kind == SqlKind.STDDEV_POP || kind == SqlKind.STDDEV_SAMP));
                } else {
                    outputs.add(rexBuilder.makeInputRef(call.getType(), groupCount + calls.size()));
                    calls.add(call.withArgList(args));
                }
            }
            LogicalAggregate rewritten = LogicalAggregate.create(castInput, aggregate.getHints(), aggregate.getGroupSet(),
                    aggregate.getGroupSets(), calls);
            if (!averages) {
                return rewritten;
            }
            List<RexNode> top = new ArrayList<>();
            for (int i = 0; i < groupCount; i++) {
                top.add(rexBuilder.makeInputRef(rewritten, i));
            }
            top.addAll(outputs);
            return LogicalProject.create(rewritten, List.of(), top, aggregate.getRowType().getFieldNames());
        }

        /** The input field of {@code expression}: an existing one, or one added after {@code fieldCount} fields. */
        private static int field(RexNode expression, Map<RexNode, Integer> fieldOf, List<RexNode> added, int fieldCount) {
            return fieldOf.computeIfAbsent(expression, e -> {
                added.add(e);
                return fieldCount + added.size() - 1;
            });
        }

        private static AggregateCall sum(AggregateCall call, List<Integer> args, LogicalAggregate aggregate,
                                         RelNode input) {
            return AggregateCall.create(call.getParserPosition(), SqlStdOperatorTable.SUM, false, call.isApproximate(),
                    call.ignoreNulls(), call.rexList, args, call.filterArg, null, call.collation,
                    aggregate.hasEmptyGroup(), input, null, null);
        }

        /**
         * STDDEV or VARIANCE of an exact number, computed from the sum of squares, the sum and the
         * count. Not with DISTINCT: distinct values can have equal squares (2 and -2).
         */
        private static boolean isVariance(AggregateCall call, List<RelDataTypeField> fields) {
            SqlKind kind = call.getAggregation().getKind();
            return VARIANCES.contains(kind) && !call.isDistinct() && isExact(argumentType(call, fields))
                    && call.getType().getSqlTypeName() == SqlTypeName.DECIMAL;
        }

        /** The type to cast an argument of {@code kind} to before aggregating, or null to leave it. */
        private RelDataType castFor(SqlKind kind, RelDataType argument, RelDataType result) {
            SqlTypeName typeName = argument.getSqlTypeName();
            boolean toDouble = kind == SqlKind.AVG && typeName == SqlTypeName.REAL
                    || COVARIANCES.contains(kind) && result.getSqlTypeName() == SqlTypeName.DOUBLE
                            && typeName != SqlTypeName.DOUBLE;
            boolean toDecimal = switch (kind) {
                case SUM, SUM0 -> typeName == SqlTypeName.BIGINT && result.getSqlTypeName() == SqlTypeName.DECIMAL;
                case AVG -> typeName == SqlTypeName.BIGINT;
                default -> VARIANCES.contains(kind) && SqlTypeName.INT_TYPES.contains(typeName);
            };
            if (!toDouble && !toDecimal) {
                return null;
            }
            RelDataType wide = toDouble
                    ? typeFactory.createSqlType(SqlTypeName.DOUBLE)
                    : typeFactory.createSqlType(SqlTypeName.DECIMAL, digitsOf(typeName), 0);
            return typeFactory.createTypeWithNullability(wide, argument.isNullable());
        }

        private static int digitsOf(SqlTypeName integer) {
            return switch (integer) {
                case TINYINT -> 3;
                case SMALLINT -> 5;
                case INTEGER -> 10;
                default -> 19;
            };
        }

        private static RelDataType argumentType(AggregateCall call, List<RelDataTypeField> fields) {
            return call.getArgList().size() == 1 ? fields.get(call.getArgList().get(0)).getType() : null;
        }

        private static boolean isExact(RelDataType type) {
            return type != null && (SqlTypeName.INT_TYPES.contains(type.getSqlTypeName())
                    || type.getSqlTypeName() == SqlTypeName.DECIMAL);
        }

        /** SUM of BIGINT inside OVER: the same cast as in a GROUP BY. */
        private final class WindowRewriter extends RexShuttle {
            @Override
            public RexNode visitOver(RexOver over) {
                RexOver visited = (RexOver) super.visitOver(over);
                SqlKind kind = visited.getAggOperator().getKind();
                List<RexNode> operands = new ArrayList<>(visited.getOperands());
                boolean changed = false;
                for (int i = 0; i < operands.size(); i++) {
                    RelDataType cast = castFor(kind, operands.get(i).getType(), visited.getType());
                    if (cast != null && kind != SqlKind.AVG) {
                        operands.set(i, rexBuilder.makeCast(cast, operands.get(i)));
                        changed = true;
                    }
                }
                if (!changed) {
                    return visited;
                }
                RexWindow window = visited.getWindow();
                return rexBuilder.makeOver(visited.getType(), visited.getAggOperator(), operands, window.partitionKeys,
                        window.orderKeys, window.getLowerBound(), window.getUpperBound(), window.getExclude(),
                        window.isRows(), true, false, visited.isDistinct(), visited.ignoreNulls());
            }

            @Override
            public RexNode visitSubQuery(RexSubQuery subQuery) {
                RexSubQuery visited = (RexSubQuery) super.visitSubQuery(subQuery);
                RelNode rel = visited.rel.accept(Rewriter.this);
                return rel == visited.rel ? visited : visited.clone(rel);
            }
        }
    }
}

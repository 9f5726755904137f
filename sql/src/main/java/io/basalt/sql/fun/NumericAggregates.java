package io.basalt.sql.fun;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
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
 *   <li>STDDEV, VARIANCE and COVAR of integers compute on DECIMAL: Calcite expands them into sums
 *       of squares after arithmetic has been made checked, so {@code x * x} on INTEGER wrapped
 *       around.</li>
 * </ul>
 */
public final class NumericAggregates {
    private static final Set<SqlKind> SQUARING = EnumSet.of(SqlKind.STDDEV_POP, SqlKind.STDDEV_SAMP,
            SqlKind.VAR_POP, SqlKind.VAR_SAMP, SqlKind.COVAR_POP, SqlKind.COVAR_SAMP, SqlKind.REGR_SXX,
            SqlKind.REGR_SYY);

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
            Map<RexNode, Integer> castFields = new LinkedHashMap<>();
            List<List<Integer>> castArgs = new ArrayList<>();
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
                        args.add(castFields.computeIfAbsent(expression, e -> fields.size() + castFields.size()));
                    }
                }
                castArgs.add(args);
                averages |= kind == SqlKind.AVG && isExact(argumentType(call, fields));
            }
            if (castFields.isEmpty() && !averages) {
                return aggregate;
            }
            castFields.keySet().forEach(expression -> {
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

        /** The type to cast an argument of {@code kind} to before aggregating, or null to leave it. */
        private RelDataType castFor(SqlKind kind, RelDataType argument, RelDataType result) {
            SqlTypeName typeName = argument.getSqlTypeName();
            boolean widen = switch (kind) {
                case SUM, SUM0 -> typeName == SqlTypeName.BIGINT && result.getSqlTypeName() == SqlTypeName.DECIMAL;
                case AVG -> typeName == SqlTypeName.BIGINT || typeName == SqlTypeName.REAL;
                default -> SQUARING.contains(kind) && SqlTypeName.INT_TYPES.contains(typeName);
            };
            if (!widen) {
                return null;
            }
            RelDataType wide = typeName == SqlTypeName.REAL
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

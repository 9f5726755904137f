package io.basalt.sql.fun;

import io.basalt.common.error.BasaltException;
import io.basalt.common.error.SqlState;
import java.lang.reflect.Type;
import java.util.List;
import org.apache.calcite.adapter.enumerable.AggAddContext;
import org.apache.calcite.adapter.enumerable.AggContext;
import org.apache.calcite.adapter.enumerable.AggImplementor;
import org.apache.calcite.adapter.enumerable.AggResetContext;
import org.apache.calcite.adapter.enumerable.AggResultContext;
import org.apache.calcite.adapter.enumerable.EnumUtils;
import org.apache.calcite.linq4j.tree.Expression;
import org.apache.calcite.linq4j.tree.Expressions;
import org.apache.calcite.linq4j.tree.Primitive;
import org.apache.calcite.linq4j.tree.Types;
import org.apache.calcite.rel.RelHomogeneousShuttle;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.Aggregate;
import org.apache.calcite.rel.core.AggregateCall;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.schema.FunctionParameter;
import org.apache.calcite.schema.ImplementableAggFunction;
import org.apache.calcite.sql.SqlAggFunction;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.sql.type.InferTypes;
import org.apache.calcite.sql.type.OperandTypes;
import org.apache.calcite.sql.validate.SqlUserDefinedAggFunction;
import org.apache.calcite.util.Optionality;

/**
 * A scalar subquery that returns more than one row is an error the client caused (21000, "more
 * than one row returned by a subquery used as an expression"), not an internal one. Calcite
 * plans such a subquery with the SINGLE_VALUE aggregate, whose generated code throws a plain
 * {@link IllegalStateException} that can only be told apart from a bug by its message. So, once
 * the plan is physical (Calcite's rules know SINGLE_VALUE by its operator, so it must stay until
 * then), each SINGLE_VALUE call is replaced by this one, which behaves the same and raises
 * Basalt's error.
 */
public final class ScalarSubqueries {
    private static final SqlAggFunction SINGLE_VALUE = new SqlUserDefinedAggFunction(
            new SqlIdentifier("BASALT_SINGLE_VALUE", SqlParserPos.ZERO), SqlKind.OTHER_FUNCTION,
            SqlStdOperatorTable.SINGLE_VALUE::inferReturnType, InferTypes.RETURN_TYPE, OperandTypes.operandMetadata(List.of(),
                    factory -> List.of(), i -> "value", i -> false),
            new SingleValue(), false, false, Optionality.FORBIDDEN);

    private ScalarSubqueries() {
    }

    /** {@code plan} with every SINGLE_VALUE aggregate raising 21000 on a second row. */
    public static RelNode checked(RelNode plan) {
        return plan.accept(new RelHomogeneousShuttle() {
            @Override
            public RelNode visit(RelNode other) {
                RelNode visited = visitChildren(other);
                if (!(visited instanceof Aggregate aggregate)
                        || aggregate.getAggCallList().stream().noneMatch(ScalarSubqueries::isSingleValue)) {
                    return visited;
                }
                List<AggregateCall> calls = aggregate.getAggCallList().stream()
                        .map(call -> isSingleValue(call) ? withSingleValue(call) : call).toList();
                return aggregate.copy(aggregate.getTraitSet(), aggregate.getInput(), aggregate.getGroupSet(),
                        aggregate.getGroupSets(), calls);
            }
        });
    }

    private static boolean isSingleValue(AggregateCall call) {
        return call.getAggregation().getKind() == SqlKind.SINGLE_VALUE;
    }

    private static AggregateCall withSingleValue(AggregateCall call) {
        return AggregateCall.create(call.getParserPosition(), SINGLE_VALUE, call.isDistinct(), call.isApproximate(),
                call.ignoreNulls(), call.rexList, call.getArgList(), call.filterArg, call.distinctKeys,
                call.collation, call.getType(), call.getName());
    }

    /** Called by generated code on a second row. */
    public static BasaltException moreThanOneRow() {
        return new BasaltException(SqlState.CARDINALITY_VIOLATION,
                "more than one row returned by a subquery used as an expression");
    }

    /** Calcite's SINGLE_VALUE implementation, with Basalt's error. */
    private static final class SingleValue implements ImplementableAggFunction, AggImplementor {
        @Override
        public List<FunctionParameter> getParameters() {
            return List.of();
        }

        @Override
        public RelDataType getReturnType(RelDataTypeFactory typeFactory) {
            throw new UnsupportedOperationException("the call carries its type");
        }

        @Override
        public AggImplementor getImplementor(boolean windowContext) {
            return this;
        }

        @Override
        public List<Type> getStateType(AggContext info) {
            return List.of(boolean.class, info.returnType());
        }

        @Override
        public void implementReset(AggContext info, AggResetContext reset) {
            List<Expression> accumulator = reset.accumulator();
            Type valueType = accumulator.get(1).getType();
            Primitive primitive = Primitive.of(valueType);
            reset.currentBlock().add(Expressions.statement(
                    Expressions.assign(accumulator.get(0), Expressions.constant(false))));
            reset.currentBlock().add(Expressions.statement(Expressions.assign(accumulator.get(1),
                    Expressions.constant(primitive == null ? null : primitive.defaultValue, valueType))));
        }

        @Override
        public void implementAdd(AggContext info, AggAddContext add) {
            List<Expression> accumulator = add.accumulator();
            Expression seen = accumulator.get(0);
            add.currentBlock().add(Expressions.ifThen(seen, Expressions.throw_(
                    Expressions.call(Types.lookupMethod(ScalarSubqueries.class, "moreThanOneRow")))));
            add.currentBlock().add(Expressions.statement(Expressions.assign(seen, Expressions.constant(true))));
            add.currentBlock().add(Expressions.statement(
                    Expressions.assign(accumulator.get(1), add.arguments().get(0))));
        }

        @Override
        public Expression implementResult(AggContext info, AggResultContext result) {
            return EnumUtils.convert(result.accumulator().get(1), info.returnType());
        }
    }
}

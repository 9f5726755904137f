package io.basalt.sql.plan;

import io.basalt.common.error.BasaltException;
import io.basalt.common.error.SqlState;
import io.basalt.sql.sequence.SequenceValues;
import java.util.List;
import org.apache.calcite.adapter.enumerable.CallImplementor;
import org.apache.calcite.linq4j.tree.Expressions;
import io.basalt.sql.rel.RexRewrites;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexLiteral;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexShuttle;
import org.apache.calcite.schema.FunctionParameter;
import org.apache.calcite.schema.ImplementableFunction;
import org.apache.calcite.schema.ScalarFunction;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.sql.type.InferTypes;
import org.apache.calcite.sql.type.OperandTypes;
import org.apache.calcite.sql.type.ReturnTypes;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.sql.validate.SqlUserDefinedFunction;

/**
 * Replaces Calcite's {@code NEXT VALUE FOR} (whose run-time is a process-wide in-memory map) by a
 * call into the statement's own engine: generated code passes its {@code DataContext}, which holds
 * the {@code ExecutionContext} with the engine's {@code SequenceAllocator}. The call is
 * non-deterministic, so the planner never evaluates it early. {@code CURRENT VALUE FOR} is refused.
 */
final class SequenceCalls {
    private SequenceCalls() {
    }

    static RelNode apply(RelNode node) {
        return RexRewrites.everywhere(node, Rewriter::new);
    }

    private static final class Rewriter extends RexShuttle {
        private final RexBuilder rexBuilder;

        Rewriter(RexBuilder rexBuilder) {
            this.rexBuilder = rexBuilder;
        }

        @Override
        public RexNode visitCall(RexCall call) {
            RexCall visited = (RexCall) super.visitCall(call);
            if (visited.getKind() == SqlKind.CURRENT_VALUE) {
                throw new BasaltException(SqlState.FEATURE_NOT_SUPPORTED, "CURRENT VALUE FOR is not supported");
            }
            if (visited.getKind() != SqlKind.NEXT_VALUE) {
                return visited;
            }
            String key = ((RexLiteral) visited.getOperands().get(0)).getValueAs(String.class);
            return rexBuilder.makeCall(visited.getType(), nextValueFunction(sequenceName(key)), List.of());
        }
    }

    /** The sequence's own name in Calcite's key, which joins the qualified name's parts with dots. */
    private static String sequenceName(String key) {
        String last = key.substring(key.lastIndexOf('.') + 1);
        return last.startsWith("\"") && last.endsWith("\"") && last.length() > 1 ? last.substring(1, last.length() - 1)
                : last;
    }

    /** One operator per sequence, without operands: generated code gets the name as a constant. */
    private static SqlOperator nextValueFunction(String sequence) {
        return new SqlUserDefinedFunction(new SqlIdentifier("NEXT VALUE FOR " + sequence, SqlParserPos.ZERO),
                SqlKind.OTHER_FUNCTION, ReturnTypes.BIGINT, InferTypes.FIRST_KNOWN,
                OperandTypes.operandMetadata(List.of(), factory -> List.of(), i -> "", i -> false),
                new NextValue(sequence)) {
            @Override
            public boolean isDeterministic() {
                return false;
            }
        };
    }

    /** The function behind the operator: its code is a call of {@link SequenceValues#next} with the DataContext. */
    private static final class NextValue implements ScalarFunction, ImplementableFunction {
        private final String sequence;

        NextValue(String sequence) {
            this.sequence = sequence;
        }

        @Override
        public CallImplementor getImplementor() {
            return (translator, call, nullAs) -> Expressions.call(SequenceValues.class, "next", translator.getRoot(),
                    Expressions.constant(sequence));
        }

        @Override
        public RelDataType getReturnType(RelDataTypeFactory typeFactory) {
            return typeFactory.createSqlType(SqlTypeName.BIGINT);
        }

        @Override
        public List<FunctionParameter> getParameters() {
            return List.of();
        }
    }
}

package io.basalt.sql.fun;

import java.lang.reflect.Method;
import java.util.List;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexShuttle;
import org.apache.calcite.schema.impl.ScalarFunctionImpl;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.sql.type.InferTypes;
import org.apache.calcite.sql.type.OperandTypes;
import org.apache.calcite.sql.type.ReturnTypes;
import org.apache.calcite.sql.type.SqlTypeFamily;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.sql.type.SqlTypeTransforms;
import org.apache.calcite.sql.validate.SqlUserDefinedFunction;
import org.apache.calcite.linq4j.tree.Types;
import io.basalt.sql.rel.RexRewrites;

/**
 * Rewrites the few built-in operations whose Calcite behaviour differs visibly from PostgreSQL's
 * into calls of {@link BasaltFunctions}, after SQL is converted to a plan:
 * <ul>
 *   <li>{@code CHAR_LENGTH} / {@code CHARACTER_LENGTH} count code points, not UTF-16 units;</li>
 *   <li>{@code CAST(timestamp AS VARCHAR)} and {@code CAST(time AS VARCHAR)} keep milliseconds.</li>
 * </ul>
 * The rewrite works on the plan, where types are known, and keeps the original result type.
 */
public final class PostgresSemantics {
    private static final SqlOperator CHAR_LENGTH = function("CHAR_LENGTH", "charLength", SqlTypeFamily.CHARACTER,
            SqlTypeName.INTEGER);
    private static final SqlOperator TIMESTAMP_TEXT = function("TIMESTAMP_TEXT", "timestampText",
            SqlTypeFamily.TIMESTAMP, SqlTypeName.VARCHAR);
    private static final SqlOperator TIME_TEXT = function("TIME_TEXT", "timeText", SqlTypeFamily.TIME, SqlTypeName.VARCHAR);

    private PostgresSemantics() {
    }

    public static RelNode apply(RelNode node) {
        return RexRewrites.everywhere(node, Rewriter::new);
    }

    private static SqlOperator function(String name, String method, SqlTypeFamily operand, SqlTypeName result) {
        Method implementation = Types.lookupMethod(BasaltFunctions.class, method,
                switch (operand) {
                    case CHARACTER -> String.class;
                    case TIMESTAMP -> long.class;
                    default -> int.class;
                });
        return new SqlUserDefinedFunction(new SqlIdentifier("BASALT_" + name, SqlParserPos.ZERO), SqlKind.OTHER_FUNCTION,
                ReturnTypes.explicit(result).andThen(SqlTypeTransforms.TO_NULLABLE),
                InferTypes.FIRST_KNOWN, OperandTypes.operandMetadata(List.of(operand),
                        factory -> List.of(factory.createSqlType(operand == SqlTypeFamily.CHARACTER ? SqlTypeName.VARCHAR
                                : operand == SqlTypeFamily.TIMESTAMP ? SqlTypeName.TIMESTAMP : SqlTypeName.TIME)),
                        i -> "value", i -> false),
                ScalarFunctionImpl.create(implementation));
    }

    private static final class Rewriter extends RexShuttle {
        private final RexBuilder rexBuilder;

        Rewriter(RexBuilder rexBuilder) {
            this.rexBuilder = rexBuilder;
        }

        @Override
        public RexNode visitCall(RexCall call) {
            RexCall visited = (RexCall) super.visitCall(call);
            SqlOperator operator = visited.getOperator();
            if (operator == SqlStdOperatorTable.CHAR_LENGTH || operator == SqlStdOperatorTable.CHARACTER_LENGTH) {
                return rexBuilder.makeCall(visited.getType(), CHAR_LENGTH, visited.getOperands());
            }
            if (visited.getKind() == SqlKind.CAST
                    && SqlTypeFamily.CHARACTER.contains(visited.getType())) {
                RexNode operand = visited.getOperands().get(0);
                SqlTypeName from = operand.getType().getSqlTypeName();
                SqlOperator text = from == SqlTypeName.TIMESTAMP ? TIMESTAMP_TEXT : from == SqlTypeName.TIME ? TIME_TEXT : null;
                if (text != null) {
                    RelDataType varchar = rexBuilder.getTypeFactory().createTypeWithNullability(
                            rexBuilder.getTypeFactory().createSqlType(SqlTypeName.VARCHAR), operand.getType().isNullable());
                    return rexBuilder.makeCast(visited.getType(), rexBuilder.makeCall(varchar, text, List.of(operand)));
                }
            }
            return visited;
        }
    }

}

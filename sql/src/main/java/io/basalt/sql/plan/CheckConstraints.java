package io.basalt.sql.plan;

import io.basalt.sql.catalog.CheckDescriptor;
import io.basalt.sql.catalog.TableDescriptor;
import io.basalt.sql.fun.BasaltFunctions;
import io.basalt.sql.schema.BasaltTable;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import org.apache.calcite.linq4j.tree.Types;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.TableModify;
import org.apache.calcite.rel.logical.LogicalFilter;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexShuttle;
import org.apache.calcite.rex.RexUtil;
import org.apache.calcite.schema.impl.ScalarFunctionImpl;
import org.apache.calcite.sql.SqlFunctionCategory;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.sql.type.InferTypes;
import org.apache.calcite.sql.type.OperandTypes;
import org.apache.calcite.sql.type.ReturnTypes;
import org.apache.calcite.sql.type.SqlTypeFamily;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.sql.validate.SqlUserDefinedFunction;

/**
 * Puts a table's CHECK constraints into the plan of an INSERT or UPDATE: a filter under the
 * table modification whose condition calls {@link BasaltFunctions#check} once per constraint,
 * on the new row, and fails the statement (23514) when one is FALSE. The call is marked
 * non-deterministic so that the planner never evaluates it early on constants.
 */
final class CheckConstraints {
    private static final SqlOperator CHECK = checkFunction();

    private CheckConstraints() {
    }

    /**
     * @param conditionOverTable turns (table name, condition SQL) into an expression over the
     *     table's columns (input i = column i)
     */
    static RelNode apply(RelNode root, BiFunction<String, String, RexNode> conditionOverTable) {
        if (!(root instanceof TableModify modify) || !(modify.isInsert() || modify.isUpdate())) {
            return root;
        }
        BasaltTable table = modify.getTable().unwrap(BasaltTable.class);
        if (table == null || table.descriptor().checks().isEmpty()) {
            return root;
        }
        TableDescriptor descriptor = table.descriptor();
        RexBuilder rexBuilder = modify.getCluster().getRexBuilder();
        RelNode input = modify.getInput();
        int[] newValueField = newValueFields(descriptor, modify);
        List<RexNode> calls = new ArrayList<>();
        for (CheckDescriptor check : descriptor.checks()) {
            RexNode condition = conditionOverTable.apply(descriptor.name(), check.conditionSql()).accept(new RexShuttle() {
                @Override
                public RexNode visitInputRef(RexInputRef ref) {
                    int field = newValueField[ref.getIndex()];
                    return rexBuilder.makeInputRef(input.getRowType().getFieldList().get(field).getType(), field);
                }
            });
            calls.add(rexBuilder.makeCall(CHECK, condition, rexBuilder.makeLiteral(check.name()),
                    rexBuilder.makeLiteral(descriptor.name())));
        }
        RelNode checked = LogicalFilter.create(input, RexUtil.composeConjunction(rexBuilder, calls));
        return modify.copy(modify.getTraitSet(), List.of(checked));
    }

    /** For each table column, the input field holding its new value: itself, or its SET expression for an UPDATE. */
    private static int[] newValueFields(TableDescriptor table, TableModify modify) {
        int columns = table.columns().size();
        int[] fields = new int[columns];
        for (int i = 0; i < columns; i++) {
            fields[i] = i;
        }
        if (modify.isUpdate()) {
            List<String> updated = modify.getUpdateColumnList();
            for (int i = 0; i < updated.size(); i++) {
                fields[table.columnIndex(updated.get(i))] = columns + i;
            }
        }
        return fields;
    }

    private static SqlOperator checkFunction() {
        Method method = Types.lookupMethod(BasaltFunctions.class, "check", Boolean.class, String.class, String.class);
        return new SqlUserDefinedFunction(new SqlIdentifier("BASALT_CHECK", SqlParserPos.ZERO), SqlKind.OTHER_FUNCTION,
                ReturnTypes.BOOLEAN, InferTypes.FIRST_KNOWN,
                OperandTypes.operandMetadata(List.of(SqlTypeFamily.BOOLEAN, SqlTypeFamily.CHARACTER, SqlTypeFamily.CHARACTER),
                        factory -> List.of(factory.createSqlType(SqlTypeName.BOOLEAN),
                                factory.createSqlType(SqlTypeName.VARCHAR), factory.createSqlType(SqlTypeName.VARCHAR)),
                        i -> List.of("condition", "constraint", "table").get(i), i -> false),
                ScalarFunctionImpl.create(method)) {
            @Override
            public boolean isDeterministic() {
                return false;
            }

            @Override
            public SqlFunctionCategory getFunctionType() {
                return SqlFunctionCategory.USER_DEFINED_FUNCTION;
            }
        };
    }
}

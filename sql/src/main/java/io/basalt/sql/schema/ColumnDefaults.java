package io.basalt.sql.schema;

import java.util.List;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.util.Util;
import io.basalt.sql.catalog.ColumnDescriptor;
import io.basalt.sql.catalog.TableDescriptor;
import io.basalt.sql.parse.BasaltSqlParser;
import org.apache.calcite.plan.RelOptTable;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.schema.ColumnStrategy;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql2rel.InitializerContext;
import org.apache.calcite.sql2rel.NullInitializerExpressionFactory;

/**
 * Fills in the columns an INSERT leaves out: the column's DEFAULT expression (stored as SQL text in
 * the catalog and turned into an expression here, so {@code DEFAULT CURRENT_TIMESTAMP} is evaluated
 * per statement), else NULL. A NOT NULL column without a default is reported by the validator.
 */
final class ColumnDefaults extends NullInitializerExpressionFactory {
    private final TableDescriptor table;

    ColumnDefaults(TableDescriptor table) {
        this.table = table;
    }

    @Override
    public ColumnStrategy generationStrategy(RelOptTable relTable, int column) {
        ColumnDescriptor descriptor = table.columns().get(column);
        if (descriptor.defaultSql() != null) {
            return ColumnStrategy.DEFAULT;
        }
        return descriptor.nullable() ? ColumnStrategy.NULLABLE : ColumnStrategy.NOT_NULLABLE;
    }

    @Override
    public RexNode newColumnDefaultValue(RelOptTable relTable, int column, InitializerContext context) {
        ColumnDescriptor descriptor = table.columns().get(column);
        if (descriptor.defaultSql() == null) {
            return super.newColumnDefaultValue(relTable, column, context);
        }
        RelDataType type = relTable.getRowType().getFieldList().get(column).getType();
        SqlNode expression = BasaltSqlParser.parseExpression(descriptor.defaultSql());
        if (descriptor.isIdentity()) {
            // Calcite validates a default against the row alone, where no sequence can be found; an
            // identity default is always NEXT VALUE FOR its sequence, so the call is made directly.
            SqlIdentifier sequence = (SqlIdentifier) ((SqlCall) expression).operand(0);
            RexBuilder rexBuilder = context.getRexBuilder();
            RexNode next = rexBuilder.makeCall(rexBuilder.getTypeFactory().createSqlType(SqlTypeName.BIGINT),
                    SqlStdOperatorTable.NEXT_VALUE, List.of(rexBuilder.makeLiteral(Util.last(sequence.names))));
            return rexBuilder.makeCast(type, next, true, false);
        }
        SqlNode validated = context.validateExpression(relTable.getRowType(), expression);
        RexNode value = context.convertExpression(validated);
        return context.getRexBuilder().makeCast(type, value, true, false);
    }
}

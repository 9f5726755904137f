package io.basalt.sql.plan;

import io.basalt.sql.exec.ValuesSpec;
import io.basalt.sql.rel.BasaltValues;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.plan.RelOptUtil;
import org.apache.calcite.rel.RelHomogeneousShuttle;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.logical.LogicalProject;
import org.apache.calcite.rel.logical.LogicalUnion;
import org.apache.calcite.rel.logical.LogicalValues;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.rex.RexDynamicParam;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexLiteral;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexShuttle;
import org.apache.calcite.rex.RexSubQuery;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * Keeps long VALUES lists out of the generated code (see {@link BasaltValues} for why), before the
 * plan is optimised. Calcite converts {@code VALUES} in two shapes:
 *
 * <ul>
 *   <li>all literals: one {@code LogicalValues}, which becomes a {@link BasaltValues} as it is;</li>
 *   <li>anything else ({@code (1, 1 + 1)}, a parameter, a cast): a {@code UNION ALL} with one
 *       input per row, a projection over a one-row VALUES. Rows whose expressions differ only
 *       in their literals and parameters ("the same shape") become one projection over a
 *       {@link BasaltValues} that holds those literals and parameters, so the expressions are
 *       compiled once rather than once per row. The usual case, every row of one shape, ends as
 *       a single projection; consecutive rows of one shape share one, which keeps the order of
 *       the rows.</li>
 * </ul>
 *
 * Only lists longer than {@link #MIN_ROWS} rows are rewritten: shorter ones compile well, and the
 * optimiser can still fold them (an empty or constant VALUES).
 */
final class LargeValues {
    /** A guess: 3,000 rows of 3 INTEGERs did not compile, and 64 rows of anything does. */
    static final int MIN_ROWS = 64;

    private LargeValues() {
    }

    static RelNode apply(RelNode root) {
        return root.accept(new Rewriter());
    }

    private static final class Rewriter extends RelHomogeneousShuttle {
        private final RexShuttle subQueries = new RexShuttle() {
            @Override
            public RexNode visitSubQuery(RexSubQuery subQuery) {
                RexSubQuery visited = (RexSubQuery) super.visitSubQuery(subQuery);
                RelNode rel = visited.rel.accept(Rewriter.this);
                return rel == visited.rel ? visited : visited.clone(rel);
            }
        };

        @Override
        public RelNode visit(RelNode other) {
            if (other instanceof LogicalUnion union && union.all) {
                RelNode rows = rowsOfUnion(union);
                if (rows != null) {
                    return rows;
                }
            }
            RelNode visited = visitChildren(other).accept(subQueries);
            if (visited instanceof LogicalValues values && values.getTuples().size() > MIN_ROWS) {
                List<Object[]> rows = new ArrayList<>();
                for (List<RexLiteral> tuple : values.getTuples()) {
                    Row row = Row.of(tuple, values.getRowType());
                    if (row == null) {
                        return visited;
                    }
                    rows.add(row.cells());
                }
                return new BasaltValues(values.getCluster(), values.getRowType(), new ValuesSpec(rows));
            }
            return visited;
        }

        /** {@code union} as projections over {@link BasaltValues}, or null if it is not a long list of rows. */
        private static RelNode rowsOfUnion(LogicalUnion union) {
            List<Row> rows = new ArrayList<>();
            for (RelNode input : union.getInputs()) {
                if (!rowsOf(input, rows)) {
                    return null;
                }
            }
            if (rows.size() <= MIN_ROWS) {
                return null;
            }
            List<RelNode> groups = new ArrayList<>();
            int start = 0;
            for (int i = 1; i <= rows.size(); i++) {
                if (i == rows.size() || !rows.get(i).shape().equals(rows.get(start).shape())) {
                    groups.add(group(union, rows.subList(start, i)));
                    start = i;
                }
            }
            RelNode result = groups.size() == 1 ? groups.get(0) : LogicalUnion.create(groups, true);
            return RelOptUtil.areRowTypesEqual(result.getRowType(), union.getRowType(), false)
                    ? result
                    : RelOptUtil.createCastRel(result, union.getRowType(), true);
        }

        /** Adds the rows of one input of a UNION ALL of rows; false if it is something else. */
        private static boolean rowsOf(RelNode input, List<Row> rows) {
            if (input instanceof LogicalValues values) {
                RelDataType rowType = values.getRowType();
                for (List<RexLiteral> tuple : values.getTuples()) {
                    Row row = Row.of(tuple, rowType);
                    if (row == null) {
                        return false;
                    }
                    rows.add(row);
                }
                return true;
            }
            if (input instanceof LogicalProject project && project.getInput() instanceof LogicalValues one
                    && one.getTuples().size() == 1) {
                Row row = Row.of(project.getProjects(), project.getRowType());
                if (row == null) {
                    return false;
                }
                rows.add(row);
                return true;
            }
            return false;
        }

        private static RelNode group(LogicalUnion union, List<Row> rows) {
            Row first = rows.get(0);
            RelDataTypeFactory typeFactory = union.getCluster().getTypeFactory();
            RelDataTypeFactory.Builder leafType = typeFactory.builder();
            for (int i = 0; i < first.leafTypes().size(); i++) {
                leafType.add("$leaf" + i, first.leafTypes().get(i));
            }
            List<Object[]> cells = rows.stream().map(Row::cells).toList();
            BasaltValues leaves = new BasaltValues(union.getCluster(), leafType.build(), new ValuesSpec(cells));
            return LogicalProject.create(leaves, List.of(), first.expressions(), first.rowType());
        }
    }

    /**
     * One row: its expressions with every literal and parameter replaced by a reference to a
     * "leaf" column, the leaves' types and their values (a {@link ValuesSpec.Parameter} for a
     * parameter). Two rows with equal shapes differ only in their leaf values.
     */
    private record Row(List<RexNode> expressions, RelDataType rowType, List<RelDataType> leafTypes, Object[] cells,
                       String shape) {

        static Row of(List<? extends RexNode> expressions, RelDataType rowType) {
            List<RelDataType> leafTypes = new ArrayList<>();
            List<Object> cells = new ArrayList<>();
            boolean[] refused = {false};
            RexShuttle leaves = new RexShuttle() {
                @Override
                public RexNode visitLiteral(RexLiteral literal) {
                    Object value = literal.isNull() ? null : internalValue(literal, literal.getType());
                    if (value == NOT_A_CELL) {
                        return literal;
                    }
                    return leaf(literal.getType(), value);
                }

                @Override
                public RexNode visitDynamicParam(RexDynamicParam parameter) {
                    return leaf(parameter.getType(), new ValuesSpec.Parameter(parameter.getIndex()));
                }

                @Override
                public RexNode visitInputRef(RexInputRef inputRef) {
                    refused[0] = true;
                    return inputRef;
                }

                @Override
                public RexNode visitSubQuery(RexSubQuery subQuery) {
                    refused[0] = true;
                    return subQuery;
                }

                private RexNode leaf(RelDataType type, Object value) {
                    leafTypes.add(type);
                    cells.add(value);
                    return new RexInputRef(leafTypes.size() - 1, type);
                }
            };
            List<RexNode> shaped = new ArrayList<>();
            for (int i = 0; i < expressions.size(); i++) {
                RexNode expression = expressions.get(i);
                // A bare literal of a VALUES tuple takes the column's type, as Calcite's own code does.
                if (expression instanceof RexLiteral literal) {
                    RelDataType type = rowType.getFieldList().get(i).getType();
                    Object value = literal.isNull() ? null : internalValue(literal, type);
                    if (value == NOT_A_CELL) {
                        return null;
                    }
                    leafTypes.add(type);
                    cells.add(value);
                    shaped.add(new RexInputRef(leafTypes.size() - 1, type));
                } else {
                    shaped.add(expression.accept(leaves));
                }
            }
            if (refused[0]) {
                return null;
            }
            StringBuilder shape = new StringBuilder(shaped.toString());
            leafTypes.forEach(type -> shape.append(' ').append(type.getFullTypeString()));
            shaped.forEach(expression -> shape.append(' ').append(expression.getType().getFullTypeString()));
            return new Row(shaped, rowType, leafTypes, cells.toArray(), shape.toString());
        }
    }

    private static final Object NOT_A_CELL = new Object();

    /**
     * A literal in Calcite's internal representation for {@code type} (what the generated code of
     * {@code EnumerableValues} would hold), or {@link #NOT_A_CELL} for types this does not
     * handle (intervals, symbols, binary), which then stay literals in the expressions.
     */
    static Object internalValue(RexLiteral literal, RelDataType type) {
        SqlTypeName typeName = type.getSqlTypeName();
        Class<?> javaClass = switch (typeName) {
            case BOOLEAN -> Boolean.class;
            case TINYINT -> Byte.class;
            case SMALLINT -> Short.class;
            case INTEGER, DATE, TIME -> Integer.class;
            case BIGINT, TIMESTAMP -> Long.class;
            case DECIMAL -> BigDecimal.class;
            case REAL -> Float.class;
            case FLOAT, DOUBLE -> Double.class;
            case CHAR, VARCHAR -> String.class;
            default -> null;
        };
        if (javaClass == null || literal.getTypeName().getFamily() != typeName.getFamily()
                && !(SqlTypeName.NUMERIC_TYPES.contains(literal.getTypeName())
                        && SqlTypeName.NUMERIC_TYPES.contains(typeName))) {
            return NOT_A_CELL;
        }
        return literal.getValueAs(javaClass);
    }
}

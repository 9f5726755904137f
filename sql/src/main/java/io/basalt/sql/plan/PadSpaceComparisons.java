package io.basalt.sql.plan;

import io.basalt.sql.catalog.ColumnType;
import io.basalt.sql.schema.BasaltTable;
import java.util.List;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.metadata.RelColumnOrigin;
import org.apache.calcite.rel.metadata.RelMetadataQuery;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexShuttle;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.fun.SqlTrimFunction;

/**
 * Gives comparisons with CHAR(n) columns the SQL standard's PAD SPACE semantics (PostgreSQL's
 * bpchar): {@code 'ab   ' = 'ab'}. CHAR values are stored padded to their length, and Calcite
 * compares strings exactly once they are VARCHAR (a string literal meeting a CHAR column becomes
 * VARCHAR, see {@code BasaltTypeSystem}; DML plans see CHAR columns as VARCHAR, see
 * {@code RelTypes}). So every comparison one of whose sides reads a column declared CHAR compares
 * both sides with trailing spaces trimmed.
 *
 * <p>A column is recognised by its origin (planner metadata), which works in both the query and
 * the assignment view. The price: a trimmed CHAR key column no longer gives a key access.
 */
final class PadSpaceComparisons {
    private PadSpaceComparisons() {
    }

    /** The plan with every CHAR comparison rewritten, bottom up. */
    static RelNode apply(RelNode node) {
        List<RelNode> inputs = node.getInputs().stream().map(PadSpaceComparisons::apply).toList();
        RelNode withInputs = inputs.equals(node.getInputs()) ? node : node.copy(node.getTraitSet(), inputs);
        if (inputs.isEmpty()) {
            return withInputs;
        }
        return withInputs.accept(new Rewriter(withInputs.getCluster().getRexBuilder(),
                withInputs.getCluster().getMetadataQuery(), inputs));
    }

    /** Rewrites comparisons inside one node's expressions; input references index the node's inputs, concatenated. */
    private static final class Rewriter extends RexShuttle {
        private final RexBuilder rexBuilder;
        private final RelMetadataQuery metadata;
        private final List<RelNode> inputs;

        Rewriter(RexBuilder rexBuilder, RelMetadataQuery metadata, List<RelNode> inputs) {
            this.rexBuilder = rexBuilder;
            this.metadata = metadata;
            this.inputs = inputs;
        }

        @Override
        public RexNode visitCall(RexCall call) {
            RexCall visited = (RexCall) super.visitCall(call);
            if (!visited.getKind().belongsTo(SqlKind.COMPARISON) || visited.getOperands().size() != 2) {
                return visited;
            }
            RexNode left = visited.getOperands().get(0);
            RexNode right = visited.getOperands().get(1);
            if (!readsCharColumn(left) && !readsCharColumn(right)) {
                return visited;
            }
            return visited.clone(visited.getType(), List.of(trimTrailing(left), trimTrailing(right)));
        }

        private RexNode trimTrailing(RexNode operand) {
            return rexBuilder.makeCall(SqlStdOperatorTable.TRIM,
                    rexBuilder.makeFlag(SqlTrimFunction.Flag.TRAILING), rexBuilder.makeLiteral(" "), operand);
        }

        private boolean readsCharColumn(RexNode operand) {
            RexNode inner = operand;
            while (inner.getKind() == SqlKind.CAST) {
                inner = ((RexCall) inner).getOperands().get(0);
            }
            if (!(inner instanceof RexInputRef ref)) {
                return false;
            }
            int index = ref.getIndex();
            for (RelNode input : inputs) {
                int width = input.getRowType().getFieldCount();
                if (index < width) {
                    RelColumnOrigin origin = metadata.getColumnOrigin(input, index);
                    return origin != null && isCharColumn(origin);
                }
                index -= width;
            }
            return false;
        }

        private static boolean isCharColumn(RelColumnOrigin origin) {
            BasaltTable table = origin.getOriginTable().unwrap(BasaltTable.class);
            return table != null && !origin.isDerived()
                    && table.descriptor().columns().get(origin.getOriginColumnOrdinal()).type().name() == ColumnType.Name.CHAR;
        }
    }
}

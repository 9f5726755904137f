package io.basalt.sql.rel;

import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.adapter.enumerable.EnumerableCalc;
import org.apache.calcite.adapter.enumerable.EnumerableFilter;
import org.apache.calcite.adapter.enumerable.EnumerableLimit;
import org.apache.calcite.adapter.enumerable.EnumerableLimitSort;
import org.apache.calcite.adapter.enumerable.EnumerableProject;
import org.apache.calcite.adapter.enumerable.EnumerableSort;
import org.apache.calcite.rel.RelCollation;
import org.apache.calcite.rel.RelFieldCollation;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.Sort;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexProgram;

/**
 * Drops, from a finished physical plan, each sort whose input already arrives in that order from
 * a keyed scan of one partition (see {@link ScanOrder}); a sort with a limit becomes the limit
 * alone, which stops the scan after the rows it needs. Every limit becomes an {@link ExactLimit},
 * which pulls no row past the last it returns. This runs after Calcite's planner, on the
 * access path it chose: the bottom-up planner does not ask the scan below a filter or projection
 * for an order, so it would keep the sort (and read and lock the whole range below a LIMIT).
 *
 * <p>Between the sort and the scan only row-wise operators may stand (projections and filters,
 * alone or as a Calc): they keep the order of the rows they let through. A sort key must be a
 * plain column reference to a scan column, ascending; nulls do not matter because key columns
 * are never null.
 */
public final class RedundantSorts {
    private RedundantSorts() {
    }

    public static RelNode remove(RelNode rel) {
        List<RelNode> inputs = rel.getInputs();
        List<RelNode> rewritten = new ArrayList<>(inputs.size());
        boolean changed = false;
        for (RelNode input : inputs) {
            RelNode next = remove(input);
            rewritten.add(next);
            changed |= next != input;
        }
        RelNode current = changed ? rel.copy(rel.getTraitSet(), rewritten) : rel;
        if (current instanceof EnumerableLimit limit && !(current instanceof ExactLimit)) {
            return ExactLimit.of(limit.getInput(), limit.offset, limit.fetch);
        }
        if ((current instanceof EnumerableSort || current instanceof EnumerableLimitSort)
                && deliveredInOrder(((Sort) current).getInput(), ((Sort) current).getCollation())) {
            Sort sort = (Sort) current;
            if (sort.offset == null && sort.fetch == null) {
                return sort.getInput();
            }
            return ExactLimit.of(sort.getInput(), sort.offset, sort.fetch);
        }
        return current;
    }

    private static boolean deliveredInOrder(RelNode input, RelCollation collation) {
        List<Integer> columns = new ArrayList<>();
        for (RelFieldCollation field : collation.getFieldCollations()) {
            if (field.getDirection() != RelFieldCollation.Direction.ASCENDING) {
                return false;
            }
            columns.add(field.getFieldIndex());
        }
        RelNode node = input;
        while (!(node instanceof BasaltTableScan)) {
            if (node instanceof EnumerableCalc calc) {
                if (!mapThrough(calc.getProgram(), columns)) {
                    return false;
                }
            } else if (node instanceof EnumerableProject project) {
                if (!mapThrough(project.getProjects(), columns)) {
                    return false;
                }
            } else if (!(node instanceof EnumerableFilter)) {
                return false;
            }
            node = node.getInput(0);
        }
        BasaltTableScan scan = (BasaltTableScan) node;
        for (RelCollation order : ScanOrder.of(scan.basaltTable().descriptor(), scan.access())) {
            List<RelFieldCollation> keys = order.getFieldCollations();
            if (columns.size() <= keys.size() && matchesPrefix(keys, columns)) {
                return true;
            }
        }
        return columns.isEmpty();
    }

    private static boolean matchesPrefix(List<RelFieldCollation> keys, List<Integer> columns) {
        for (int i = 0; i < columns.size(); i++) {
            if (keys.get(i).getFieldIndex() != columns.get(i)) {
                return false;
            }
        }
        return true;
    }

    /** Replaces each output column by the input column it copies; false if one is computed. */
    private static boolean mapThrough(RexProgram program, List<Integer> columns) {
        List<RexNode> projects = new ArrayList<>();
        program.getProjectList().forEach(ref -> projects.add(program.expandLocalRef(ref)));
        return mapThrough(projects, columns);
    }

    private static boolean mapThrough(List<RexNode> projects, List<Integer> columns) {
        for (int i = 0; i < columns.size(); i++) {
            if (!(projects.get(columns.get(i)) instanceof RexInputRef ref)) {
                return false;
            }
            columns.set(i, ref.getIndex());
        }
        return true;
    }
}

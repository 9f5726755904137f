package io.basalt.sql.exec;

import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.DataContext;
import org.apache.calcite.linq4j.Enumerable;
import org.apache.calcite.linq4j.Linq4j;

/**
 * The run-time half of {@code BasaltValues}: the rows of a VALUES list, kept as data rather than
 * compiled into the plan's code. A cell holds a value in Calcite's internal representation, or a
 * {@link Parameter} read from the statement's parameters when the plan runs. Immutable and shared
 * by every execution of a cached plan, so each execution gets fresh row arrays.
 */
public final class ValuesSpec {
    private final List<Object[]> rows;

    public ValuesSpec(List<Object[]> rows) {
        this.rows = List.copyOf(rows);
    }

    /** A cell that is the value of parameter {@code index} ({@code ?} number, from 0). */
    public record Parameter(int index) {
    }

    public int rowCount() {
        return rows.size();
    }

    /** What EXPLAIN shows. Equality stays identity: two lists of the same length are not the same list. */
    @Override
    public String toString() {
        return rows.size() + " rows";
    }

    /** Called by generated code. */
    public Enumerable<Object[]> execute(DataContext context) {
        List<Object[]> values = new ArrayList<>(rows.size());
        for (Object[] row : rows) {
            Object[] copy = row.clone();
            for (int i = 0; i < copy.length; i++) {
                if (copy[i] instanceof Parameter parameter) {
                    copy[i] = context.get("?" + parameter.index());
                }
            }
            values.add(copy);
        }
        return Linq4j.asEnumerable(values);
    }
}

package io.basalt.sql.sequence;

import io.basalt.common.error.BasaltException;
import io.basalt.common.error.SqlState;
import io.basalt.sql.catalog.SequenceDescriptor;
import io.basalt.sql.exec.ExecutionContext;
import org.apache.calcite.DataContext;

/** Called by generated code for {@code NEXT VALUE FOR name}: the next value from the statement's engine. */
public final class SequenceValues {
    private SequenceValues() {
    }

    public static long next(DataContext root, String name) {
        ExecutionContext execution = (ExecutionContext) root.get(ExecutionContext.KEY);
        if (execution == null || execution.sequences() == null || execution.catalog() == null) {
            throw new BasaltException(SqlState.FEATURE_NOT_SUPPORTED, "NEXT VALUE FOR cannot be evaluated here");
        }
        SequenceDescriptor sequence = execution.catalog().sequence(name);
        if (sequence == null) {
            throw new BasaltException(SqlState.UNDEFINED_TABLE, "sequence \"" + name + "\" does not exist");
        }
        return execution.sequences().next(sequence);
    }
}

package io.basalt.sql.plan;

import io.basalt.common.error.SqlState;
import org.apache.calcite.runtime.CalciteContextException;

/** The SQLState of a validation error raised by {@link BasaltValidator}; 42601 for any other. */
public final class ValidationStates {
    private ValidationStates() {
    }

    public static SqlState of(CalciteContextException error) {
        return error instanceof BasaltValidator.ValidationException validation
                ? validation.sqlState()
                : SqlState.SYNTAX_ERROR;
    }
}

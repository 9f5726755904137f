package io.basalt.txn;

import io.basalt.common.error.BasaltException;
import io.basalt.common.error.SqlState;

/** Thrown by a test's {@link FaultInjector}: the coordinator "dies" at that point, leaving everything as it is. */
public final class CoordinatorCrash extends BasaltException {
    private static final long serialVersionUID = 1L;

    public CoordinatorCrash(FaultPoint point) {
        super(SqlState.SYSTEM_ERROR, "simulated coordinator crash at " + point);
    }
}

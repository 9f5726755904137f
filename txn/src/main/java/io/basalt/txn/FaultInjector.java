package io.basalt.txn;

/**
 * Called by coordinators at each {@link FaultPoint}. Throwing {@link CoordinatorCrash} makes the
 * coordinator behave as if its process died there: it stops heartbeating and cleans nothing up.
 */
@FunctionalInterface
public interface FaultInjector {
    FaultInjector NONE = (point, txnId) -> { };

    void at(FaultPoint point, long txnId);
}

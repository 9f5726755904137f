package io.basalt.txn;

/**
 * Named steps of the commit protocol where tests can make a coordinator "crash" (TiKV's fail
 * points, CockroachDB's testing knobs). In production nothing happens at them.
 */
public enum FaultPoint {
    /** Before the transaction's first intent is written (nothing durable yet). */
    BEFORE_FIRST_WRITE,
    /** After the first partition accepted intents, before the others did. */
    AFTER_FIRST_WRITE,
    /** After COMMITTED was written to the record, before any other partition's intents were resolved. */
    AFTER_COMMIT_POINT,
    /** After the first other partition's intents were resolved, before the rest. */
    DURING_RESOLUTION
}

package io.basalt.cluster.node;

import io.basalt.kv.engine.EngineOptions;
import io.basalt.txn.TxnConfig;

/**
 * How to start a node.
 *
 * @param partitionCount fixed at creation; a store remembers it and refuses another value
 */
public record NodeOptions(EngineOptions engine, int partitionCount, TxnConfig txn) {
    /** Eight partitions: more than there will be nodes in a small cluster, few enough to be cheap here. */
    public static final int DEFAULT_PARTITIONS = 8;
}

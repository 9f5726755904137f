package io.basalt.cluster.node;

import io.basalt.kv.engine.EngineOptions;
import io.basalt.txn.TxnConfig;

/**
 * How to start a node.
 *
 * @param partitionCount fixed when the store is created, remembered by it, and refused if it differs
 *     later; {@link #AS_CREATED} opens an existing store with its own count and creates a new
 *     one with {@link #DEFAULT_PARTITIONS}
 */
public record NodeOptions(EngineOptions engine, int partitionCount, TxnConfig txn) {
    /** Eight partitions: more than there will be nodes in a small cluster, few enough to be cheap here. */
    public static final int DEFAULT_PARTITIONS = 8;
    public static final int AS_CREATED = 0;
}

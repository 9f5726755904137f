package io.basalt.txn.routing;

/** Knows which partition holds a key. Partitions are numbered {@code 0 .. partitionCount() - 1}. */
public interface PartitionRouter {

    int partitionOf(byte[] key);

    int partitionCount();
}

package io.basalt.txn.routing;

/**
 * Knows which partition holds a key. Partitions are numbered {@code 0 .. partitionCount() - 1};
 * each holds one contiguous range of keys.
 */
public interface PartitionRouter {

    int partitionOf(byte[] key);

    int partitionCount();

    /** The first key of {@code partition}'s range (inclusive). */
    byte[] startKey(int partition);

    /** The end of {@code partition}'s range (exclusive); null when it runs to the end of the key space. */
    byte[] endKey(int partition);
}

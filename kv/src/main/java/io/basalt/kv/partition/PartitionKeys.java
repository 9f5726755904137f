package io.basalt.kv.partition;

import io.basalt.kv.codec.KeyDecoder;
import io.basalt.kv.codec.KeyEncoder;
import io.basalt.kv.codec.SortOrder;
import java.util.zip.CRC32C;

/**
 * The key-space convention that makes the partition a key prefix: every user key is a tuple whose
 * first field is the number of the partition that holds it (an integer in the key codec).
 *
 * <pre>
 *   / partition / tableId / primary-key columns ...          (rows; secondary indexes alike)
 * </pre>
 *
 * So a partition is one contiguous key range, routing needs no lookup table, a partition can be
 * scanned, copied or snapshotted as a range, and rows of different tables whose partition keys hash
 * alike sit side by side. The partition of a row is chosen by the layer that knows its partition
 * key ({@link #bucketOf}); the router only reads it back ({@link #partitionOf}).
 */
public final class PartitionKeys {
    private PartitionKeys() {
    }

    /** The encoded first field shared by every key of {@code partition}. */
    public static byte[] prefix(int partition) {
        return new KeyEncoder(4).writeLong(partition).toByteArray();
    }

    /** The partition that holds {@code key}. */
    public static int partitionOf(byte[] key) {
        long partition = new KeyDecoder(key).readLong(SortOrder.ASCENDING);
        if (partition < 0 || partition > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("Key does not start with a partition number");
        }
        return (int) partition;
    }

    /**
     * The partition for a row whose partition-key values encode to {@code encodedPartitionKey}.
     * CRC32C because it is stable across JVMs and versions (unlike {@code hashCode}), in the JDK,
     * and hardware-accelerated. Changing this function moves every row: never change it for an
     * existing store.
     */
    public static int bucketOf(byte[] encodedPartitionKey, int partitionCount) {
        CRC32C crc = new CRC32C();
        crc.update(encodedPartitionKey);
        return (int) (crc.getValue() % partitionCount);
    }
}

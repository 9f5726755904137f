package io.basalt.kv.partition;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.basalt.kv.codec.KeyEncoder;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PartitionKeysTest {

    @Test
    void partitionIsReadBackFromTheKeyPrefix() {
        byte[] key = new KeyEncoder().writeRawBytes(PartitionKeys.prefix(5)).writeLong(100).writeString("x").toByteArray();
        assertThat(PartitionKeys.partitionOf(key)).isEqualTo(5);
    }

    @Test
    void bucketIsStableAndSpreadsKeys() {
        byte[] encoded = new KeyEncoder().writeLong(42).toByteArray();
        assertThat(PartitionKeys.bucketOf(encoded, 8)).isEqualTo(PartitionKeys.bucketOf(encoded.clone(), 8));
        Set<Integer> buckets = new HashSet<>();
        for (int i = 0; i < 100; i++) {
            buckets.add(PartitionKeys.bucketOf(new KeyEncoder().writeLong(i).toByteArray(), 8));
        }
        assertThat(buckets).hasSize(8);
    }

    @Test
    void keyWithoutPartitionPrefixIsRejected() {
        byte[] key = new KeyEncoder().writeString("no partition").toByteArray();
        assertThatThrownBy(() -> PartitionKeys.partitionOf(key)).isInstanceOf(IllegalArgumentException.class);
    }
}

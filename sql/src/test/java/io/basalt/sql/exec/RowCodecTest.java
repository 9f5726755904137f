package io.basalt.sql.exec;

import static org.assertj.core.api.Assertions.assertThat;

import io.basalt.kv.partition.PartitionKeys;
import io.basalt.sql.catalog.ColumnDescriptor;
import io.basalt.sql.catalog.ColumnType;
import io.basalt.sql.catalog.TableDescriptor;
import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class RowCodecTest {
    private static final TableDescriptor ORDER_LINE = new TableDescriptor(123, "ORDER_LINE", List.of(
            new ColumnDescriptor(1, "W_ID", ColumnType.of(ColumnType.Name.INTEGER), false, null),
            new ColumnDescriptor(2, "AMOUNT", new ColumnType(ColumnType.Name.DECIMAL, 6, 2), true, null),
            new ColumnDescriptor(3, "O_ID", ColumnType.of(ColumnType.Name.BIGINT), false, null),
            new ColumnDescriptor(4, "DELIVERED", ColumnType.of(ColumnType.Name.TIMESTAMP), true, null),
            new ColumnDescriptor(5, "NOTE", new ColumnType(ColumnType.Name.VARCHAR, 10, 0), true, null)),
            new int[] {0, 2}, 1);

    @Test
    void rowsRoundTripThroughKeyAndValue() {
        RowCodec codec = new RowCodec(ORDER_LINE, 8);
        Object[] row = {7L, new BigDecimal("12.50"), 42L, LocalDateTime.of(1969, 7, 20, 20, 17, 40, 123_000_000), null};
        Object[] decoded = codec.decode(codec.key(row), codec.value(row));
        assertThat(decoded).containsExactly(row);
    }

    @Test
    void keyStartsWithThePartitionOfThePartitionKeyAndTheTableId() {
        RowCodec codec = new RowCodec(ORDER_LINE, 8);
        Object[] row = {7L, null, 42L, null, "x"};
        byte[] key = codec.key(row);
        int partition = PartitionKeys.partitionOf(key);
        assertThat(partition).isEqualTo(codec.partitionOf(new Object[] {7L}));
        assertThat(RowCodec.tableIdOf(key)).isEqualTo(123);
        // rows sharing the partition key share the partition, whatever the rest of the key
        assertThat(PartitionKeys.partitionOf(codec.key(new Object[] {7L, null, 999_999L, null, null}))).isEqualTo(partition);
    }

    @Test
    void keysOfAPartitionSortByPrimaryKey() {
        RowCodec codec = new RowCodec(ORDER_LINE, 1);
        byte[] a = codec.key(new Object[] {1L, null, 2L, null, null});
        byte[] b = codec.key(new Object[] {1L, null, 10L, null, null});
        byte[] c = codec.key(new Object[] {2L, null, -5L, null, null});
        assertThat(Arrays.compareUnsigned(a, b)).isNegative();
        assertThat(Arrays.compareUnsigned(b, c)).isNegative();
    }

    @Test
    void absentValuesDecodeAsNull() {
        RowCodec codec = new RowCodec(ORDER_LINE, 8);
        Object[] row = {1L, null, 2L, null, null};
        assertThat(codec.decode(codec.key(row), codec.value(row))).containsExactly(1L, null, 2L, null, null);
    }
}

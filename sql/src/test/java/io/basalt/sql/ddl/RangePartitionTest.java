package io.basalt.sql.ddl;

import static io.basalt.sql.SqlTestbed.rows;
import static io.basalt.sql.SqlTestbed.update;
import static org.assertj.core.api.Assertions.assertThat;

import io.basalt.common.error.SqlState;
import io.basalt.kv.codec.KeyDecoder;
import io.basalt.kv.codec.KeyEncoder;
import io.basalt.kv.codec.Keys;
import io.basalt.kv.codec.SortOrder;
import io.basalt.kv.partition.PartitionKeys;
import io.basalt.sql.SessionTest;
import io.basalt.sql.SqlTestbed;
import io.basalt.sql.catalog.TableDescriptor;
import io.basalt.sql.catalog.TableDescriptorCodec;

import io.basalt.txn.IsolationLevel;
import io.basalt.txn.KeyValue;
import io.basalt.txn.Transaction;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

import org.junit.jupiter.api.Test;

/** PARTITION BY RANGE: rows land in the partition of their range, queries and keys work as with hashing. */
class RangePartitionTest extends SessionTest {
    @Test
    void rowsLandInTheirRangesPartition() {
        update(session, "CREATE TABLE r (k INT PRIMARY KEY, v VARCHAR(5)) PARTITION BY RANGE (k) (-10, 100, 200)");
        update(session, "INSERT INTO r VALUES (-50, 'a'), (-10, 'b'), (5, 'c'), (150, 'd'), (200, 'e'), (999, 'f')");

        // Ranges: below -10 -> 0; [-10, 100) -> 1; [100, 200) -> 2; from 200 on -> 3.
        assertThat(keysIn("R", 0)).containsExactly(-50L);
        assertThat(keysIn("R", 1)).containsExactly(-10L, 5L);
        assertThat(keysIn("R", 2)).containsExactly(150L);
        assertThat(keysIn("R", 3)).containsExactly(200L, 999L);
        assertThat(rows(session, "SELECT v FROM r WHERE k = 150")).containsExactly(List.of("d"));
        assertThat(rows(session, "SELECT count(*) FROM r WHERE k BETWEEN 0 AND 300")).containsExactly(List.of(3L));
        assertThat(rows(session, "EXPLAIN SELECT v FROM r WHERE k = 150").toString()).contains("partitions=1");
        update(session, "UPDATE r SET k = 50 WHERE k = 999");
        assertThat(keysIn("R", 1)).containsExactly(-10L, 5L, 50L);
    }

    @Test
    void aPrefixOfTheKeyAndStringSplitsWork() {
        update(session, "CREATE TABLE s (region VARCHAR(10), id INT, PRIMARY KEY (region, id))"
                + " PARTITION BY RANGE (region) ('h', 'p')");
        update(session, "INSERT INTO s VALUES ('asia', 1), ('europe', 2), ('japan', 3), ('us', 4)");

        assertThat(rows(session, "SELECT id FROM s WHERE region = 'japan'")).containsExactly(List.of(3));
        assertThat(partitionsHolding("S")).containsExactly(0, 0, 1, 2);
    }

    @Test
    void badSplitsAreRefused() {
        assertThat(error("CREATE TABLE x (k INT PRIMARY KEY) PARTITION BY RANGE (k) (10, 5)"))
                .isEqualTo(SqlState.INVALID_TABLE_DEFINITION);
        assertThat(error("CREATE TABLE x (k INT PRIMARY KEY) PARTITION BY RANGE (k) ((1, 2))"))
                .isEqualTo(SqlState.INVALID_TABLE_DEFINITION);
        assertThat(error("CREATE TABLE x (k INT PRIMARY KEY) PARTITION BY RANGE (k) (1.5)"))
                .isEqualTo(SqlState.INVALID_TEXT_REPRESENTATION);
        assertThat(error("CREATE TABLE x (k SMALLINT PRIMARY KEY) PARTITION BY RANGE (k) (100000)"))
                .isEqualTo(SqlState.NUMERIC_VALUE_OUT_OF_RANGE);
        assertThat(error("CREATE TABLE x (a INT, k INT, PRIMARY KEY (a, k)) PARTITION BY RANGE (k) (1)"))
                .isEqualTo(SqlState.INVALID_TABLE_DEFINITION);
    }

    @Test
    void theSplitsSurviveTheCatalogCodec() {
        update(session, "CREATE TABLE r (k BIGINT PRIMARY KEY) PARTITION BY RANGE (k) (1, 2, 3)");
        TableDescriptor table = db.engine.catalog().current().table("R");

        TableDescriptor decoded = TableDescriptorCodec.decode(TableDescriptorCodec.encode(table));

        assertThat(decoded).isEqualTo(table);
        assertThat(decoded.rangeSplits()).hasSize(3);
    }

    /** The first key column of the rows stored in {@code partition}, read raw, in key order. */
    private List<Long> keysIn(String tableName, int partition) {
        List<Long> keys = new ArrayList<>();
        for (KeyValue kv : scan(tableName, partition)) {
            KeyDecoder decoder = new KeyDecoder(kv.key());
            decoder.skip(SortOrder.ASCENDING);
            decoder.skip(SortOrder.ASCENDING);
            keys.add(decoder.readLong(SortOrder.ASCENDING));
        }
        return keys;
    }

    private List<Integer> partitionsHolding(String tableName) {
        List<Integer> partitions = new ArrayList<>();
        for (int p = 0; p < db.engine.partitionCount(); p++) {
            for (KeyValue ignored : scan(tableName, p)) {
                partitions.add(p);
            }
        }
        return partitions;
    }

    private List<KeyValue> scan(String tableName, int partition) {
        int id = db.engine.catalog().current().table(tableName).id();
        byte[] prefix = new KeyEncoder().writeRawBytes(PartitionKeys.prefix(partition)).writeLong(id).toByteArray();
        Transaction txn = db.node.transactions().begin(IsolationLevel.SNAPSHOT);
        List<KeyValue> found = new ArrayList<>();
        try {
            for (Iterator<KeyValue> it = txn.scan(prefix, Keys.prefixEnd(prefix)); it.hasNext(); ) {
                found.add(it.next());
            }
        } finally {
            txn.commit();
        }
        return found;
    }
}

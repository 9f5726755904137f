package io.basalt.sql.index;

import static org.assertj.core.api.Assertions.assertThat;

import io.basalt.kv.codec.KeyEncoder;
import io.basalt.kv.codec.Keys;
import io.basalt.kv.partition.PartitionKeys;
import io.basalt.sql.SqlTestbed;
import io.basalt.sql.catalog.IndexDescriptor;
import io.basalt.sql.catalog.TableDescriptor;
import io.basalt.sql.exec.IndexCodec;
import io.basalt.sql.exec.RowCodec;
import io.basalt.txn.IsolationLevel;
import io.basalt.txn.KeyValue;
import io.basalt.txn.Transaction;
import java.util.Iterator;
import java.util.Map;
import java.util.TreeMap;

/**
 * Compares a table's index entries, read raw from the key-value layer, with the entries its rows
 * should have: every row exactly one entry, pointing at it, and no entry without its row.
 */
final class IndexAudit {
    private IndexAudit() {
    }

    static void assertConsistent(SqlTestbed db, String tableName) {
        TableDescriptor table = db.engine.catalog().current().table(tableName);
        int partitions = db.engine.partitionCount();
        Transaction txn = db.node.transactions().begin(IsolationLevel.SNAPSHOT);
        try {
            RowCodec rows = new RowCodec(table, partitions);
            for (IndexDescriptor index : table.indexes()) {
                IndexCodec codec = new IndexCodec(table, index, partitions);
                Map<String, String> expected = new TreeMap<>();
                for (KeyValue row : scanId(txn, table.id(), partitions)) {
                    Object[] values = rows.decode(row.key(), row.value());
                    expected.put(Keys.toDebugString(codec.entryKey(values)), Keys.toDebugString(codec.entryValue(values)));
                }
                Map<String, String> actual = new TreeMap<>();
                for (KeyValue entry : scanId(txn, index.id(), partitions)) {
                    actual.put(Keys.toDebugString(entry.key()), Keys.toDebugString(entry.value()));
                }
                assertThat(actual).as("entries of index %s", index.name()).isEqualTo(expected);
            }
        } finally {
            txn.commit();
        }
    }

    static Iterable<KeyValue> scanId(Transaction txn, int id, int partitions) {
        java.util.List<KeyValue> all = new java.util.ArrayList<>();
        for (int p = 0; p < partitions; p++) {
            byte[] prefix = new KeyEncoder().writeRawBytes(PartitionKeys.prefix(p)).writeLong(id).toByteArray();
            for (Iterator<KeyValue> it = txn.scan(prefix, Keys.prefixEnd(prefix)); it.hasNext(); ) {
                all.add(it.next());
            }
        }
        return all;
    }
}

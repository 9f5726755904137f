package io.basalt.kv.engine;

import java.nio.charset.StandardCharsets;

/**
 * The column families of a node's store. One RocksDB instance holds every partition replica of the
 * node (as TiKV and CockroachDB do): one WAL, so concurrent synced commits share fsyncs, and one
 * block cache. A partition's data is the key range that starts with its number (see
 * {@code io.basalt.kv.partition.PartitionStore}).
 */
public enum ColumnFamily {
    /** Node-local metadata that is not part of any partition: format version, timestamp oracle window. */
    META("default"),
    /** Committed MVCC versions: {@code escaped(userKey) ++ inverted commit timestamp} (see {@code VersionKey}). */
    VERSIONS("versions"),
    /** Provisional writes of unfinished transactions, one per user key: {@code userKey -> Intent}. */
    INTENTS("intents"),
    /** Transaction records, keyed by the record key the coordinator chose (see {@code TxnRecordKey}). */
    TXNS("txns");

    private final String rocksName;

    ColumnFamily(String rocksName) {
        this.rocksName = rocksName;
    }

    byte[] rocksName() {
        return rocksName.getBytes(StandardCharsets.UTF_8);
    }
}

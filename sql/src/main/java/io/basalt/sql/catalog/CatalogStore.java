package io.basalt.sql.catalog;

import io.basalt.kv.codec.KeyEncoder;
import io.basalt.kv.codec.Keys;
import io.basalt.kv.partition.PartitionKeys;
import io.basalt.txn.KeyValue;
import io.basalt.txn.Transaction;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * Where the catalog lives: ordinary transactional KV rows in partition 0, under the reserved
 * table id {@link #SYSTEM_TABLE_ID}, so a catalog change commits atomically like any other write
 * and a file database reopens with its tables. (The replicated cluster moves these rows into the
 * meta service's own Raft group.)
 *
 * <pre>
 *   / 0 / 1 / "table" / name /        -> table descriptor (TableDescriptorCodec)
 *   / 0 / 1 / "next-table-id" /       -> i64, the next table id to hand out
 *   / 0 / 1 / "version" /             -> i64, bumped by every change; plan caches key on it
 *   / 0 / 1 / "sequence" / name /     -> sequence descriptor (SequenceDescriptorCodec)
 *   / 0 / 1 / "sequence-value" / id / -> i64, the first value not yet handed out (SequenceAllocator)
 *   / 0 / 1 / "user" / name /         -> UTF-8 SCRAM verifier text (UserCatalog; no catalog version bump)
 * </pre>
 */
public final class CatalogStore {
    static final int SYSTEM_TABLE_ID = 1;
    /** User table ids start here; smaller ids are reserved for system tables. */
    static final long FIRST_USER_TABLE_ID = 100;

    private CatalogStore() {
    }

    static byte[] tableKey(String name) {
        return systemKey().writeString("table").writeString(name).toByteArray();
    }

    static byte[] sequenceKey(String name) {
        return systemKey().writeString("sequence").writeString(name).toByteArray();
    }

    /** Where a sequence's progress is kept: outside the catalog's versioned rows, changed without DDL. */
    public static byte[] sequenceValueKey(int sequenceId) {
        return systemKey().writeString("sequence-value").writeLong(sequenceId).toByteArray();
    }

    static byte[] userKey(String name) {
        return systemKey().writeString("user").writeString(name).toByteArray();
    }

    static byte[] usersPrefix() {
        return systemKey().writeString("user").toByteArray();
    }

    private static byte[] sequencesPrefix() {
        return systemKey().writeString("sequence").toByteArray();
    }

    private static byte[] tablesPrefix() {
        return systemKey().writeString("table").toByteArray();
    }

    private static byte[] counterKey() {
        return systemKey().writeString("next-table-id").toByteArray();
    }

    private static byte[] versionKey() {
        return systemKey().writeString("version").toByteArray();
    }

    private static KeyEncoder systemKey() {
        return new KeyEncoder().writeRawBytes(PartitionKeys.prefix(0)).writeLong(SYSTEM_TABLE_ID);
    }

    static Catalog load(Transaction txn) {
        List<TableDescriptor> tables = new ArrayList<>();
        byte[] prefix = tablesPrefix();
        for (Iterator<KeyValue> it = txn.scan(prefix, Keys.prefixEnd(prefix)); it.hasNext(); ) {
            tables.add(TableDescriptorCodec.decode(it.next().value()));
        }
        List<SequenceDescriptor> sequences = new ArrayList<>();
        byte[] sequences0 = sequencesPrefix();
        for (Iterator<KeyValue> it = txn.scan(sequences0, Keys.prefixEnd(sequences0)); it.hasNext(); ) {
            sequences.add(SequenceDescriptorCodec.decode(it.next().value()));
        }
        return new Catalog(readLong(txn, versionKey(), 0), tables, sequences);
    }

    static TableDescriptor readTable(Transaction txn, String name) {
        byte[] raw = txn.get(tableKey(name));
        return raw == null ? null : TableDescriptorCodec.decode(raw);
    }

    /**
     * Hands out the next table or index id (one counter: both name a key range, see RowCodec and
     * IndexCodec). A read-modify-write: concurrent DDL conflicts and retries.
     */
    static int allocateTableId(Transaction txn) {
        return allocateIds(txn, 1);
    }

    /** Hands out {@code count} consecutive ids and returns the first (once per transaction: writes are not read back). */
    static int allocateIds(Transaction txn, int count) {
        long next = readLong(txn, counterKey(), FIRST_USER_TABLE_ID);
        txn.put(counterKey(), encodeLong(next + count));
        return Math.toIntExact(next);
    }

    static void insertTable(Transaction txn, TableDescriptor table) {
        txn.insert(tableKey(table.name()), TableDescriptorCodec.encode(table));
    }

    static void replaceTable(Transaction txn, TableDescriptor table) {
        txn.put(tableKey(table.name()), TableDescriptorCodec.encode(table));
    }

    static void insertSequence(Transaction txn, SequenceDescriptor sequence) {
        txn.insert(sequenceKey(sequence.name()), SequenceDescriptorCodec.encode(sequence));
    }

    /** Rewrites a sequence's definition only; its counter stays. */
    static void replaceSequence(Transaction txn, SequenceDescriptor sequence) {
        txn.put(sequenceKey(sequence.name()), SequenceDescriptorCodec.encode(sequence));
    }

    static void deleteSequence(Transaction txn, SequenceDescriptor sequence) {
        txn.delete(sequenceKey(sequence.name()));
        txn.delete(sequenceValueKey(sequence.id()));
    }

    static void deleteTable(Transaction txn, String name) {
        txn.delete(tableKey(name));
    }

    /** Bumps the catalog version; every change does, so concurrent changes conflict on this key. */
    static long bumpVersion(Transaction txn) {
        long version = readLong(txn, versionKey(), 0) + 1;
        txn.put(versionKey(), encodeLong(version));
        return version;
    }

    private static long readLong(Transaction txn, byte[] key, long absent) {
        byte[] raw = txn.get(key);
        return raw == null ? absent : ByteBuffer.wrap(raw).getLong();
    }

    private static byte[] encodeLong(long value) {
        return ByteBuffer.allocate(Long.BYTES).putLong(value).array();
    }
}

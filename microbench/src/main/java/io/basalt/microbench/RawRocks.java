package io.basalt.microbench;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.rocksdb.BlockBasedTableConfig;
import org.rocksdb.BloomFilter;
import org.rocksdb.Cache;
import org.rocksdb.ColumnFamilyDescriptor;
import org.rocksdb.ColumnFamilyHandle;
import org.rocksdb.ColumnFamilyOptions;
import org.rocksdb.CompressionType;
import org.rocksdb.DBOptions;
import org.rocksdb.LRUCache;
import org.rocksdb.RocksDB;
import org.rocksdb.RocksDBException;

/**
 * Plain RocksDB opened exactly as {@code io.basalt.kv.engine.RocksEngine} opens a persistent store,
 * without any Basalt code on the read or write path: the baseline the KV and commit benchmarks
 * divide by.
 *
 * <p>The settings are copied from {@code RocksEngine}'s constructor and {@code columnFamilyOptions}
 * (kv module), because they are private there and this module must not change engine code. If
 * those change, change these too, or the ratios compare different databases: same four column
 * families, 64 MiB shared LRU block cache ({@code EngineOptions.DEFAULT_BLOCK_CACHE_BYTES}), LZ4,
 * 32 MiB write buffer for {@code versions} and 8 MiB for the others, whole-key bloom filter on
 * {@code intents} and {@code txns}, 2 background jobs, 1 MiB bytes-per-sync.
 *
 * <p>Benchmarks use the {@code versions} column family, where Basalt keeps committed rows.
 */
final class RawRocks implements AutoCloseable {
    static {
        RocksDB.loadLibrary();
    }

    private static final long BLOCK_CACHE_BYTES = 64L << 20;
    /** RocksEngine's ColumnFamily names, in its declaration order. */
    private static final List<String> FAMILIES = List.of("default", "versions", "intents", "txns");

    private final Cache blockCache = new LRUCache(BLOCK_CACHE_BYTES);
    private final DBOptions dbOptions = new DBOptions()
            .setCreateIfMissing(true)
            .setCreateMissingColumnFamilies(true)
            .setMaxBackgroundJobs(2)
            .setBytesPerSync(1 << 20);
    private final List<ColumnFamilyOptions> cfOptions = new ArrayList<>();
    private final List<ColumnFamilyHandle> handles = new ArrayList<>();
    private final RocksDB db;

    RawRocks(Path directory) {
        List<ColumnFamilyDescriptor> descriptors = new ArrayList<>();
        for (String name : FAMILIES) {
            ColumnFamilyOptions options = columnFamilyOptions(name);
            cfOptions.add(options);
            descriptors.add(new ColumnFamilyDescriptor(name.getBytes(StandardCharsets.UTF_8), options));
        }
        try {
            db = RocksDB.open(dbOptions, directory.toAbsolutePath().toString(), descriptors, handles);
        } catch (RocksDBException e) {
            throw new IllegalStateException("cannot open raw RocksDB at " + directory, e);
        }
    }

    private ColumnFamilyOptions columnFamilyOptions(String name) {
        BlockBasedTableConfig table = new BlockBasedTableConfig().setBlockCache(blockCache);
        if (name.equals("intents") || name.equals("txns")) {
            table.setFilterPolicy(new BloomFilter(10, false));
        }
        return new ColumnFamilyOptions()
                .setTableFormatConfig(table)
                .setCompressionType(CompressionType.LZ4_COMPRESSION)
                .setWriteBufferSize(name.equals("versions") ? 32L << 20 : 8L << 20);
    }

    RocksDB db() {
        return db;
    }

    ColumnFamilyHandle versions() {
        return handles.get(FAMILIES.indexOf("versions"));
    }

    @Override
    public void close() {
        handles.forEach(ColumnFamilyHandle::close);
        db.close();
        dbOptions.close();
        cfOptions.forEach(ColumnFamilyOptions::close);
        blockCache.close();
    }
}

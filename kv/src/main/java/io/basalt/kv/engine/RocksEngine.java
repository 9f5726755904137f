package io.basalt.kv.engine;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import org.rocksdb.BlockBasedTableConfig;
import org.rocksdb.BloomFilter;
import org.rocksdb.Cache;
import org.rocksdb.ColumnFamilyDescriptor;
import org.rocksdb.ColumnFamilyHandle;
import org.rocksdb.ColumnFamilyOptions;
import org.rocksdb.CompressionType;
import org.rocksdb.DBOptions;
import org.rocksdb.Env;
import org.rocksdb.FlushOptions;
import org.rocksdb.LRUCache;
import org.rocksdb.ReadOptions;
import org.rocksdb.RocksDB;
import org.rocksdb.RocksDBException;
import org.rocksdb.RocksIterator;
import org.rocksdb.RocksMemEnv;
import org.rocksdb.Snapshot;
import org.rocksdb.WriteBatch;
import org.rocksdb.WriteOptions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The node's RocksDB instance: column families, reads, atomic write batches, snapshots.
 *
 * <p>Everything above sees bytes only; this class owns every native handle. A closed engine must
 * never crash the JVM, so every native call runs under the read side of {@link #lifecycle} and
 * checks {@link #closed}; {@link #close()} takes the write side, closes the iterators still open
 * and only then frees the database. The read side is taken either per call (the public methods
 * here, self-pinning iterators) or once for a bounded sequence of reads ({@link EnginePin}, whose
 * iterators then skip the per-call lock: that lock was half of a 100-key scan's time).
 *
 * <p>Threading: all methods are thread-safe. RocksDB groups concurrent synced writes into one WAL
 * fsync (its write-group leader), which is the group commit the commit path relies on: never
 * serialise synced writes above this class.
 */
public final class RocksEngine implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(RocksEngine.class);

    static {
        RocksDB.loadLibrary();
    }

    private final EngineOptions options;
    private final RocksDB db;
    private final DBOptions dbOptions;
    private final List<ColumnFamilyOptions> cfOptions;
    private final Map<ColumnFamily, ColumnFamilyHandle> handles = new EnumMap<>(ColumnFamily.class);
    private final Cache blockCache;
    private final Env memEnv;
    private final WriteOptions syncWrite;
    private final WriteOptions asyncWrite;
    /** Shared by gets and by every iterator without a snapshot (RocksDB copies it per iterator). */
    private final ReadOptions defaultRead;
    /** Idle latest-data iterators for point reads, one pool per column family. */
    private final Map<ColumnFamily, IteratorPool> latestPools = new EnumMap<>(ColumnFamily.class);

    private final ReentrantReadWriteLock lifecycle = new ReentrantReadWriteLock();
    /** Guarded by {@link #lifecycle} (written under the write lock). */
    private volatile boolean closed;
    /** Iterators handed out and not yet closed; guarded by its own monitor. */
    private final List<EngineIterator> openIterators = new ArrayList<>();

    private RocksEngine(EngineOptions options) {
        this.options = options;
        this.blockCache = new LRUCache(options.blockCacheBytes());
        this.memEnv = options.isInMemory() ? new RocksMemEnv(Env.getDefault()) : null;
        this.dbOptions = new DBOptions()
                .setCreateIfMissing(true)
                .setCreateMissingColumnFamilies(true)
                .setMaxBackgroundJobs(2)
                .setBytesPerSync(1 << 20);
        if (memEnv != null) {
            dbOptions.setEnv(memEnv);
        }
        this.cfOptions = new ArrayList<>();
        List<ColumnFamilyDescriptor> descriptors = new ArrayList<>();
        for (ColumnFamily cf : ColumnFamily.values()) {
            ColumnFamilyOptions cfo = columnFamilyOptions(cf);
            cfOptions.add(cfo);
            descriptors.add(new ColumnFamilyDescriptor(cf.rocksName(), cfo));
        }
        String path = options.isInMemory() ? "/basalt-memory" : prepareDirectory(options.directory());
        List<ColumnFamilyHandle> opened = new ArrayList<>();
        try {
            this.db = RocksDB.open(dbOptions, path, descriptors, opened);
        } catch (RocksDBException e) {
            closeOptions();
            throw new StorageException("Cannot open the store [path=" + path + "]: " + e.getMessage(), e);
        }
        for (int i = 0; i < ColumnFamily.values().length; i++) {
            handles.put(ColumnFamily.values()[i], opened.get(i));
        }
        boolean durable = options.syncCommits() && !options.isInMemory();
        this.syncWrite = new WriteOptions().setSync(durable).setDisableWAL(options.isInMemory());
        this.asyncWrite = new WriteOptions().setSync(false).setDisableWAL(options.isInMemory());
        this.defaultRead = new ReadOptions();
        for (ColumnFamily cf : ColumnFamily.values()) {
            latestPools.put(cf, new IteratorPool());
        }
        LOG.info("Store opened [path={}, inMemory={}, syncCommits={}]", path, options.isInMemory(), durable);
    }

    public static RocksEngine open(EngineOptions options) {
        return new RocksEngine(options);
    }

    private ColumnFamilyOptions columnFamilyOptions(ColumnFamily cf) {
        BlockBasedTableConfig table = new BlockBasedTableConfig().setBlockCache(blockCache);
        if (cf == ColumnFamily.INTENTS || cf == ColumnFamily.TXNS) {
            // Point lookups that almost always miss (most keys have no intent): a whole-key bloom
            // filter answers them without touching data blocks.
            table.setFilterPolicy(new BloomFilter(10, false));
        }
        return new ColumnFamilyOptions()
                .setTableFormatConfig(table)
                .setCompressionType(CompressionType.LZ4_COMPRESSION)
                .setWriteBufferSize(cf == ColumnFamily.VERSIONS ? 32L << 20 : 8L << 20);
    }

    private static String prepareDirectory(Path directory) {
        try {
            Files.createDirectories(directory);
        } catch (java.io.IOException e) {
            throw new StorageException("Cannot create the store directory [path=" + directory + "]", e);
        }
        return directory.toAbsolutePath().toString();
    }

    public EngineOptions options() {
        return options;
    }

    /** The value stored under {@code key}, or null. */
    public byte[] get(ColumnFamily cf, byte[] key) {
        lifecycle.readLock().lock();
        try {
            ensureOpen();
            return getPinned(cf, key);
        } finally {
            lifecycle.readLock().unlock();
        }
    }

    /** {@link #get} for a caller that holds the read lock and has checked the engine is open. */
    byte[] getPinned(ColumnFamily cf, byte[] key) {
        try {
            return db.get(handles.get(cf), defaultRead, key);
        } catch (RocksDBException e) {
            throw new StorageException("Read failed [cf=" + cf + "]", e);
        }
    }

    /**
     * Holds the engine open until the returned pin closes, for a short sequence of reads by this
     * thread whose iterators then need no lock per call; see {@link EnginePin}.
     */
    public EnginePin pin() {
        lockOpen();
        return new EnginePin(this);
    }

    /** A new, empty batch; apply it with {@link #write}. */
    public EngineBatch newBatch() {
        return new EngineBatch(this);
    }

    /**
     * Applies {@code batch} atomically. A {@code durable} write is fsynced (when the store is
     * persistent and synced commits are on) before this returns; since all partitions share one
     * WAL, it also makes every earlier write of this store durable.
     */
    public void write(EngineBatch batch, boolean durable) {
        lifecycle.readLock().lock();
        try {
            ensureOpen();
            db.write(durable ? syncWrite : asyncWrite, batch.rocksBatch());
        } catch (RocksDBException e) {
            throw new StorageException("Write failed", e);
        } finally {
            lifecycle.readLock().unlock();
        }
    }

    /**
     * Writes every column family's memtable to SST files and waits for it. RocksDB flushes by
     * itself; this is for benchmarks and tests that must read from SST files rather than memory.
     */
    public void flush() {
        lifecycle.readLock().lock();
        try (FlushOptions flush = new FlushOptions().setWaitForFlush(true)) {
            ensureOpen();
            db.flush(flush, new ArrayList<>(handles.values()));
        } catch (RocksDBException e) {
            throw new StorageException("Flush failed", e);
        } finally {
            lifecycle.readLock().unlock();
        }
    }

    /** A consistent point-in-time view for reads across column families; close it when done. */
    public EngineSnapshot snapshot() {
        lifecycle.readLock().lock();
        try {
            ensureOpen();
            return new EngineSnapshot(this, db.getSnapshot());
        } finally {
            lifecycle.readLock().unlock();
        }
    }

    /**
     * An iterator over {@code cf}, reading the latest data or {@code snapshot} if not null. Each of
     * its calls pins the engine by itself; inside an {@link EnginePin}, use its iterators instead.
     */
    public EngineIterator newIterator(ColumnFamily cf, EngineSnapshot snapshot) {
        lifecycle.readLock().lock();
        try {
            ensureOpen();
            return createIterator(cf, snapshot, null);
        } finally {
            lifecycle.readLock().unlock();
        }
    }

    /** Caller holds the read lock of an open engine (an {@link EnginePin}). */
    EngineIterator newIteratorPinned(ColumnFamily cf, EngineSnapshot snapshot, EnginePin pin) {
        EngineIterator it = createIterator(cf, snapshot, null);
        it.pinTo(pin);
        return it;
    }

    /**
     * A latest-data iterator for {@code pin}: pooled and refreshed now, or new (a new one already
     * reads the latest data). Caller holds the read lock of an open engine.
     */
    EngineIterator borrowLatest(ColumnFamily cf, EnginePin pin) {
        IteratorPool pool = latestPools.get(cf);
        EngineIterator it = pool.poll();
        if (it == null) {
            it = createIterator(cf, null, pool);
            it.pinTo(pin);
        } else {
            it.pinTo(pin);
            try {
                it.refreshPinned();
            } catch (RuntimeException e) {
                it.close(); // not yet tracked by the pin, so nobody else would
                throw e;
            }
        }
        return it;
    }

    /** Ends a pin's use of {@code it}: back to its pool if it has one with room, else closed. */
    void release(EngineIterator it) {
        if (it.pool() != null && !it.isClosed()) {
            it.pinTo(null);
            if (it.pool().offer(it)) {
                return; // no longer ours: another thread may already have borrowed it
            }
        }
        it.close();
    }

    /** Caller holds the read lock and has checked that the engine is open. */
    private EngineIterator createIterator(ColumnFamily cf, EngineSnapshot snapshot, IteratorPool pool) {
        ReadOptions read = defaultRead;
        if (snapshot != null) {
            read = new ReadOptions().setSnapshot(snapshot.rocksSnapshot());
        }
        RocksIterator it = db.newIterator(handles.get(cf), read);
        EngineIterator wrapper = new EngineIterator(this, it, read, read != defaultRead, pool);
        synchronized (openIterators) {
            openIterators.add(wrapper);
        }
        return wrapper;
    }

    void forgetIterator(EngineIterator iterator) {
        synchronized (openIterators) {
            openIterators.remove(iterator);
        }
    }

    void releaseSnapshot(Snapshot snapshot) {
        lifecycle.readLock().lock();
        try {
            if (!closed) {
                db.releaseSnapshot(snapshot);
            }
        } finally {
            lifecycle.readLock().unlock();
        }
    }

    /**
     * Pins the engine open for a native call by a wrapper (iterators); pair with {@link #unpin()}.
     * Throws if the engine is already closed.
     */
    void lockOpen() {
        lifecycle.readLock().lock();
        if (closed) {
            lifecycle.readLock().unlock();
            throw new StorageException("The store is closed", null);
        }
    }

    void unpin() {
        lifecycle.readLock().unlock();
    }

    RocksDB db() {
        return db;
    }

    ColumnFamilyHandle handle(ColumnFamily cf) {
        return handles.get(cf);
    }

    void ensureOpen() {
        if (closed) {
            throw new StorageException("The store is closed", null);
        }
    }

    public boolean isClosed() {
        return closed;
    }

    /** Closes open iterators, flushes nothing extra (the WAL is durable), frees native memory. Idempotent. */
    @Override
    public void close() {
        lifecycle.writeLock().lock();
        try {
            if (closed) {
                return;
            }
            closed = true;
            latestPools.values().forEach(IteratorPool::drain); // closed below, as open iterators
            synchronized (openIterators) {
                for (EngineIterator it : openIterators) {
                    it.closeNative();
                }
                openIterators.clear();
            }
            for (ColumnFamilyHandle handle : handles.values()) {
                handle.close();
            }
            db.close();
            syncWrite.close();
            asyncWrite.close();
            defaultRead.close();
            closeOptions();
            LOG.info("Store closed [inMemory={}]", options.isInMemory());
        } finally {
            lifecycle.writeLock().unlock();
        }
    }

    private void closeOptions() {
        dbOptions.close();
        cfOptions.forEach(ColumnFamilyOptions::close);
        blockCache.close();
        if (memEnv != null) {
            memEnv.close();
        }
    }
}

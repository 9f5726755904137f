package io.basalt.kv.mvcc;

import io.basalt.kv.engine.ColumnFamily;
import io.basalt.kv.engine.EngineIterator;
import io.basalt.kv.engine.EnginePin;
import io.basalt.kv.engine.EngineSnapshot;
import io.basalt.kv.engine.RocksEngine;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Reads of MVCC data at a timestamp: point reads, range scans, and the newest version of a key
 * (for write-conflict checks). Stateless and thread-safe; it takes no latches.
 *
 * <p>Why point reads need no snapshot: the intent is read before the versions. A transaction
 * resolves an intent by deleting it and writing the version in one atomic batch, so a reader that
 * misses the intent either sees the resolved version, or raced a writer whose intent did not exist
 * yet; such a writer takes its commit timestamp after writing its intent, hence after this read
 * began, hence above the read timestamp, so its version is invisible anyway. Scans read two
 * iterators side by side and use a snapshot so that they agree with each other.
 *
 * <p>Every read holds one {@link EnginePin} for its whole duration instead of locking the engine
 * per native call. Point reads borrow a pooled versions iterator ({@link EnginePin#latestIterator})
 * instead of creating one; it is refreshed when borrowed, which is after the intent read, so the
 * argument above holds for it exactly as for a new iterator.
 */
public final class MvccReader {
    /** After this many next() calls within one key's versions, a seek is cheaper (CockroachDB uses a similar knob). */
    private static final int NEXTS_BEFORE_SEEK = 8;
    private static final long[] NO_WRITERS = new long[0];

    private final RocksEngine engine;

    public MvccReader(RocksEngine engine) {
        this.engine = engine;
    }

    public Intent intent(byte[] key) {
        byte[] raw = engine.get(ColumnFamily.INTENTS, key);
        return raw == null ? null : Intent.decode(raw);
    }

    private static Intent intent(EnginePin pin, byte[] key) {
        byte[] raw = pin.get(ColumnFamily.INTENTS, key);
        return raw == null ? null : Intent.decode(raw);
    }

    /** The key as seen at {@code readTs}: newest committed version at or below it, plus any intent. */
    public MvccEntry get(byte[] key, long readTs) {
        return get(key, readTs, false);
    }

    /**
     * The key as seen at {@code readTs}; with {@code collectNewerWriters} the entry also names the
     * writers of versions above {@code readTs} (serializable snapshot isolation needs them).
     */
    public MvccEntry get(byte[] key, long readTs, boolean collectNewerWriters) {
        try (EnginePin pin = engine.pin()) {
            // Intent first, then the versions iterator (refreshed as it is borrowed): see the class comment.
            Intent intent = intent(pin, key);
            byte[] prefix = VersionKey.prefix(key);
            EngineIterator it = pin.latestIterator(ColumnFamily.VERSIONS);
            long[] newer = NO_WRITERS;
            if (collectNewerWriters) {
                it.seek(prefix);
                newer = newerWriters(it, prefix, readTs);
            } else {
                it.seek(VersionKey.seekKey(prefix, readTs));
            }
            if (it.isValid()) {
                byte[] versionKey = it.key();
                if (VersionKey.hasPrefix(versionKey, prefix)) {
                    byte[] stored = it.value();
                    return new MvccEntry(key, VersionValue.decode(stored), VersionKey.timestamp(versionKey), intent, newer);
                }
            }
            return new MvccEntry(key, null, 0, intent, newer);
        }
    }

    /**
     * From the newest version of the key, steps over the versions above {@code readTs}, returning
     * their writers; leaves the iterator on the first version at or below {@code readTs} (or past the key).
     */
    private static long[] newerWriters(EngineIterator it, byte[] prefix, long readTs) {
        long[] writers = NO_WRITERS;
        int count = 0;
        while (it.isValid() && VersionKey.hasPrefix(it.key(), prefix) && VersionKey.timestamp(it.key()) > readTs) {
            if (count == writers.length) {
                writers = Arrays.copyOf(writers, Math.max(4, count * 2));
            }
            writers[count++] = VersionValue.writerTxnId(it.value());
            it.next();
        }
        return count == writers.length ? writers : Arrays.copyOf(writers, count);
    }

    /**
     * The newest committed version of {@code key} at any timestamp, without looking at intents:
     * its value (null for a tombstone or no version) and commit timestamp (0 when there is no
     * version). First-updater-wins compares that timestamp with the writer's read timestamp.
     */
    public MvccEntry newestVersion(byte[] key) {
        byte[] prefix = VersionKey.prefix(key);
        try (EnginePin pin = engine.pin()) {
            EngineIterator it = pin.latestIterator(ColumnFamily.VERSIONS);
            it.seek(prefix);
            if (it.isValid()) {
                byte[] versionKey = it.key();
                if (VersionKey.hasPrefix(versionKey, prefix)) {
                    return new MvccEntry(key, VersionValue.decode(it.value()), VersionKey.timestamp(versionKey), null);
                }
            }
        }
        return new MvccEntry(key, null, 0, null);
    }

    /**
     * Keys of {@code [start, end)} as seen at {@code readTs}, at most {@code maxKeys} of them.
     * Keys whose newest visible version is a tombstone and that have no intent are skipped.
     *
     * @param end exclusive upper bound, or null for no bound
     */
    public ScanBatch scan(byte[] start, byte[] end, long readTs, int maxKeys) {
        return scan(start, end, readTs, maxKeys, false);
    }

    /**
     * As {@link #scan(byte[], byte[], long, int)}; with {@code collectNewerWriters} every entry also
     * names the writers of versions above {@code readTs}, and keys that are absent at {@code readTs}
     * but have such versions are returned too (a serializable scan depends on them: they are the
     * rows it would see as phantoms).
     */
    public ScanBatch scan(byte[] start, byte[] end, long readTs, int maxKeys, boolean collectNewerWriters) {
        if (maxKeys <= 0) {
            throw new IllegalArgumentException("maxKeys must be positive");
        }
        List<MvccEntry> entries = new ArrayList<>(Math.min(maxKeys, 64));
        // The pin closes the iterators, then releases the snapshot, then unlocks the engine.
        try (EnginePin pin = engine.pin()) {
            EngineSnapshot snapshot = pin.snapshot();
            EngineIterator versions = pin.newIterator(ColumnFamily.VERSIONS, snapshot);
            EngineIterator intents = pin.newIterator(ColumnFamily.INTENTS, snapshot);
            byte[] versionUpper = end == null ? null : VersionKey.prefix(end);
            versions.seek(VersionKey.prefix(start));
            intents.seek(start);
            while (true) {
                byte[] versionKey = versions.isValid() ? versions.key() : null;
                if (versionKey != null && versionUpper != null && Arrays.compareUnsigned(versionKey, versionUpper) >= 0) {
                    versionKey = null;
                }
                byte[] intentKey = intents.isValid() ? intents.key() : null;
                if (intentKey != null && end != null && Arrays.compareUnsigned(intentKey, end) >= 0) {
                    intentKey = null;
                }
                if (versionKey == null && intentKey == null) {
                    return new ScanBatch(entries, null);
                }
                byte[] versionUserKey = versionKey == null ? null : VersionKey.userKey(versionKey);
                byte[] key = pickSmaller(versionUserKey, intentKey);
                if (entries.size() == maxKeys) {
                    return new ScanBatch(entries, key);
                }
                VisibleVersion visible = VisibleVersion.NONE;
                if (versionUserKey != null && Arrays.equals(versionUserKey, key)) {
                    byte[] prefix = Arrays.copyOf(versionKey, VersionKey.prefixLength(versionKey));
                    visible = visibleVersion(versions, prefix, readTs, collectNewerWriters);
                }
                Intent intent = null;
                if (intentKey != null && Arrays.equals(intentKey, key)) {
                    intent = Intent.decode(intents.value());
                    intents.next();
                }
                if (visible.value != null || intent != null || visible.newerWriters.length > 0) {
                    entries.add(new MvccEntry(key, visible.value, visible.timestamp, intent, visible.newerWriters));
                }
            }
        }
    }

    /** What a scan saw of one key's versions. */
    private record VisibleVersion(byte[] value, long timestamp, long[] newerWriters) {
        static final VisibleVersion NONE = new VisibleVersion(null, 0, NO_WRITERS);
    }

    /**
     * Moves {@code versions} past every version of the key with {@code prefix} and returns the
     * newest one at or below {@code readTs} (value null if none or a tombstone), with the writers
     * of the versions above it if asked.
     */
    private static VisibleVersion visibleVersion(EngineIterator versions, byte[] prefix, long readTs,
                                                 boolean collectNewerWriters) {
        long[] newer = collectNewerWriters ? newerWriters(versions, prefix, readTs) : NO_WRITERS;
        byte[] visible = null;
        long visibleTs = 0;
        boolean found = false;
        int nexts = 0;
        while (versions.isValid()) {
            byte[] versionKey = versions.key();
            if (!VersionKey.hasPrefix(versionKey, prefix)) {
                break;
            }
            if (!found && VersionKey.timestamp(versionKey) <= readTs) {
                found = true;
                visibleTs = VersionKey.timestamp(versionKey);
                visible = VersionValue.decode(versions.value());
            }
            if (++nexts > NEXTS_BEFORE_SEEK) {
                // Many versions of one hot key: jump over the rest. The smallest possible version
                // of this key has timestamp 0, i.e. inverted bytes all 0xFF; one past it is the
                // next user key's prefix or later.
                if (!found) {
                    versions.seek(VersionKey.seekKey(prefix, readTs));
                    if (versions.isValid() && VersionKey.hasPrefix(versions.key(), prefix)) {
                        visibleTs = VersionKey.timestamp(versions.key());
                        visible = VersionValue.decode(versions.value());
                    }
                }
                versions.seek(afterAllVersions(prefix));
                break;
            }
            versions.next();
        }
        return new VisibleVersion(visible, visibleTs, newer);
    }

    /** The first physical key after every version of the key with {@code prefix}. */
    private static byte[] afterAllVersions(byte[] prefix) {
        byte[] out = Arrays.copyOf(prefix, prefix.length + VersionKey.TIMESTAMP_BYTES + 1);
        Arrays.fill(out, prefix.length, prefix.length + VersionKey.TIMESTAMP_BYTES, (byte) 0xFF);
        return out;
    }

    private static byte[] pickSmaller(byte[] a, byte[] b) {
        if (a == null) {
            return b;
        }
        if (b == null) {
            return a;
        }
        return Arrays.compareUnsigned(a, b) <= 0 ? a : b;
    }
}

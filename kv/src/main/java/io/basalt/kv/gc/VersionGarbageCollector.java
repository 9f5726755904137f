package io.basalt.kv.gc;

import io.basalt.kv.engine.ColumnFamily;
import io.basalt.kv.engine.EngineBatch;
import io.basalt.kv.engine.EngineIterator;
import io.basalt.kv.engine.EngineSnapshot;
import io.basalt.kv.engine.RocksEngine;
import io.basalt.kv.mvcc.VersionKey;
import io.basalt.kv.mvcc.VersionValue;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Deletes the MVCC versions that no reader at or above a GC threshold can see any more.
 *
 * <h2>Purpose</h2>
 * Every committed write leaves a version ({@link VersionKey}), and nothing else ever removes one.
 * So a hot key's history grows without bound, and every scan that steps over it pays for it. The
 * layer above picks a threshold {@code gcTs} and promises that no active or future transaction
 * reads below it. Per user key, this class then deletes every version that is invisible at every
 * timestamp {@code >= gcTs}. It reads and writes only the {@code VERSIONS} column family: it never
 * touches intents, transaction records or metadata.
 *
 * <p>One key, newest first, as it lies on disk ({@code gcTs = 60}):
 * <pre>
 *   commitTs  |  90    70  |  50    40    20    10
 *   kind      |  put   put |  put   put   tomb  put     newest at/below gcTs is a put:
 *   action    |  keep  keep|  KEEP  del   del   del     a reader at 60 sees it, keep it
 *
 *   commitTs  |  90        |  50    40    10
 *   kind      |  put       |  tomb  put   put           newest at/below gcTs is a tombstone:
 *   action    |  keep      |  del   del   del           absent either way, drop it too
 *             ^ above gcTs | at or below gcTs
 * </pre>
 *
 * <p>A key's garbage is always one contiguous run of its physical keys, from the first version
 * to delete to the key's end. A run shorter than {@link #RANGE_DELETE_MIN_VERSIONS} is deleted
 * with point deletes. A longer one is deleted with a single range delete:
 * <pre>
 *   [ escaped(key) 00 01 | ~ts of first version to delete ,  escaped(key) 00 01 | FF x 8 | 00 )
 *     (the kept put's successor, or the collected tombstone)    (just past the ts = 0 version)
 * </pre>
 * Both ends start with the key's prefix, so every key in between does too. Escaping makes the
 * prefix belong to this user key alone, so the range holds only this key's versions.
 *
 * <h2>Invariants</h2>
 * Each is checked by a test in {@code kv/src/test/java/io/basalt/kv/gc}.
 * <ol>
 *   <li>A version with {@code commitTs > gcTs} is never deleted.</li>
 *   <li>For every key and every {@code R >= gcTs}, {@code MvccReader.get(key, R)} returns the same
 *       value before and after collection. It also returns the same commit timestamp, unless the
 *       value is absent: a deleted tombstone reads as "no version", commit timestamp 0.</li>
 *   <li>A version is deleted only if the same snapshot held a newer version of its key at or below
 *       {@code gcTs}: the kept one, or a tombstone that is itself being deleted. A range delete
 *       covers exactly such versions of one key, and nothing of any other key.</li>
 *   <li>A tombstone goes in the same batch as the last of the versions under it, never earlier; a
 *       range delete takes it and them in one operation. So every state between two batches reads
 *       like the state before. So does the state a crash leaves after losing the later,
 *       non-durable batches.</li>
 *   <li>Collecting a range in calls of any size leaves exactly what one unbounded call would leave:
 *       per key, everything above {@code gcTs}, plus at most one version at or below it, and that
 *       one is a put. Every call makes progress: it fills its batch ({@code maxDeletions} delete
 *       operations), scans {@code maxKeys} keys, or finishes the range.</li>
 * </ol>
 *
 * <p>Invariant 2 allows one observable change, and nothing depends on it: the commit timestamp of
 * an absent key. First-updater-wins ({@code WriteIntentsCommand}) fails a writer when the newest
 * version's commit timestamp is above the writer's read timestamp. A deleted tombstone was at or
 * below {@code gcTs}, so it was at or below every active read timestamp and could never fail
 * anyone.
 *
 * <h2>Threading</h2>
 * Thread-safe and lock-free; its only mutable state is {@link GcStats}. Each call opens an
 * {@link EngineSnapshot} and walks the range with one iterator on it. So it reads a consistent
 * view and blocks no writer and no reader. It then writes one batch of deletes, not synced. It is
 * meant to run on a background thread, one call at a time per partition, paced by the caller with
 * {@code maxDeletions} and {@code maxKeys}. Those bound the batch and the keys, not the versions
 * read: a key with a long run of garbage is walked to its end once, to count it (about 3 million
 * versions/s in the probe). It never waits for anything but RocksDB. Stop it before closing the
 * engine: {@code EngineBatch} does not check for a closed engine.
 *
 * <p>Why readers and writers of the same keys stay correct:
 * <ul>
 *   <li><b>Readers.</b> A write batch is atomic, and an {@code MvccReader} read sees all of it or
 *       none of it. By invariant 4 every intermediate state reads at {@code R >= gcTs} like the
 *       original. A reader at {@code R >= gcTs} seeks to {@code ~R}, at or before the kept
 *       version, and stops there. So a point read does not even step over the deleted versions
 *       behind it (only a key whose tombstone was collected makes it skip them).</li>
 *   <li><b>Writers.</b> A writer only adds versions. Every new version is newer than every version
 *       its key had when the writer locked the key: commit timestamps come from the monotonic
 *       oracle after the intent exists, and first-updater-wins refuses a commit below an existing
 *       version. The layer above never lets {@code gcTs} pass an active read timestamp, so a new
 *       commit is normally above {@code gcTs}. Either way the new version can only shadow more.
 *       Each deleted version is either older than a version that is still there (the kept one),
 *       or lay under a tombstone that is gone along with everything older. So for any
 *       {@code R >= gcTs}, the newest version at or below {@code R} is the same before and after,
 *       new writes included. A concurrent write never makes a deleted version the visible one.
 *       For the same reason, a range delete applied after the snapshot finds nothing in its
 *       range that the snapshot did not see. Nothing is ever written below a kept version.</li>
 *   <li><b>Another collector</b> on the same keys (a retried job) is safe too. Each one deletes only
 *       what is garbage for its own threshold, every threshold is a lower bound for all readers,
 *       and whichever collector deletes a tombstone still deletes it last.</li>
 * </ul>
 * <b>What breaks this:</b> writing a version <i>below</i> an existing version of its key (an import
 * or repair at an old timestamp). Once the tombstone or newer put that hid such a version is
 * collected, it becomes visible at {@code gcTs}, and a concurrent range delete may swallow it.
 * Stop GC for the range while doing that.
 *
 * <h2>Per-key states</h2>
 * The walk over one key's versions (newest first):
 * <pre>
 *   ABOVE    skip versions with ts > gcTs (next(); after NEXTS_BEFORE_SEEK of them, seek to ~gcTs)
 *     | first version with ts <= gcTs: remember it and whether it is a tombstone
 *     v
 *   VISIBLE  no garbage (a put with nothing under it) ---------------------------> next key
 *     | garbage = older versions (+ the remembered one if it is a tombstone)
 *     v
 *   OLDER    walk and count the older versions (remember at most RANGE_DELETE_MIN_VERSIONS keys)
 *     | count >= RANGE_DELETE_MIN_VERSIONS: one range delete -------------------> next key
 *     | otherwise: one point delete per version, the tombstone last --------------> next key
 *   any step where the batch is full: stop, resume at this key (the next call re-walks it)
 * </pre>
 *
 * <h2>Worked interleavings</h2>
 * <ol>
 *   <li><i>A write during a pass.</i> {@code gcTs = 60}; k has puts at 50 and 40. The collector's
 *       snapshot sees both and queues 40. A transaction commits a tombstone at 70. Readers at 65
 *       see 50 and at 75 see absent, with or without the deletion of 40.</li>
 *   <li><i>A tombstone split over batches</i> (why invariant 4). k has a tombstone at 50 and puts at
 *       40 and 30, {@code maxDeletions = 2}. Deleting in key order would write {@code {50, 40}} first.
 *       That leaves the put at 30 as k's newest version: a deleted row comes back for every reader
 *       until the next batch, or for good if a crash loses that batch. Queuing the tombstone last
 *       writes {@code {40, 30}}, then {@code {50}}; in between, the tombstone still hides them.</li>
 *   <li><i>Late intent resolution.</i> A transaction commits at 55, but its intent on k is resolved
 *       only after {@code gcTs} has moved to 60 and a pass has deleted k's tombstone at 50 and the
 *       put at 40 below it. The resolver writes the version at 55. Readers at 60 and above see it,
 *       exactly as they would have without GC, because 55 is above every version k had when the
 *       transaction locked it.</li>
 * </ol>
 *
 * <h2>Alternatives considered</h2>
 * <ul>
 *   <li><i>Point deletes only</i> (this class's first draft, never committed). A hot key's point tombstones
 *       cost every scan that crosses the key, and every later pass, until a compaction drops
 *       them. The informal {@code GcThroughputProbe} (RocksDB 10.10, in-memory, one run each)
 *       measured 10 keys x 100,000 versions. After point deletes, a full scan of the 10 keys took
 *       181-189 ms (0.1-0.3 ms before GC), and a second pass that found nothing took 180-187 ms.
 *       After one range delete per key, the scan took 2.2 ms and the second pass 2.2-2.3 ms. The
 *       draft also resumed a hot key from its newest version in every call. Each call therefore
 *       re-walked the tombstones its predecessors had written, and the first pass ran at 121,000
 *       versions/s. A range delete clears the run in one call.</li>
 *   <li><i>Range deletes only.</i> Rejected for short runs. RocksDB consults every range tombstone
 *       that overlaps a read until compaction. Thousands of small range tombstones once made a
 *       CockroachDB store unusable (cockroachdb#24029, on an older RocksDB). Measured with
 *       100,000 keys x 5 versions, range deletes left full scans at 134 ms and a second pass at
 *       131-144 ms. Point deletes left 110-121 ms and 95-98 ms. With 10,000 keys x 20 versions,
 *       range deletes were better: a second pass took 37-44 ms against 60-66 ms, and scans took
 *       38-41 ms against 40-53 ms. So {@link #RANGE_DELETE_MIN_VERSIONS} is 16.</li>
 *   <li><i>A compaction filter</i> that drops old versions while RocksDB compacts (TiKV does this).
 *       It costs no extra writes. But a RocksJava filter written in Java crosses JNI for every key,
 *       which is why we have no custom comparator either (0001). It also sees one SST's keys at a
 *       time, so knowing which version was the one visible at {@code gcTs} takes care.</li>
 *   <li><i>Several batches per call</i>: rejected so that the caller controls the pacing. One call
 *       is one bounded batch plus a resume key, and a background job decides when to call again.</li>
 *   <li><i>A durable (synced) batch</i>: losing a batch loses nothing. A crash only leaves garbage
 *       to collect again, and invariant 4 makes losing any suffix of the batches harmless.</li>
 * </ul>
 *
 * <h2>See also</h2>
 * {@code docs/design/0001-keys-and-mvcc.md} (version layout; "Version GC below a safe point" is its
 * open question) and {@code docs/design/0002-transactions.md} (why commit timestamps are above
 * every active read timestamp).
 */
public final class VersionGarbageCollector {
    private static final Logger LOG = LoggerFactory.getLogger(VersionGarbageCollector.class);

    /**
     * Versions above {@code gcTs} to step over with next() before one seek to {@code ~gcTs}. This
     * is the same trade-off and value as {@code MvccReader}'s knob: most keys have one or two
     * versions, and next() is several times cheaper than a seek. Not measured for GC on its own.
     */
    private static final int NEXTS_BEFORE_SEEK = 8;

    /**
     * A key with at least this many garbage versions loses them with one range delete instead of
     * point deletes. The value lies between two measurements (see Alternatives). At 4 garbage
     * versions per key, point deletes left scans and the next pass about 20% faster. At 19, range
     * deletes were as fast or faster. 16 is a round number in between, not a measured optimum.
     * Rerun {@code GcThroughputProbe} after a RocksDB upgrade.
     */
    static final int RANGE_DELETE_MIN_VERSIONS = 16;

    private final RocksEngine engine;
    private final GcStats stats = new GcStats();

    public VersionGarbageCollector(RocksEngine engine) {
        this.engine = Objects.requireNonNull(engine, "engine");
    }

    /** Totals over every call on this collector. */
    public GcStats stats() {
        return stats;
    }

    /**
     * Collects the garbage below {@code gcTs} of the user keys in {@code [start, end)} with one
     * batch of at most {@code maxDeletions} delete operations. It scans as many keys as it takes to
     * fill that batch.
     *
     * @see #collect(byte[], byte[], long, int, int)
     */
    public GcResult collect(byte[] start, byte[] end, long gcTs, int maxDeletions) {
        return collect(start, end, GcHorizon.below(gcTs), maxDeletions, Integer.MAX_VALUE);
    }

    /** As {@link #collect(byte[], byte[], long, int, int)}, with nothing below {@code gcTs} read. */
    public GcResult collect(byte[] start, byte[] end, long gcTs, int maxDeletions, int maxKeys) {
        return collect(start, end, GcHorizon.below(gcTs), maxDeletions, maxKeys);
    }

    /**
     * Collects the garbage of the user keys in {@code [start, end)} that no reader the horizon
     * describes can see: one snapshot, one non-durable batch. Call again with
     * {@link GcResult#resumeKey()} as {@code start} until it is null. The horizon may move up
     * between calls, but must always cover every active reader.
     *
     * @param start first user key (inclusive)
     * @param end end of the range (exclusive), or null for no bound
     * @param horizon no reader reads below its {@code gcTs}, now or later, except at its snapshots
     * @param maxDeletions at most this many delete operations go in the batch. A point delete
     *     removes one version; a range delete removes one key's long run of garbage
     * @param maxKeys at most this many user keys are scanned (bounds the work on a range with little
     *     garbage)
     */
    public GcResult collect(byte[] start, byte[] end, GcHorizon horizon, int maxDeletions, int maxKeys) {
        Objects.requireNonNull(start, "start");
        long gcTs = horizon.gcTs();
        if (maxDeletions <= 0 || maxKeys <= 0) {
            throw new IllegalArgumentException("maxDeletions and maxKeys must be positive");
        }
        byte[] upper = end == null ? null : VersionKey.prefix(end);
        GcResult result;
        try (EngineSnapshot snapshot = engine.snapshot();
             EngineIterator versions = engine.newIterator(ColumnFamily.VERSIONS, snapshot);
             EngineBatch batch = engine.newBatch()) {
            DeleteBudget budget = new DeleteBudget(batch, maxDeletions);
            long scannedKeys = 0;
            byte[] resumeKey = null;
            versions.seek(VersionKey.prefix(start));
            while (versions.isValid()) {
                byte[] first = versions.key();
                if (upper != null && Arrays.compareUnsigned(first, upper) >= 0) {
                    break;
                }
                if (scannedKeys == maxKeys) {
                    resumeKey = VersionKey.userKey(first);
                    break;
                }
                scannedKeys++;
                byte[] prefix = Arrays.copyOf(first, VersionKey.prefixLength(first));
                if (!collectKey(versions, prefix, gcTs, horizon.snapshots(), budget)) {
                    resumeKey = VersionKey.userKey(first);
                    break;
                }
            }
            if (budget.operations > 0) {
                engine.write(batch, false);
            }
            result = new GcResult(budget.deletedVersions, budget.pointDeletes, budget.rangeDeletes, scannedKeys, resumeKey);
        }
        stats.record(result);
        LOG.debug("Version GC batch [gcTs={}, deletedVersions={}, rangeDeletes={}, scannedKeys={}, done={}]",
                gcTs, result.deletedVersions(), result.rangeDeletes(), result.scannedKeys(), result.isDone());
        return result;
    }

    /**
     * Queues the garbage of the key whose versions start with {@code prefix}. On entry, the
     * iterator is on the key's newest version. Returns true with the iterator past the key's last
     * version. Returns false (iterator somewhere inside the key) if the budget ran out first; the
     * caller then resumes at this key, and the next call walks it again from its newest version.
     *
     * @param snapshots protected timestamps below {@code gcTs}, descending
     */
    private static boolean collectKey(EngineIterator versions, byte[] prefix, long gcTs, long[] snapshots,
                                      DeleteBudget budget) {
        byte[] key = versions.key();
        int nexts = 0;
        while (VersionKey.timestamp(key) > gcTs) {
            if (++nexts > NEXTS_BEFORE_SEEK) {
                versions.seek(VersionKey.seekKey(prefix, gcTs));
            } else {
                versions.next();
            }
            if (!versions.isValid()) {
                return true;
            }
            key = versions.key();
            if (!VersionKey.hasPrefix(key, prefix)) {
                return true; // every version is above gcTs
            }
        }
        int boundary = 0; // the next protected snapshot below the version kept last
        // Kept tombstones with nothing but garbage below them so far: if the key ends that way,
        // they hide nothing anyone reads, and go after (or with) the garbage under them.
        List<byte[]> tombstones = new ArrayList<>();
        while (true) {
            // key is the newest version at or below the current boundary: what a reader there sees.
            byte[] kept = key;
            long keptTs = VersionKey.timestamp(kept);
            boolean keptTombstone = VersionValue.isTombstone(versions.value());
            if (keptTombstone) {
                tombstones.add(kept);
            } else {
                tombstones.clear();
            }
            while (boundary < snapshots.length && snapshots[boundary] >= keptTs) {
                boundary++; // the same version is what those snapshots see too
            }
            long next = boundary < snapshots.length ? snapshots[boundary] : -1; // -1: below the lowest, all garbage
            versions.next();
            boolean hasOlder = versions.isValid() && VersionKey.hasPrefix(key = versions.key(), prefix);
            if (!hasOlder && !keptTombstone) {
                return true; // the common case: nothing (more) to collect
            }
            if (budget.isFull()) {
                return false; // do not walk a long run only to stop
            }
            // The versions below the kept one and above the next boundary: nobody reads them.
            List<byte[]> garbage = new ArrayList<>();
            long garbageCount = 0;
            while (hasOlder && VersionKey.timestamp(key) > next) {
                if (garbage.size() < RANGE_DELETE_MIN_VERSIONS) {
                    garbage.add(key);
                }
                garbageCount++;
                versions.next();
                hasOlder = versions.isValid() && VersionKey.hasPrefix(key = versions.key(), prefix);
            }
            byte[] runEnd = hasOlder ? key : afterAllVersions(prefix);
            if (!hasOlder && keptTombstone) {
                // The key ends in tombstones and garbage. A range delete from the kept tombstone
                // takes it and everything under it in one operation; the other tombstones go last.
                tombstones.remove(tombstones.size() - 1);
                if (garbageCount + 1 >= RANGE_DELETE_MIN_VERSIONS) {
                    if (!budget.tryDeleteRange(kept, runEnd, garbageCount + 1)) {
                        return false;
                    }
                } else if (!budget.tryDeleteAll(garbage) || !budget.tryDelete(kept)) {
                    return false;
                }
                return budget.tryDeleteAll(tombstones); // invariant 4: after what they hid
            }
            if (garbageCount >= RANGE_DELETE_MIN_VERSIONS) {
                if (!budget.tryDeleteRange(garbage.get(0), runEnd, garbageCount)) {
                    return false;
                }
            } else if (!budget.tryDeleteAll(garbage)) {
                return false;
            }
            if (!hasOlder) {
                return true;
            }
        }
    }

    /**
     * The smallest physical key after every version of the key with {@code prefix}: the oldest
     * possible version ({@code ts = 0}, inverted to {@code FF x 8}) followed by one 0x00 byte.
     */
    private static byte[] afterAllVersions(byte[] prefix) {
        byte[] oldest = VersionKey.seekKey(prefix, 0);
        return Arrays.copyOf(oldest, oldest.length + 1);
    }

    /** The batch being filled and what is in it; counts locally to spare a JNI call per delete. */
    private static final class DeleteBudget {
        private final EngineBatch batch;
        private final int maxOperations;
        private int operations;
        private int pointDeletes;
        private int rangeDeletes;
        private long deletedVersions;

        DeleteBudget(EngineBatch batch, int maxOperations) {
            this.batch = batch;
            this.maxOperations = maxOperations;
        }

        boolean isFull() {
            return operations == maxOperations;
        }

        /** Queues the delete of one version, or returns false if the batch is full. */
        boolean tryDelete(byte[] versionKey) {
            if (isFull()) {
                return false;
            }
            batch.delete(ColumnFamily.VERSIONS, versionKey);
            operations++;
            pointDeletes++;
            deletedVersions++;
            return true;
        }

        /** Queues point deletes of {@code versionKeys} in order; false if the batch filled first. */
        boolean tryDeleteAll(List<byte[]> versionKeys) {
            for (byte[] versionKey : versionKeys) {
                if (!tryDelete(versionKey)) {
                    return false;
                }
            }
            return true;
        }

        /** Queues the delete of {@code versions} versions in {@code [from, to)}, or returns false if the batch is full. */
        boolean tryDeleteRange(byte[] from, byte[] to, long versions) {
            if (isFull()) {
                return false;
            }
            batch.deleteRange(ColumnFamily.VERSIONS, from, to);
            operations++;
            rangeDeletes++;
            deletedVersions += versions;
            return true;
        }
    }
}

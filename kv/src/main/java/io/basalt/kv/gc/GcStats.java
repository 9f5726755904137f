package io.basalt.kv.gc;

import java.util.concurrent.atomic.LongAdder;

/**
 * Running totals of one {@link VersionGarbageCollector}, for metrics (STYLE 7: a GC pass is a
 * high-frequency event, so it is counted, not logged at INFO). Thread-safe; each counter is exact
 * on its own, but reading two of them is not one atomic snapshot.
 */
public final class GcStats {
    private final LongAdder deletedVersions = new LongAdder();
    private final LongAdder rangeDeletes = new LongAdder();
    private final LongAdder scannedKeys = new LongAdder();
    private final LongAdder batchesWritten = new LongAdder();
    private final LongAdder rangesCompleted = new LongAdder();

    void record(GcResult result) {
        deletedVersions.add(result.deletedVersions());
        rangeDeletes.add(result.rangeDeletes());
        scannedKeys.add(result.scannedKeys());
        if (result.deleteOperations() > 0) {
            batchesWritten.increment();
        }
        if (result.isDone()) {
            rangesCompleted.increment();
        }
    }

    /** Versions deleted, over every call. */
    public long deletedVersions() {
        return deletedVersions.sum();
    }

    /** Range deletes written, over every call: how often a key had a long run of garbage. */
    public long rangeDeletes() {
        return rangeDeletes.sum();
    }

    /** User keys scanned, over every call (a key split between two calls counts twice). */
    public long scannedKeys() {
        return scannedKeys.sum();
    }

    /** Non-empty delete batches written; a call that finds no garbage writes none. */
    public long batchesWritten() {
        return batchesWritten.sum();
    }

    /** Calls that reached the end of their range. */
    public long rangesCompleted() {
        return rangesCompleted.sum();
    }

    @Override
    public String toString() {
        return "GcStats[deletedVersions=" + deletedVersions() + ", rangeDeletes=" + rangeDeletes() + ", scannedKeys=" + scannedKeys()
                + ", batchesWritten=" + batchesWritten() + ", rangesCompleted=" + rangesCompleted() + "]";
    }
}

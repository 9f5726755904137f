package io.basalt.kv.gc;

/**
 * What one {@link VersionGarbageCollector#collect} call did.
 *
 * @param deletedVersions versions deleted by this call's batch, by point and range deletes together
 * @param pointDeletes point deletes in the batch (one version each)
 * @param rangeDeletes range deletes in the batch (one key's long run of garbage each)
 * @param scannedKeys user keys whose versions this call looked at. A key the call stopped inside
 *     counts here, and again in the call that resumes it
 * @param resumeKey the user key the next call should start at (inclusive), or null when the range
 *     is done. Compare it with {@code Arrays.equals}: like {@link io.basalt.kv.mvcc.ScanBatch},
 *     this record's {@code equals} compares the array reference
 */
public record GcResult(long deletedVersions, int pointDeletes, int rangeDeletes, long scannedKeys, byte[] resumeKey) {

    /** Whether the call reached the end of its range (nothing left to resume). */
    public boolean isDone() {
        return resumeKey == null;
    }

    /** Delete operations in the batch; never more than the call's {@code maxDeletions}. */
    public int deleteOperations() {
        return pointDeletes + rangeDeletes;
    }
}

package io.basalt.kv.mvcc;

import java.util.List;

/**
 * One page of a range scan.
 *
 * @param entries keys in ascending order that have a visible committed value, an intent, or both
 * @param resumeKey where the next page starts, or null when the range is exhausted
 */
public record ScanBatch(List<MvccEntry> entries, byte[] resumeKey) {
}

package io.basalt.kv.mvcc;

/**
 * What the store holds for one user key as seen at a read timestamp: the newest committed version
 * at or below it, and the intent on the key if there is one. The MVCC layer does not decide whether
 * an intent is visible (that depends on its transaction's fate, which lives in the transaction
 * protocol); it hands both alternatives up so the caller can choose without reading again.
 *
 * @param key the user key
 * @param committedValue the newest committed value at or below the read timestamp, or null when
 *     there is none or it is a tombstone
 * @param committedTs the commit timestamp of that version, or 0 when there is no version at all
 * @param intent the intent on the key, or null
 * @param newerWriters the transactions that committed versions of the key above the read
 *     timestamp (only when the read asked for them; a serializable reader has an
 *     rw-antidependency on each)
 */
public record MvccEntry(byte[] key, byte[] committedValue, long committedTs, Intent intent, long[] newerWriters) {
    private static final long[] NONE = new long[0];

    public MvccEntry(byte[] key, byte[] committedValue, long committedTs, Intent intent) {
        this(key, committedValue, committedTs, intent, NONE);
    }
}

package io.basalt.txn.participant;

import java.util.Arrays;
import java.util.Collection;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Short-lived latches that make each command's check-then-write atomic per key (TiKV's latches,
 * CockroachDB's latch manager). A latch is held for the duration of one command, never across a
 * wait for another transaction: that kind of waiting is a <em>lock</em> (an intent) and happens in
 * the {@link TxnWaitQueue}, with no latch held.
 *
 * <p>Keys map onto a fixed array of stripes by hash. Invariant: a command acquires its stripes in
 * ascending stripe order, so two commands can never wait for each other's latches in a cycle;
 * with that order, a command that shares any stripe with another is fully ordered before or after
 * it on every shared key (TiKV's latch invariant).
 *
 * <p>Threading: any thread. Reads take no latches (see {@code MvccReader} for why that is safe).
 * Alternatives considered: one mutex per partition is simpler but serialises the synced commit
 * writes of a partition, which defeats RocksDB's group commit.
 */
public final class KeyLatches {
    private static final int STRIPES = 1024;

    private final ReentrantLock[] stripes = new ReentrantLock[STRIPES];

    public KeyLatches() {
        for (int i = 0; i < STRIPES; i++) {
            stripes[i] = new ReentrantLock();
        }
    }

    /** The sorted, distinct stripes covering {@code keys}. */
    public int[] stripesFor(Collection<byte[]> keys) {
        return keys.stream().mapToInt(KeyLatches::stripeOf).sorted().distinct().toArray();
    }

    public int[] stripesFor(byte[] key) {
        return new int[] {stripeOf(key)};
    }

    /** Acquires the given stripes (sorted ascending, as {@link #stripesFor} returns them). */
    public void acquire(int[] sortedStripes) {
        for (int stripe : sortedStripes) {
            stripes[stripe].lock();
        }
    }

    public void release(int[] sortedStripes) {
        for (int i = sortedStripes.length - 1; i >= 0; i--) {
            stripes[sortedStripes[i]].unlock();
        }
    }

    private static int stripeOf(byte[] key) {
        int h = Arrays.hashCode(key);
        return (h ^ (h >>> 16)) & (STRIPES - 1);
    }
}

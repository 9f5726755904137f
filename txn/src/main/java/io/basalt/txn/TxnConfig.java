package io.basalt.txn;

/**
 * Tunables of the transaction layer.
 *
 * @param lockTimeoutMillis default time a transaction waits for a lock before giving up with
 *     55P03; 0 waits as long as it takes (PostgreSQL's default; deadlocks are detected anyway).
 *     Sessions override it with {@code SET lock_timeout}
 * @param scanPageSize keys per scan command: large enough to amortise a round trip, small enough
 *     that a LIMIT query does not read far past what it needs
 * @param heartbeatMillis how often coordinators of writing transactions prove they are alive
 * @param txnExpiryMillis how long a coordinator may stay silent before others may abort its
 *     transaction (several heartbeats, so one slow heartbeat never kills a live transaction)
 * @param deadlockCheckMillis how often the wait-for graph is searched while anyone waits
 *     (ARCHITECTURE.md: cycles found within one second)
 * @param waitSliceMillis while waiting, how often to check whether the holder's coordinator died
 * @param gcIntervalMillis how often old MVCC versions are collected; 0 turns collection off
 * @param gcRetentionMillis versions stay readable this long after they were replaced, beyond what
 *     the oldest active transaction needs (a margin for transactions being begun right now on
 *     other gateways, and for debugging); CockroachDB's {@code gc.ttlseconds}
 * @param onePhaseBatch whether a transaction whose writes are all still buffered at commit and
 *     land on one partition commits them in one synced batch of versions ({@code
 *     OnePhaseCommitCommand}) instead of intents plus a commit; off only to measure the difference
 */
public record TxnConfig(long lockTimeoutMillis, int scanPageSize, long heartbeatMillis, long txnExpiryMillis,
                        long deadlockCheckMillis, long waitSliceMillis, long gcIntervalMillis, long gcRetentionMillis,
                        boolean onePhaseBatch) {
    public static final TxnConfig DEFAULT = new TxnConfig(0, 256, 1_000, 5_000, 200, 1_000, 10_000, 30_000, true);

    public TxnConfig {
        if (lockTimeoutMillis < 0 || scanPageSize <= 0 || heartbeatMillis <= 0 || txnExpiryMillis <= heartbeatMillis
                || deadlockCheckMillis <= 0 || waitSliceMillis <= 0 || gcIntervalMillis < 0 || gcRetentionMillis < 0) {
            throw new IllegalArgumentException("invalid transaction configuration: " + this);
        }
    }

    public TxnConfig withExpiry(long heartbeat, long expiry) {
        return new TxnConfig(lockTimeoutMillis, scanPageSize, heartbeat, expiry, deadlockCheckMillis, waitSliceMillis,
                gcIntervalMillis, gcRetentionMillis, onePhaseBatch);
    }

    public TxnConfig withLockTimeout(long millis) {
        return new TxnConfig(millis, scanPageSize, heartbeatMillis, txnExpiryMillis, deadlockCheckMillis, waitSliceMillis,
                gcIntervalMillis, gcRetentionMillis, onePhaseBatch);
    }

    public TxnConfig withGc(long intervalMillis, long retentionMillis) {
        return new TxnConfig(lockTimeoutMillis, scanPageSize, heartbeatMillis, txnExpiryMillis, deadlockCheckMillis,
                waitSliceMillis, intervalMillis, retentionMillis, onePhaseBatch);
    }

    public TxnConfig withOnePhaseBatch(boolean enabled) {
        return new TxnConfig(lockTimeoutMillis, scanPageSize, heartbeatMillis, txnExpiryMillis, deadlockCheckMillis,
                waitSliceMillis, gcIntervalMillis, gcRetentionMillis, enabled);
    }
}

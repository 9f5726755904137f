package io.basalt.txn.timestamp;

/**
 * Hands out timestamps that order transactions. Every call returns a value larger than any value
 * returned before by this oracle, including before a restart (Percolator / TiDB PD). Wall clocks
 * never order transactions; an oracle may use one only as a source of growth.
 */
public interface TimestampOracle {

    /** A timestamp strictly greater than every one handed out before. Never negative. */
    long next();
}

package io.basalt.server.isolation.history;

/**
 * What {@link ListAppendChecker} can find in a list-append history. The cycle kinds follow Adya
 * (as Elle classifies them); the others are checked directly on the values read.
 */
public enum HistoryAnomaly {
    /** A cycle of write-write dependencies only (dirty write). */
    G0,
    /** A committed transaction read a value appended by a transaction that aborted. */
    G1A,
    /** A committed transaction read a list ending in a value its writer later followed with another append to the same key. */
    G1B,
    /** A cycle of write-write and write-read dependencies, with at least one write-read. */
    G1C,
    /** A cycle with exactly one read-write anti-dependency (read skew, for example). */
    G_SINGLE,
    /** A cycle through an anti-dependency that every cycle closes with at least one more (write skew, for example). */
    G2,
    /** A transaction's read of a key does not end with its own earlier appends to that key. */
    INTERNAL,
    /** Reads of one key that are not all prefixes of one order of appends, or a list with a value twice. */
    INCOMPATIBLE_ORDER,
    /** A committed append missing from the final list of its key. */
    LOST_APPEND,
    /** A read returned a value that no transaction appended. */
    GARBAGE_READ
}

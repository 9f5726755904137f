package io.basalt.txn;

/**
 * The isolation levels of ARCHITECTURE.md section 3. This release implements {@link #SNAPSHOT};
 * the others are named here so that sessions can store what a client asked for.
 */
public enum IsolationLevel {
    READ_COMMITTED,
    SNAPSHOT,
    SERIALIZABLE_SSI,
    SERIALIZABLE_2PL
}

package io.basalt.txn;

/** The row lock of {@code SELECT ... FOR SHARE} or {@code FOR UPDATE}. */
public enum LockStrength {
    SHARE,
    UPDATE
}

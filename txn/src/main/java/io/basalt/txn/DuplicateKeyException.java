package io.basalt.txn;

import io.basalt.common.error.BasaltException;
import io.basalt.common.error.SqlState;

/**
 * An insert found a live row under its key (23505). The SQL layer catches it to name the
 * constraint; the key is kept for that and is never put in the message (STYLE.md section 7).
 */
public final class DuplicateKeyException extends BasaltException {
    private static final long serialVersionUID = 1L;
    private final transient byte[] key;

    public DuplicateKeyException(byte[] key) {
        super(SqlState.UNIQUE_VIOLATION, "duplicate key value");
        this.key = key.clone();
    }

    public byte[] key() {
        return key.clone();
    }
}

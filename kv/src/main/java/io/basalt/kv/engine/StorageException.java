package io.basalt.kv.engine;

import io.basalt.common.error.BasaltException;
import io.basalt.common.error.SqlState;

/** RocksDB failed underneath us (I/O error, corruption, closed store). Class 58: not the client's fault. */
public final class StorageException extends BasaltException {
    private static final long serialVersionUID = 1L;

    public StorageException(String message, Throwable cause) {
        super(SqlState.IO_ERROR, message, cause);
    }
}

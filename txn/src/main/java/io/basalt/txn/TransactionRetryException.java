package io.basalt.txn;

import io.basalt.common.error.BasaltException;
import io.basalt.common.error.SqlState;

/**
 * The transaction cannot go on, but running it again from the start may succeed: a serialization
 * failure (40001) or a deadlock victim (40P01). Its messages start with "restart transaction:".
 */
public class TransactionRetryException extends BasaltException {
    private static final long serialVersionUID = 1L;

    public TransactionRetryException(SqlState state, String reason) {
        super(state, "restart transaction: " + reason);
    }
}

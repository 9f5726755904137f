package io.basalt.txn;

/**
 * Tunables of the transaction layer.
 *
 * @param lockTimeoutMillis how long a writer waits for another transaction's intent before giving
 *     up with 55P03; PostgreSQL waits forever by default, we bound it so that an abandoned
 *     transaction can never hang a client for good (60 s: longer than any sane OLTP transaction)
 * @param scanPageSize keys per scan command: large enough to amortise a round trip, small enough
 *     that a LIMIT query does not read far past what it needs
 */
public record TxnConfig(long lockTimeoutMillis, int scanPageSize) {
    public static final TxnConfig DEFAULT = new TxnConfig(60_000, 256);
}

package io.basalt.txn.maintenance;

import io.basalt.txn.coord.TxnRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the records of this gateway's writing transactions alive: every heartbeat interval it
 * stamps each active transaction's record, so that nobody aborts it as abandoned. A coordinator
 * that dies stops heartbeating with it, and its transactions expire.
 *
 * <p>Runs on the transaction manager's maintenance thread; a failed heartbeat is logged and
 * retried next round (one missed beat is well inside the expiry).
 */
public final class Heartbeater {
    private static final Logger LOG = LoggerFactory.getLogger(Heartbeater.class);

    private final TxnRegistry registry;

    public Heartbeater(TxnRegistry registry) {
        this.registry = registry;
    }

    public void beat() {
        registry.activeTransactions().forEach(txn -> {
            try {
                txn.heartbeat();
            } catch (RuntimeException e) {
                LOG.warn("Heartbeat failed; retrying next round [txnId={}]", txn.id(), e);
            }
        });
    }
}

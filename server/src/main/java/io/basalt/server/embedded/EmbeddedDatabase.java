package io.basalt.server.embedded;

import io.basalt.cluster.node.LocalNode;
import io.basalt.cluster.node.NodeOptions;
import io.basalt.kv.engine.EngineOptions;
import io.basalt.sql.SqlEngine;
import io.basalt.txn.TxnConfig;

/** One open embedded database: its node (all partitions in this process) and its SQL engine. */
final class EmbeddedDatabase implements AutoCloseable {
    private final EmbeddedUrl url;
    private final LocalNode node;
    private final SqlEngine engine;

    EmbeddedDatabase(EmbeddedUrl url, int partitions) {
        this.url = url;
        EngineOptions storage = url.inMemory() ? EngineOptions.inMemory() : EngineOptions.persistent(url.path());
        this.node = LocalNode.start(new NodeOptions(storage, partitions, TxnConfig.DEFAULT));
        try {
            this.engine = new SqlEngine(node.transactions());
        } catch (RuntimeException e) {
            node.close();
            throw e;
        }
    }

    EmbeddedUrl url() {
        return url;
    }

    SqlEngine engine() {
        return engine;
    }

    @Override
    public void close() {
        node.close();
    }
}

package io.basalt.cluster.node;

import io.basalt.common.error.BasaltException;
import io.basalt.common.error.SqlState;
import io.basalt.cluster.routing.PrefixPartitionRouter;
import io.basalt.kv.engine.ColumnFamily;
import io.basalt.kv.engine.EngineBatch;
import io.basalt.kv.engine.RocksEngine;
import io.basalt.txn.TransactionManager;
import io.basalt.txn.local.InProcessPartitionClient;
import io.basalt.txn.participant.Participant;
import io.basalt.txn.recovery.StartupRecovery;
import io.basalt.txn.timestamp.LocalTimestampOracle;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A single node that hosts every partition of its database with replication factor 1: the
 * embedded engine's cluster. It opens the store, finishes transactions a crash left behind,
 * creates one participant per partition and a transaction manager that reaches them in process.
 * The replicated cluster replaces the participants with Raft-backed ones and the in-process
 * client with an RPC client; the transaction and SQL layers above stay as they are.
 */
public final class LocalNode implements AutoCloseable {
    private static final byte[] PARTITION_COUNT_KEY = "node.partition-count".getBytes(StandardCharsets.UTF_8);

    private final RocksEngine engine;
    private final List<Participant> participants = new ArrayList<>();
    private final TransactionManager transactions;

    private LocalNode(NodeOptions options) {
        this.engine = RocksEngine.open(options.engine());
        try {
            checkPartitionCount(options.partitionCount());
            StartupRecovery.run(engine);
            for (int p = 0; p < options.partitionCount(); p++) {
                participants.add(new Participant(p, engine));
            }
            this.transactions = new TransactionManager(new PrefixPartitionRouter(options.partitionCount()),
                    new InProcessPartitionClient(participants), new LocalTimestampOracle(engine), options.txn());
        } catch (RuntimeException e) {
            engine.close();
            throw e;
        }
    }

    public static LocalNode start(NodeOptions options) {
        return new LocalNode(options);
    }

    private void checkPartitionCount(int requested) {
        byte[] stored = engine.get(ColumnFamily.META, PARTITION_COUNT_KEY);
        if (stored == null) {
            try (EngineBatch batch = engine.newBatch()) {
                batch.put(ColumnFamily.META, PARTITION_COUNT_KEY, ByteBuffer.allocate(4).putInt(requested).array());
                engine.write(batch, true);
            }
        } else if (ByteBuffer.wrap(stored).getInt() != requested) {
            throw new BasaltException(SqlState.INVALID_PARAMETER_VALUE, "the database was created with "
                    + ByteBuffer.wrap(stored).getInt() + " partitions, not " + requested);
        }
    }

    public TransactionManager transactions() {
        return transactions;
    }

    public int partitionCount() {
        return participants.size();
    }

    @Override
    public void close() {
        engine.close();
    }
}

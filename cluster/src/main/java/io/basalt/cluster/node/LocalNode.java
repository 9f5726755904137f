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
            int partitionCount = partitionCount(options.partitionCount());
            StartupRecovery.run(engine);
            // One oracle for coordinators and participants: one-batch commits take their commit
            // timestamps at the participant (OnePhaseCommitCommand).
            LocalTimestampOracle tso = new LocalTimestampOracle(engine);
            for (int p = 0; p < partitionCount; p++) {
                participants.add(new Participant(p, engine, System::currentTimeMillis, options.txn().txnExpiryMillis(), tso));
            }
            this.transactions = new TransactionManager(new PrefixPartitionRouter(partitionCount),
                    new InProcessPartitionClient(participants), tso, options.txn());
        } catch (RuntimeException e) {
            engine.close();
            throw e;
        }
    }

    public static LocalNode start(NodeOptions options) {
        return new LocalNode(options);
    }

    /** The store's partition count: remembered from its creation, or {@code requested} for a new store. */
    private int partitionCount(int requested) {
        byte[] stored = engine.get(ColumnFamily.META, PARTITION_COUNT_KEY);
        if (stored != null) {
            int created = ByteBuffer.wrap(stored).getInt();
            if (requested != NodeOptions.AS_CREATED && requested != created) {
                throw new BasaltException(SqlState.INVALID_PARAMETER_VALUE, "the database was created with "
                        + created + " partitions, not " + requested);
            }
            return created;
        }
        int count = requested == NodeOptions.AS_CREATED ? NodeOptions.DEFAULT_PARTITIONS : requested;
        try (EngineBatch batch = engine.newBatch()) {
            batch.put(ColumnFamily.META, PARTITION_COUNT_KEY, ByteBuffer.allocate(4).putInt(count).array());
            engine.write(batch, true);
        }
        return count;
    }

    public TransactionManager transactions() {
        return transactions;
    }

    public int partitionCount() {
        return participants.size();
    }

    @Override
    public void close() {
        transactions.close();
        engine.close();
    }
}

package io.basalt.txn;

import io.basalt.kv.engine.EngineOptions;
import io.basalt.kv.engine.RocksEngine;
import io.basalt.txn.local.InProcessPartitionClient;
import io.basalt.txn.participant.Participant;
import io.basalt.txn.recovery.StartupRecovery;
import io.basalt.txn.routing.PartitionRouter;
import io.basalt.txn.timestamp.LocalTimestampOracle;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A store with a few in-process partitions and a transaction manager over them, for tests. Keys
 * are routed by their first byte, so a test chooses a key's partition by writing it: {@code key(1, "a")}.
 */
public final class TxnTestbed implements AutoCloseable {
    public final RocksEngine engine;
    public final List<Participant> participants = new ArrayList<>();
    public final TransactionManager manager;

    private TxnTestbed(RocksEngine engine, int partitions, TxnConfig config) {
        this.engine = engine;
        LocalTimestampOracle tso = new LocalTimestampOracle(engine);
        for (int p = 0; p < partitions; p++) {
            participants.add(new Participant(p, engine, System::currentTimeMillis, config.txnExpiryMillis(), tso));
        }
        PartitionRouter router = new PartitionRouter() {
            @Override
            public int partitionOf(byte[] key) {
                return key[0] % partitions;
            }

            @Override
            public int partitionCount() {
                return partitions;
            }

            /** Keys whose first byte is the partition number (what {@link #key} writes) form its range. */
            @Override
            public byte[] startKey(int partition) {
                return new byte[] {(byte) partition};
            }

            @Override
            public byte[] endKey(int partition) {
                return new byte[] {(byte) (partition + 1)};
            }
        };
        manager = new TransactionManager(router, new InProcessPartitionClient(participants), tso, config);
    }

    public static TxnTestbed inMemory(int partitions) {
        return new TxnTestbed(RocksEngine.open(EngineOptions.inMemory()), partitions, TxnConfig.DEFAULT);
    }

    public static TxnTestbed inMemory(int partitions, TxnConfig config) {
        return new TxnTestbed(RocksEngine.open(EngineOptions.inMemory()), partitions, config);
    }

    /** Opens (or reopens) a persistent store, running start-up recovery first as a node does. */
    public static TxnTestbed persistent(Path dir, int partitions) {
        return persistent(dir, partitions, TxnConfig.DEFAULT);
    }

    public static TxnTestbed persistent(Path dir, int partitions, TxnConfig config) {
        RocksEngine engine = RocksEngine.open(EngineOptions.persistent(dir));
        StartupRecovery.run(engine);
        return new TxnTestbed(engine, partitions, config);
    }

    /** Reads {@code key} in a fresh read-only transaction at {@code level}. */
    public String read(IsolationLevel level, byte[] key) {
        Transaction txn = begin(level);
        String value = text(txn.get(key));
        txn.commit();
        return value;
    }

    public Transaction begin() {
        return manager.begin(IsolationLevel.SNAPSHOT);
    }

    public Transaction begin(IsolationLevel level) {
        return manager.begin(level);
    }

    public static byte[] key(int partition, String name) {
        byte[] text = name.getBytes(StandardCharsets.UTF_8);
        byte[] out = new byte[text.length + 1];
        out[0] = (byte) partition;
        System.arraycopy(text, 0, out, 1, text.length);
        return out;
    }

    public static byte[] value(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    public static String text(byte[] value) {
        return value == null ? null : new String(value, StandardCharsets.UTF_8);
    }

    /** Reads {@code key} in a fresh read-only transaction. */
    public String read(byte[] key) {
        Transaction txn = begin();
        String value = text(txn.get(key));
        txn.commit();
        return value;
    }

    /** Writes {@code key} in its own transaction. */
    public void write(byte[] key, String value) {
        Transaction txn = begin();
        txn.put(key, value(value));
        txn.commit();
    }

    @Override
    public void close() {
        manager.close();
        engine.close();
    }
}

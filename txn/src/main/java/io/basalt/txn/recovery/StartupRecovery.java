package io.basalt.txn.recovery;

import io.basalt.kv.engine.ColumnFamily;
import io.basalt.kv.engine.EngineBatch;
import io.basalt.kv.engine.EngineIterator;
import io.basalt.kv.engine.RocksEngine;
import io.basalt.kv.mvcc.Intent;
import io.basalt.kv.mvcc.MvccWriter;
import io.basalt.txn.participant.TxnRecord;
import io.basalt.txn.participant.TxnStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finishes the transactions a crashed process left behind, before the store serves again.
 *
 * <p>When every partition lives in this process, a restart means every coordinator died: a PENDING
 * record can never commit, so it is aborted; a COMMITTED record's intents become versions. This
 * is the embedded case of the general rule (ARCHITECTURE.md section 3), where a reader aborts a
 * pending transaction whose heartbeat expired; with remote coordinators that rule is the only
 * safe one, and this class must not run.
 *
 * <p>Runs single-threaded before any participant serves; takes no latches.
 */
public final class StartupRecovery {
    private static final Logger LOG = LoggerFactory.getLogger(StartupRecovery.class);

    private StartupRecovery() {
    }

    public record Result(int abortedTxns, int committedIntents, int removedIntents) {
    }

    public static Result run(RocksEngine engine) {
        int aborted = 0;
        try (EngineBatch batch = engine.newBatch(); EngineIterator it = engine.newIterator(ColumnFamily.TXNS, null)) {
            for (it.seek(new byte[0]); it.isValid(); it.next()) {
                TxnRecord record = TxnRecord.decode(it.value());
                if (record.status() == TxnStatus.PENDING) {
                    batch.put(ColumnFamily.TXNS, it.key(), record.withStatus(TxnStatus.ABORTED, 0).encode());
                    aborted++;
                }
            }
            engine.write(batch, true);
        }
        int committed = 0;
        int removed = 0;
        try (EngineBatch batch = engine.newBatch(); EngineIterator it = engine.newIterator(ColumnFamily.INTENTS, null)) {
            for (it.seek(new byte[0]); it.isValid(); it.next()) {
                Intent intent = Intent.decode(it.value());
                byte[] raw = engine.get(ColumnFamily.TXNS, TxnRecord.key(intent.recordKey(), intent.txnId()));
                TxnRecord record = raw == null ? null : TxnRecord.decode(raw);
                if (record != null && record.status() == TxnStatus.COMMITTED) {
                    MvccWriter.commitIntent(batch, it.key(), intent, record.commitTs());
                    committed++;
                } else {
                    MvccWriter.removeIntent(batch, it.key());
                    removed++;
                }
            }
            engine.write(batch, true);
        }
        try (EngineBatch batch = engine.newBatch(); EngineIterator it = engine.newIterator(ColumnFamily.TXNS, null)) {
            for (it.seek(new byte[0]); it.isValid(); it.next()) {
                batch.delete(ColumnFamily.TXNS, it.key());
            }
            engine.write(batch, true);
        }
        if (aborted + committed + removed > 0) {
            LOG.info("Recovered unfinished transactions [abortedTxns={}, committedIntents={}, removedIntents={}]",
                    aborted, committed, removed);
        }
        return new Result(aborted, committed, removed);
    }
}

package io.basalt.txn.participant;

import io.basalt.kv.engine.EngineBatch;
import io.basalt.kv.mvcc.Intent;
import io.basalt.kv.mvcc.MvccEntry;
import io.basalt.kv.mvcc.MvccWriter;
import io.basalt.txn.DuplicateKeyException;
import io.basalt.txn.TransactionRetryException;
import io.basalt.txn.TxnErrors;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * Writes a batch of a transaction's mutations to this partition as intents, all or nothing
 * (phase one of the commit protocol: each participant accepts its writes durably, or refuses).
 *
 * <p>Per key, under the key's latch:
 * <ol>
 *   <li>another transaction's intent: nothing is written and the reply names it (the
 *       coordinator pushes, waits or gives up, then retries);</li>
 *   <li>no own intent and a committed version newer than the transaction's read timestamp:
 *       first-updater-wins, {@link TransactionRetryException} (40001);</li>
 *   <li>an INSERT over a live row (committed, or the transaction's own intent): {@link DuplicateKeyException};</li>
 *   <li>otherwise the intent replaces any own earlier intent.</li>
 * </ol>
 * With {@code createRecord} the transaction's PENDING record is written in the same batch; the
 * coordinator sends that batch first, so a record exists before any of its intents can be seen.
 * A record that is already ABORTED (a concurrent transaction aborted this one) fails the write.
 */
public record WriteIntentsCommand(TxnMeta txn, List<Mutation> mutations, boolean createRecord)
        implements PartitionCommand<WriteIntentsReply> {

    @Override
    public CompletableFuture<WriteIntentsReply> execute(Participant participant) {
        List<byte[]> keys = new ArrayList<>(mutations.size());
        mutations.forEach(m -> keys.add(m.key()));
        return CompletableFuture.completedFuture(participant.latched(keys, txn.recordKey(), () -> writeLatched(participant)));
    }

    private WriteIntentsReply writeLatched(Participant participant) {
        try (EngineBatch batch = participant.engine().newBatch()) {
            TxnRecord existingRecord = participant.readRecord(txn.recordKey(), txn.txnId());
            if (existingRecord != null && existingRecord.status() != TxnStatus.PENDING) {
                throw TxnErrors.abortedByOther(txn.txnId());
            }
            Map<ByteBuffer, Intent> written = new HashMap<>();
            for (Mutation mutation : mutations) {
                byte[] key = mutation.key();
                Intent own = written.get(ByteBuffer.wrap(key));
                if (own == null) {
                    Intent stored = participant.reader().intent(key);
                    if (stored != null && stored.txnId() != txn.txnId()) {
                        return new WriteIntentsReply(stored, key);
                    }
                    own = stored;
                }
                boolean liveRow;
                if (own != null) {
                    liveRow = !own.isDelete();
                } else {
                    MvccEntry newest = participant.reader().newestVersion(key);
                    if (newest.committedTs() > txn.readTs()) {
                        throw TxnErrors.writeTooOld(txn.txnId(), newest.committedTs());
                    }
                    liveRow = newest.committedValue() != null;
                }
                if (mutation.kind() == Mutation.Kind.INSERT && liveRow) {
                    throw new DuplicateKeyException(key);
                }
                Intent intent = new Intent(txn.txnId(), txn.recordKey(), mutation.value());
                written.put(ByteBuffer.wrap(key), intent);
                MvccWriter.putIntent(batch, key, intent);
            }
            if (createRecord && existingRecord == null) {
                participant.putRecord(batch, txn.recordKey(), TxnRecord.pending(txn.txnId()));
            }
            participant.engine().write(batch, false);
            return WriteIntentsReply.WRITTEN;
        }
    }
}

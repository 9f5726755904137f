package io.basalt.txn.participant;

import io.basalt.kv.engine.EngineBatch;
import io.basalt.kv.mvcc.Intent;
import io.basalt.kv.mvcc.MvccWriter;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Undoes what statements {@code fromSeq} and later of a transaction wrote on these keys: each own
 * intent goes back to its state before {@code fromSeq} (from its history), or disappears if the
 * transaction had not written the key before; waiters for freed keys are woken, and keys granted
 * to the transaction but not yet written pass to the next waiter. Used to run a READ COMMITTED
 * statement again at a newer snapshot.
 */
public record RollbackStatementCommand(long txnId, int fromSeq, List<byte[]> keys) implements PartitionCommand<Integer> {

    @Override
    public CompletableFuture<Integer> execute(Participant participant) {
        int[] freed = new int[1];
        participant.latched(keys, null, () -> {
            try (EngineBatch batch = participant.engine().newBatch()) {
                for (byte[] key : keys) {
                    Intent intent = participant.reader().intent(key);
                    if (intent == null || intent.txnId() != txnId) {
                        continue;
                    }
                    Intent before = intent.rolledBackTo(fromSeq);
                    if (before == null) {
                        MvccWriter.removeIntent(batch, key);
                        freed[0]++;
                    } else if (before != intent) {
                        MvccWriter.putIntent(batch, key, before);
                    }
                }
                participant.engine().write(batch, false);
            }
            return null;
        });
        keys.forEach(participant.lockTable()::released);
        participant.lockTable().dropReservations(txnId);
        return CompletableFuture.completedFuture(freed[0]);
    }
}

package io.basalt.txn.participant;

import io.basalt.kv.engine.EngineBatch;
import io.basalt.kv.mvcc.MvccWriter;
import java.util.concurrent.CompletableFuture;

/**
 * Deletes every version and intent in {@code [start, end)} outside any transaction. Used only for
 * data that no transaction can name any more (a dropped table, once the catalog change that
 * dropped it has committed); a reader still holding an older snapshot may see the rows vanish.
 */
public record ClearRangeCommand(byte[] start, byte[] end) implements PartitionCommand<Void> {

    @Override
    public CompletableFuture<Void> execute(Participant participant) {
        try (EngineBatch batch = participant.engine().newBatch()) {
            MvccWriter.deleteRange(batch, start, end);
            participant.engine().write(batch, false);
        }
        return CompletableFuture.completedFuture(null);
    }
}

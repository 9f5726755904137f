package io.basalt.txn.local;

import io.basalt.common.error.BasaltException;
import io.basalt.common.error.SqlState;
import io.basalt.txn.participant.Participant;
import io.basalt.txn.participant.PartitionCommand;
import io.basalt.txn.routing.PartitionClient;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Partitions in this process: a command runs on the caller's thread against the participant.
 * Used by the embedded database (replication factor 1) and by tests of the transaction layer.
 */
public final class InProcessPartitionClient implements PartitionClient {
    private final List<Participant> participants;

    public InProcessPartitionClient(List<Participant> participants) {
        this.participants = List.copyOf(participants);
    }

    @Override
    public <R> CompletableFuture<R> send(int partition, PartitionCommand<R> command) {
        if (partition < 0 || partition >= participants.size()) {
            return CompletableFuture.failedFuture(
                    new BasaltException(SqlState.RANGE_UNAVAILABLE, "no such partition [partition=" + partition + "]"));
        }
        try {
            return participants.get(partition).execute(command);
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }
}

package io.basalt.txn.participant;

import io.basalt.kv.mvcc.MvccEntry;
import java.util.concurrent.CompletableFuture;

/** Reads one key at a timestamp; the reply carries any intent for the coordinator to judge. */
public record ReadCommand(byte[] key, long readTs) implements PartitionCommand<MvccEntry> {

    @Override
    public CompletableFuture<MvccEntry> execute(Participant participant) {
        return CompletableFuture.completedFuture(participant.reader().get(key, readTs));
    }
}

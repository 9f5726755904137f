package io.basalt.txn.participant;

import io.basalt.kv.mvcc.ScanBatch;
import java.util.concurrent.CompletableFuture;

/** Reads one page of {@code [start, end)} at a timestamp. */
public record ScanCommand(byte[] start, byte[] end, long readTs, int maxKeys) implements PartitionCommand<ScanBatch> {

    @Override
    public CompletableFuture<ScanBatch> execute(Participant participant) {
        return CompletableFuture.completedFuture(participant.reader().scan(start, end, readTs, maxKeys));
    }
}

package io.basalt.txn.routing;

import io.basalt.txn.participant.PartitionCommand;
import java.util.concurrent.CompletableFuture;

/**
 * The one way the transaction layer reaches a partition (ARCHITECTURE.md section 1): send a
 * command to the partition's leader and get its reply. The in-process implementation calls the
 * participant directly; the cluster's sends it over the network and retries on a moved leader.
 * A failed future carries a {@link io.basalt.common.error.BasaltException}.
 */
public interface PartitionClient {

    <R> CompletableFuture<R> send(int partition, PartitionCommand<R> command);
}

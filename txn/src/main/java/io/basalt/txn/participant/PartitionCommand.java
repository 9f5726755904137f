package io.basalt.txn.participant;

import java.util.concurrent.CompletableFuture;

/**
 * A request to one partition, executed by its leader's {@link Participant}. One class per command
 * (TiKV / CockroachDB): reads, intent writes, the transaction-record commands and intent
 * resolution. Commands that change durable state do so in one atomic batch, so that a replicated
 * version can log and re-apply them.
 *
 * @param <R> the reply
 */
public interface PartitionCommand<R> {

    CompletableFuture<R> execute(Participant participant);
}

package io.basalt.txn.participant;

/**
 * What a participant needs to know about the writing transaction.
 *
 * @param txnId unique id, also the start timestamp
 * @param readTs the snapshot the transaction reads at; a committed version newer than it is a write-write conflict
 * @param recordKey the key that anchors the transaction record
 */
public record TxnMeta(long txnId, long readTs, byte[] recordKey) {
}

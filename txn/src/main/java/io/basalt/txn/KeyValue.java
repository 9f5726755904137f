package io.basalt.txn;

/** A key and the value a transaction sees for it. */
public record KeyValue(byte[] key, byte[] value) {
}

package io.basalt.txn.participant;

/**
 * One write of a transaction.
 *
 * @param value the new row bytes; null for a delete
 */
public record Mutation(Kind kind, byte[] key, byte[] value) {

    public enum Kind {
        /** Write whether or not the key exists. */
        PUT,
        /** Write a key that must not exist yet (23505 otherwise). */
        INSERT,
        DELETE
    }

    public static Mutation put(byte[] key, byte[] value) {
        return new Mutation(Kind.PUT, key, value);
    }

    public static Mutation insert(byte[] key, byte[] value) {
        return new Mutation(Kind.INSERT, key, value);
    }

    public static Mutation delete(byte[] key) {
        return new Mutation(Kind.DELETE, key, null);
    }
}

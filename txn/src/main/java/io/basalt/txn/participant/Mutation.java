package io.basalt.txn.participant;

/**
 * One write of a transaction.
 *
 * @param value the new row bytes for PUT and INSERT; null otherwise
 */
public record Mutation(Kind kind, byte[] key, byte[] value) {

    public enum Kind {
        /** Write whether or not the key exists. */
        PUT,
        /** Write a key that must not exist yet (23505 otherwise). */
        INSERT,
        DELETE,
        /** Take the key's exclusive lock without changing it (SELECT ... FOR UPDATE). */
        LOCK
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

    public static Mutation lock(byte[] key) {
        return new Mutation(Kind.LOCK, key, null);
    }
}

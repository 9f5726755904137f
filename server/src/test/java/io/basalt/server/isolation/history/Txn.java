package io.basalt.server.isolation.history;

import java.util.List;

/**
 * One transaction of a recorded history: its operations in the order it ran them, with the values
 * its reads returned, and whether it committed. An aborted transaction keeps its appends (none of
 * them may ever be read) and may drop its reads.
 */
public record Txn(int id, Status status, List<Op> ops) {
    public enum Status { COMMITTED, ABORTED }

    public static Txn committed(int id, Op... ops) {
        return new Txn(id, Status.COMMITTED, List.of(ops));
    }

    public static Txn aborted(int id, Op... ops) {
        return new Txn(id, Status.ABORTED, List.of(ops));
    }

    public boolean isCommitted() {
        return status == Status.COMMITTED;
    }

    @Override
    public String toString() {
        return "T" + id + (isCommitted() ? "" : " (aborted)") + " " + ops;
    }
}

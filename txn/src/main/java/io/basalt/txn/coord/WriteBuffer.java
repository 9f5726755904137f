package io.basalt.txn.coord;

import io.basalt.txn.participant.Mutation;
import io.basalt.txn.routing.PartitionRouter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The writes of the current statement, kept in order until the statement ends. Buffering is what
 * keeps a statement from reading its own writes (the Halloween problem) and lets one command per
 * partition carry all of a statement's rows for that partition.
 */
final class WriteBuffer {
    private final List<Mutation> mutations = new ArrayList<>();

    void add(Mutation mutation) {
        mutations.add(mutation);
    }

    boolean isEmpty() {
        return mutations.isEmpty();
    }

    Mutation first() {
        return mutations.get(0);
    }

    /** The buffered mutations grouped by partition, each group in statement order; clears the buffer. */
    Map<Integer, List<Mutation>> drainByPartition(PartitionRouter router) {
        Map<Integer, List<Mutation>> byPartition = new TreeMap<>();
        for (Mutation mutation : mutations) {
            byPartition.computeIfAbsent(router.partitionOf(mutation.key()), p -> new ArrayList<>()).add(mutation);
        }
        mutations.clear();
        return byPartition;
    }

    void clear() {
        mutations.clear();
    }
}

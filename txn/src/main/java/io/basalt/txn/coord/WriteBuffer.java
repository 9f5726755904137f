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

    /** The buffered mutations in statement order; clears the buffer. */
    List<Mutation> drain() {
        List<Mutation> drained = new ArrayList<>(mutations);
        mutations.clear();
        return drained;
    }

    void clear() {
        mutations.clear();
    }

    /** Mutations grouped by partition, each group in the given order. */
    static Map<Integer, List<Mutation>> byPartition(List<Mutation> mutations, PartitionRouter router) {
        Map<Integer, List<Mutation>> byPartition = new TreeMap<>();
        for (Mutation mutation : mutations) {
            byPartition.computeIfAbsent(router.partitionOf(mutation.key()), p -> new ArrayList<>()).add(mutation);
        }
        return byPartition;
    }
}

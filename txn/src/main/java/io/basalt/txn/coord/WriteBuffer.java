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
 * partition carry all of a statement's rows for that partition. When a transaction commits with
 * all its writes still here and on one partition, they go out once, as the commit itself
 * ({@code TwoPhaseCommitter.tryCommitInOneBatch}).
 */
final class WriteBuffer {
    private final List<Mutation> mutations = new ArrayList<>();

    void add(Mutation mutation) {
        mutations.add(mutation);
    }

    boolean isEmpty() {
        return mutations.isEmpty();
    }

    /** The buffered mutations in statement order, leaving them buffered. */
    List<Mutation> contents() {
        return List.copyOf(mutations);
    }

    /** The partition every buffered mutation lands on, or -1 if they span several (or none). */
    int onlyPartition(PartitionRouter router) {
        int partition = -1;
        for (Mutation mutation : mutations) {
            int p = router.partitionOf(mutation.key());
            if (partition != -1 && p != partition) {
                return -1;
            }
            partition = p;
        }
        return partition;
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

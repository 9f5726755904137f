package io.basalt.txn.maintenance;

import io.basalt.txn.participant.CollectWaitsCommand;
import io.basalt.txn.participant.FailWaitsCommand;
import io.basalt.txn.participant.LockTable;
import io.basalt.txn.routing.PartitionClient;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.LongUnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds deadlocks: gathers the wait-for edges of every partition (through the same
 * {@link PartitionClient} seam as everything else, so waits on different nodes meet here), looks
 * for cycles, and breaks each by failing the waits of its youngest transaction with 40P01; the
 * others then proceed.
 *
 * <h2>Invariants</h2>
 * <ul>
 *   <li>Only a transaction on a cycle of the collected graph is ever chosen.</li>
 *   <li>Per cycle exactly one victim: the youngest by priority (its id, or for the retry of an
 *       aborted transaction the age it inherited), so the transaction that has done the least
 *       work goes, and one that keeps retrying ages until it is the oldest and wins.</li>
 * </ul>
 * Edges are gathered partition by partition, not at one instant; a cycle that resolved itself
 * meanwhile can still be "found". The victim's wait then is usually gone already (nothing
 * happens), or it is aborted needlessly and retries: a rare false positive, never a missed deadlock,
 * since a real deadlock's edges stay put until someone breaks it.
 *
 * <h2>Threading</h2>
 * Runs on the transaction manager's maintenance thread, only while some transaction is waiting.
 */
public final class DeadlockDetector {
    private static final Logger LOG = LoggerFactory.getLogger(DeadlockDetector.class);

    private final PartitionClient client;
    private final int partitionCount;
    private final LongUnaryOperator priorityOf;

    /** @param priorityOf a transaction's deadlock priority ({@link io.basalt.txn.Transaction#priority}) */
    public DeadlockDetector(PartitionClient client, int partitionCount, LongUnaryOperator priorityOf) {
        this.client = client;
        this.partitionCount = partitionCount;
        this.priorityOf = priorityOf;
    }

    /** One round: returns the victims chosen. */
    public List<Long> detect() {
        Map<Long, Set<Long>> graph = new HashMap<>();
        for (int partition = 0; partition < partitionCount; partition++) {
            for (LockTable.WaitEdge edge : client.send(partition, new CollectWaitsCommand()).join()) {
                graph.computeIfAbsent(edge.waiter(), w -> new LinkedHashSet<>()).add(edge.blocker());
            }
        }
        List<Long> victims = new ArrayList<>();
        Set<Long> broken = new HashSet<>();
        for (List<Long> cycle : cycles(graph)) {
            if (cycle.stream().anyMatch(broken::contains)) {
                continue; // an earlier victim already broke it
            }
            long victim = youngest(cycle);
            broken.add(victim);
            victims.add(victim);
            LOG.debug("Deadlock found; aborting the youngest transaction [victim={}, cycle={}]", victim, cycle);
            for (int partition = 0; partition < partitionCount; partition++) {
                client.send(partition, new FailWaitsCommand(victim)).join();
            }
        }
        return victims;
    }

    /** The member with the largest priority (the youngest, counting a retry's inherited age), ties by id. */
    private long youngest(List<Long> cycle) {
        long victim = cycle.get(0);
        for (long member : cycle) {
            int order = Long.compare(priorityOf.applyAsLong(member), priorityOf.applyAsLong(victim));
            if (order > 0 || order == 0 && member > victim) {
                victim = member;
            }
        }
        return victim;
    }

    /** Elementary cycles found by depth-first search, one per back edge (enough to break them all, round by round). */
    static List<List<Long>> cycles(Map<Long, Set<Long>> graph) {
        List<List<Long>> found = new ArrayList<>();
        Set<Long> done = new HashSet<>();
        for (Long start : graph.keySet()) {
            if (!done.contains(start)) {
                search(start, graph, new ArrayList<>(), new HashSet<>(), done, found);
            }
        }
        return found;
    }

    private static void search(long node, Map<Long, Set<Long>> graph, List<Long> path, Set<Long> onPath,
                               Set<Long> done, List<List<Long>> found) {
        path.add(node);
        onPath.add(node);
        for (long next : graph.getOrDefault(node, Set.of())) {
            if (onPath.contains(next)) {
                found.add(new ArrayList<>(path.subList(path.indexOf(next), path.size())));
            } else if (!done.contains(next)) {
                search(next, graph, path, onPath, done, found);
            }
        }
        path.remove(path.size() - 1);
        onPath.remove(node);
        done.add(node);
    }
}

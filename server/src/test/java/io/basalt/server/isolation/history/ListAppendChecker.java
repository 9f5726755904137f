package io.basalt.server.isolation.history;

import io.basalt.server.isolation.history.DependencyGraph.Edge;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Checks a list-append history the way Jepsen's Elle does. Because every append adds a value
 * unique to its key, a list read from a key reveals the order of all appends before it, so the
 * longest list of each key (the final read) is that key's version order. From it:
 *
 * <ul>
 *   <li>ww: the writer of each element of a key's order precedes the writer of the next element;
 *   <li>wr: the writer of the last element of a list read precedes the reader;
 *   <li>rw: a reader precedes the writer of the first element its list did not yet contain.
 * </ul>
 *
 * <p>Cycles in that graph of committed transactions are classified as in Adya: only ww is G0,
 * ww and wr is G1c, exactly one rw is G-single, more is G2. Aborted reads (G1a), intermediate
 * reads (G1b), reads that are not prefixes of the order, lost appends and reads that miss the
 * reader's own appends are checked directly on the values read.
 */
public final class ListAppendChecker {
    private final List<Txn> history;
    private final Map<Long, Txn> writerOf = new HashMap<>();
    private final Map<Integer, Map<Integer, List<Integer>>> appendsOf = new HashMap<>();
    private final Map<Integer, List<Integer>> order = new HashMap<>();
    private final Map<Integer, Map<Integer, Integer>> positions = new HashMap<>();
    private final DependencyGraph graph = new DependencyGraph();
    private final CheckReport report = new CheckReport();

    private ListAppendChecker(List<Txn> history, Map<Integer, List<Integer>> finalLists) {
        this.history = history;
        order.putAll(finalLists);
    }

    /**
     * @param finalLists every key's list as read after the workload ended (may be empty: then the
     *     longest committed read of each key gives its order)
     */
    public static CheckReport check(List<Txn> history, Map<Integer, List<Integer>> finalLists) {
        ListAppendChecker checker = new ListAppendChecker(history, finalLists);
        checker.indexAppendsAndOrders();
        checker.checkReads();
        checker.checkLostAppends();
        checker.buildGraph();
        checker.findCycles();
        return checker.report;
    }

    private void indexAppendsAndOrders() {
        for (Txn txn : history) {
            for (Op op : txn.ops()) {
                if (!op.isRead()) {
                    writerOf.put(key(op.key(), op.value()), txn);
                    appendsOf.computeIfAbsent(txn.id(), t -> new HashMap<>())
                            .computeIfAbsent(op.key(), k -> new ArrayList<>()).add(op.value());
                } else if (txn.isCommitted() && op.read().size() > order.getOrDefault(op.key(), List.of()).size()) {
                    order.put(op.key(), op.read());
                }
            }
        }
        order.forEach((k, values) -> {
            Map<Integer, Integer> byValue = new HashMap<>();
            for (int i = 0; i < values.size(); i++) {
                if (byValue.putIfAbsent(values.get(i), i) != null) {
                    report.found(HistoryAnomaly.INCOMPATIBLE_ORDER, "key " + k + " holds " + values.get(i) + " twice: " + values);
                }
            }
            positions.put(k, byValue);
        });
    }

    private void checkReads() {
        for (Txn reader : history) {
            if (!reader.isCommitted()) {
                continue;
            }
            Map<Integer, List<Integer>> own = new HashMap<>();
            for (Op op : reader.ops()) {
                if (!op.isRead()) {
                    own.computeIfAbsent(op.key(), k -> new ArrayList<>()).add(op.value());
                    continue;
                }
                List<Integer> read = op.read();
                if (!isPrefixOfOrder(op.key(), read)) {
                    report.found(HistoryAnomaly.INCOMPATIBLE_ORDER, "T" + reader.id() + " read key " + op.key() + " = "
                            + read + ", not a prefix of " + order.get(op.key()));
                }
                for (int value : read) {
                    Txn writer = writerOf.get(key(op.key(), value));
                    if (writer == null) {
                        report.found(HistoryAnomaly.GARBAGE_READ, "T" + reader.id() + " read " + value + " in key " + op.key());
                    } else if (!writer.isCommitted()) {
                        report.found(HistoryAnomaly.G1A, "T" + reader.id() + " read " + value + " in key " + op.key()
                                + ", appended by aborted T" + writer.id());
                    }
                }
                List<Integer> mine = own.getOrDefault(op.key(), List.of());
                if (read.size() < mine.size() || !read.subList(read.size() - mine.size(), read.size()).equals(mine)) {
                    report.found(HistoryAnomaly.INTERNAL, "T" + reader.id() + " appended " + mine + " to key " + op.key()
                            + " but then read " + read);
                }
                if (!read.isEmpty()) {
                    checkIntermediateRead(reader, op.key(), read.get(read.size() - 1));
                }
            }
        }
    }

    private void checkIntermediateRead(Txn reader, int key, int last) {
        Txn writer = writerOf.get(key(key, last));
        if (writer == null || writer == reader || !writer.isCommitted()) {
            return;
        }
        List<Integer> appended = appendsOf.get(writer.id()).get(key);
        if (appended.get(appended.size() - 1) != last) {
            report.found(HistoryAnomaly.G1B, "T" + reader.id() + " read key " + key + " ending in " + last
                    + ", which T" + writer.id() + " followed with " + appended.subList(appended.indexOf(last) + 1, appended.size()));
        }
    }

    private void checkLostAppends() {
        for (Txn txn : history) {
            if (!txn.isCommitted()) {
                continue;
            }
            for (Op op : txn.ops()) {
                if (!op.isRead() && !positions.getOrDefault(op.key(), Map.of()).containsKey(op.value())) {
                    report.found(HistoryAnomaly.LOST_APPEND, "T" + txn.id() + " appended " + op.value() + " to key "
                            + op.key() + ", missing from " + order.get(op.key()));
                }
            }
        }
    }

    private void buildGraph() {
        history.stream().filter(Txn::isCommitted).forEach(txn -> graph.addNode(txn.id()));
        order.forEach((k, values) -> {
            for (int i = 0; i + 1 < values.size(); i++) {
                Txn before = committedWriter(k, values.get(i));
                Txn after = committedWriter(k, values.get(i + 1));
                if (before != null && after != null) {
                    graph.add(before.id(), after.id(), Edge.WW);
                }
            }
        });
        for (Txn reader : history) {
            if (!reader.isCommitted()) {
                continue;
            }
            for (Op op : reader.ops()) {
                if (!op.isRead() || !isPrefixOfOrder(op.key(), op.read())) {
                    continue;
                }
                List<Integer> read = op.read();
                if (!read.isEmpty()) {
                    Txn writer = committedWriter(op.key(), read.get(read.size() - 1));
                    if (writer != null) {
                        graph.add(writer.id(), reader.id(), Edge.WR);
                    }
                }
                List<Integer> all = order.getOrDefault(op.key(), List.of());
                if (read.size() < all.size()) {
                    Txn overwriter = committedWriter(op.key(), all.get(read.size()));
                    if (overwriter != null) {
                        graph.add(reader.id(), overwriter.id(), Edge.RW);
                    }
                }
            }
        }
        report.graph(String.format("%d committed of %d transactions; edges: %d ww, %d wr, %d rw", graph.size(),
                history.size(), graph.count(Edge.WW), graph.count(Edge.WR), graph.count(Edge.RW)));
    }

    /** One example per strongly connected component that holds a cycle of each kind. */
    private void findCycles() {
        reportCycles(HistoryAnomaly.G0, Edge.WW, Edge.mask(Edge.WW));
        reportCycles(HistoryAnomaly.G1C, Edge.WR, Edge.mask(Edge.WW, Edge.WR));
        int readWrite = Edge.mask(Edge.WW, Edge.WR);
        int all = Edge.mask(Edge.WW, Edge.WR, Edge.RW);
        Map<Integer, Integer> components = graph.components(all);
        Set<Integer> withSingle = new HashSet<>();
        Set<Integer> withG2 = new HashSet<>();
        for (int[] edge : graph.edges(Edge.RW)) {
            int component = components.get(edge[0]);
            if (component != components.get(edge[1]) || (withSingle.contains(component) && withG2.contains(component))) {
                continue;
            }
            String back = graph.path(edge[1], edge[0], readWrite, txn -> components.get(txn) == component);
            if (back != null && withSingle.add(component)) {
                report.found(HistoryAnomaly.G_SINGLE, "T" + edge[0] + " -rw-> " + back);
            } else if (back == null && withG2.add(component)) {
                report.found(HistoryAnomaly.G2, "T" + edge[0] + " -rw-> "
                        + graph.path(edge[1], edge[0], all, txn -> components.get(txn) == component));
            }
        }
    }

    /** Reports cycles over the edges in {@code mask} that go through an edge of kind {@code through}. */
    private void reportCycles(HistoryAnomaly anomaly, Edge through, int mask) {
        Map<Integer, Integer> components = graph.components(mask);
        Set<Integer> reported = new HashSet<>();
        for (int[] edge : graph.edges(through)) {
            int component = components.get(edge[0]);
            if (component == components.get(edge[1]) && reported.add(component)) {
                report.found(anomaly, "T" + edge[0] + " -" + through.name().toLowerCase(Locale.ROOT) + "-> "
                        + graph.path(edge[1], edge[0], mask, txn -> components.get(txn) == component));
            }
        }
    }

    private boolean isPrefixOfOrder(int key, List<Integer> read) {
        List<Integer> all = order.getOrDefault(key, List.of());
        return read.size() <= all.size() && all.subList(0, read.size()).equals(read);
    }

    private Txn committedWriter(int key, int value) {
        Txn writer = writerOf.get(key(key, value));
        return writer != null && writer.isCommitted() ? writer : null;
    }

    private static long key(int key, int value) {
        return ((long) key << 32) | (value & 0xffffffffL);
    }
}

package io.basalt.server.isolation.history;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.IntPredicate;

/**
 * Adya's direct serialization graph over the committed transactions of a history: an edge
 * {@code a -> b} says a must come before b, because b overwrote a's version (ww), read it (wr),
 * or overwrote a version a read without seeing b's (rw, an anti-dependency). Nodes are
 * transaction ids; between two nodes there is at most one edge per kind.
 */
final class DependencyGraph {
    enum Edge {
        WW, WR, RW;

        final int bit = 1 << ordinal();

        static int mask(Edge... edges) {
            int mask = 0;
            for (Edge edge : edges) {
                mask |= edge.bit;
            }
            return mask;
        }
    }

    private final Map<Integer, Integer> indexOfTxn = new HashMap<>();
    private final List<Integer> txnOfIndex = new ArrayList<>();
    private final List<Map<Integer, Integer>> out = new ArrayList<>();
    private final int[] counts = new int[Edge.values().length];

    void addNode(int txn) {
        index(txn);
    }

    /** Adds {@code from -> to}; an edge from a transaction to itself says nothing and is ignored. */
    void add(int from, int to, Edge edge) {
        if (from == to) {
            return;
        }
        Map<Integer, Integer> successors = out.get(index(from));
        int target = index(to);
        int before = successors.getOrDefault(target, 0);
        if ((before & edge.bit) == 0) {
            successors.put(target, before | edge.bit);
            counts[edge.ordinal()]++;
        }
    }

    int count(Edge edge) {
        return counts[edge.ordinal()];
    }

    int size() {
        return txnOfIndex.size();
    }

    /** Every edge of a kind, as pairs of transaction ids. */
    List<int[]> edges(Edge edge) {
        List<int[]> edges = new ArrayList<>();
        for (int from = 0; from < out.size(); from++) {
            for (Map.Entry<Integer, Integer> successor : out.get(from).entrySet()) {
                if ((successor.getValue() & edge.bit) != 0) {
                    edges.add(new int[] {txnOfIndex.get(from), txnOfIndex.get(successor.getKey())});
                }
            }
        }
        return edges;
    }

    /**
     * The strongly connected component of every transaction, over the edges in {@code mask}
     * (Tarjan's algorithm, iterative: dependency chains can be as long as the history).
     */
    Map<Integer, Integer> components(int mask) {
        int n = size();
        int[] index = new int[n];
        int[] low = new int[n];
        int[] component = new int[n];
        boolean[] onStack = new boolean[n];
        Arrays.fill(index, -1);
        Deque<Integer> stack = new ArrayDeque<>();
        Deque<Object[]> frames = new ArrayDeque<>();
        int counter = 0;
        int components = 0;
        for (int root = 0; root < n; root++) {
            if (index[root] >= 0) {
                continue;
            }
            index[root] = low[root] = counter++;
            stack.push(root);
            onStack[root] = true;
            frames.push(new Object[] {root, successors(root, mask)});
            while (!frames.isEmpty()) {
                Object[] frame = frames.peek();
                int v = (Integer) frame[0];
                @SuppressWarnings("unchecked")
                Iterator<Integer> next = (Iterator<Integer>) frame[1];
                if (next.hasNext()) {
                    int w = next.next();
                    if (index[w] < 0) {
                        index[w] = low[w] = counter++;
                        stack.push(w);
                        onStack[w] = true;
                        frames.push(new Object[] {w, successors(w, mask)});
                    } else if (onStack[w]) {
                        low[v] = Math.min(low[v], index[w]);
                    }
                    continue;
                }
                frames.pop();
                if (low[v] == index[v]) {
                    int w;
                    do {
                        w = stack.pop();
                        onStack[w] = false;
                        component[w] = components;
                    } while (w != v);
                    components++;
                }
                if (!frames.isEmpty()) {
                    int parent = (Integer) frames.peek()[0];
                    low[parent] = Math.min(low[parent], low[v]);
                }
            }
        }
        Map<Integer, Integer> byTxn = new HashMap<>();
        for (int i = 0; i < n; i++) {
            byTxn.put(txnOfIndex.get(i), component[i]);
        }
        return byTxn;
    }

    /**
     * A shortest path from {@code from} to {@code to} over edges in {@code mask} through
     * transactions that {@code within} accepts, as the text {@code T1 -ww-> T2 -wr-> T3}; null if
     * there is none.
     */
    String path(int from, int to, int mask, IntPredicate within) {
        int start = indexOfTxn.get(from);
        int goal = indexOfTxn.get(to);
        Map<Integer, int[]> cameFrom = new LinkedHashMap<>();
        cameFrom.put(start, null);
        Deque<Integer> queue = new ArrayDeque<>(List.of(start));
        while (!queue.isEmpty() && !cameFrom.containsKey(goal)) {
            int v = queue.poll();
            for (Map.Entry<Integer, Integer> successor : out.get(v).entrySet()) {
                int w = successor.getKey();
                int kinds = successor.getValue() & mask;
                if (kinds != 0 && !cameFrom.containsKey(w) && within.test(txnOfIndex.get(w))) {
                    cameFrom.put(w, new int[] {v, Integer.numberOfTrailingZeros(kinds)});
                    queue.add(w);
                }
            }
        }
        if (!cameFrom.containsKey(goal)) {
            return null;
        }
        List<String> parts = new ArrayList<>();
        for (int v = goal; v != start; ) {
            int[] step = cameFrom.get(v);
            parts.add(" -" + Edge.values()[step[1]].name().toLowerCase(Locale.ROOT) + "-> T" + txnOfIndex.get(v));
            v = step[0];
        }
        Collections.reverse(parts);
        return "T" + from + String.join("", parts);
    }

    private Iterator<Integer> successors(int v, int mask) {
        return out.get(v).entrySet().stream().filter(e -> (e.getValue() & mask) != 0).map(Map.Entry::getKey).iterator();
    }

    private int index(int txn) {
        Integer existing = indexOfTxn.get(txn);
        if (existing != null) {
            return existing;
        }
        int created = txnOfIndex.size();
        indexOfTxn.put(txn, created);
        txnOfIndex.add(txn);
        out.add(new HashMap<>());
        return created;
    }
}

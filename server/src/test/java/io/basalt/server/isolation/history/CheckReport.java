package io.basalt.server.isolation.history;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What {@link ListAppendChecker} found: for each anomaly, a few examples (a cycle of the
 * dependency graph, or the read that shows it), and how big the history and its graph were.
 */
public final class CheckReport {
    private static final int EXAMPLES_PER_ANOMALY = 3;

    private final Map<HistoryAnomaly, List<String>> examples = new EnumMap<>(HistoryAnomaly.class);
    private final Map<HistoryAnomaly, Integer> counts = new EnumMap<>(HistoryAnomaly.class);
    private String graph = "";

    void found(HistoryAnomaly anomaly, String example) {
        counts.merge(anomaly, 1, Integer::sum);
        List<String> list = examples.computeIfAbsent(anomaly, a -> new ArrayList<>());
        if (list.size() < EXAMPLES_PER_ANOMALY) {
            list.add(example);
        }
    }

    void graph(String description) {
        this.graph = description;
    }

    /** The anomalies found, each at least once. */
    public Set<HistoryAnomaly> anomalies() {
        return examples.keySet();
    }

    public List<String> examples(HistoryAnomaly anomaly) {
        return examples.getOrDefault(anomaly, List.of());
    }

    @Override
    public String toString() {
        StringBuilder text = new StringBuilder(graph);
        if (examples.isEmpty()) {
            return text.append("; no anomalies").toString();
        }
        examples.forEach((anomaly, list) -> text.append(System.lineSeparator()).append("  ").append(anomaly)
                .append(" x").append(counts.get(anomaly)).append(", e.g. ").append(String.join(" | ", list)));
        return text.toString();
    }
}

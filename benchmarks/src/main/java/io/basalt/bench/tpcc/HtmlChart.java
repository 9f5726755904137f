package io.basalt.bench.tpcc;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A run as one self-contained HTML page: inline SVG charts and a table, no scripts, no fonts or
 * styles from elsewhere, because the page is opened on machines without internet access. The
 * markup is also well-formed XML, so a test can parse it with the JDK's XML parser.
 *
 * <p>Charts: transactions per second over time (all types and each type, warm-up shaded),
 * p99 latency per second per type, and p50/p95/p99/max per type over the measured time on a
 * logarithmic axis (max is often 100 times p50; on a linear axis the small bars would vanish).
 */
final class HtmlChart {
    private static final int WIDTH = 900;
    private static final int HEIGHT = 300;
    private static final int LEFT = 60;
    private static final int RIGHT = 150;
    private static final int TOP = 30;
    private static final int BOTTOM = 40;
    private static final String[] COLORS = {"#1f77b4", "#d62728", "#2ca02c", "#9467bd", "#ff7f0e", "#8c564b"};

    private HtmlChart() {
    }

    static String render(RunResult result) {
        RunSummary summary = result.summary();
        StringBuilder html = new StringBuilder();
        html.append("<!DOCTYPE html>\n<html xmlns=\"http://www.w3.org/1999/xhtml\"><head><meta charset=\"utf-8\"/>")
                .append("<title>TPC-C-like run ").append(escape(result.startedAt())).append("</title>")
                .append("<style>body{font-family:sans-serif;margin:2em;color:#222}table{border-collapse:collapse}")
                .append("td,th{border:1px solid #ccc;padding:3px 8px;text-align:right}th{background:#f4f4f4}")
                .append(".bad{color:#b00;font-weight:bold}</style></head><body>\n");
        html.append("<h1>TPC-C-like run</h1>\n<p>").append(escape(result.database())).append(", started ")
                .append(escape(result.startedAt())).append("<br/>").append(escape(describe(result.config())))
                .append("</p>\n");
        html.append(String.format(Locale.ROOT, "<p><b>tpmC-like: %,.0f</b> New-Orders per minute over %.1f s measured"
                + " (no think time, not audited); %,.1f transactions/s of all types.</p>%n", summary.tpmC(),
                summary.measuredSeconds(), summary.txnPerSecond()));
        if (!summary.consistencyViolations().isEmpty()) {
            html.append("<p class=\"bad\">Consistency violated: ")
                    .append(escape(String.join("; ", summary.consistencyViolations()))).append("</p>\n");
        }
        html.append("<h2>Throughput</h2>\n").append(throughputChart(result));
        html.append("<h2>p99 latency per second</h2>\n").append(p99Chart(result));
        html.append("<h2>Latency over the measured time</h2>\n").append(percentileChart(summary));
        html.append(table(summary));
        html.append("</body></html>\n");
        return html.toString();
    }

    private static String describe(RunConfig config) {
        return String.format(Locale.ROOT, "%s; %d warehouse(s), %d terminal(s), %s, %d s warm-up + %d s", config.url(),
                config.warehouses(), config.terminals(), config.isolation(), config.warmupSeconds(),
                config.durationSeconds());
    }

    private static String throughputChart(RunResult result) {
        Map<String, double[]> lines = new LinkedHashMap<>();
        List<SecondSample> series = result.series();
        lines.put("all", series.stream().mapToDouble(SecondSample::txnPerSecond).toArray());
        for (TxnType type : TxnType.values()) {
            lines.put(type.label(), series.stream()
                    .mapToDouble(s -> s.completed().getOrDefault(type.label(), 0L)).toArray());
        }
        return lineChart(lines, "txn/s", result.config().warmupSeconds());
    }

    private static String p99Chart(RunResult result) {
        Map<String, double[]> lines = new LinkedHashMap<>();
        for (TxnType type : TxnType.values()) {
            lines.put(type.label(), result.series().stream()
                    .mapToDouble(s -> s.p99MsByType().getOrDefault(type.label(), 0.0)).toArray());
        }
        return lineChart(lines, "ms", result.config().warmupSeconds());
    }

    /** Lines over seconds 1..n; the first {@code warmup} seconds shaded. */
    static String lineChart(Map<String, double[]> lines, String unit, int warmup) {
        int n = lines.values().stream().mapToInt(v -> v.length).max().orElse(0);
        double max = niceCeiling(lines.values().stream().flatMapToDouble(java.util.Arrays::stream).max().orElse(1));
        int plotWidth = WIDTH - LEFT - RIGHT;
        int plotHeight = HEIGHT - TOP - BOTTOM;
        StringBuilder svg = svgOpen();
        if (warmup > 0 && n > 0) {
            double w = Math.min(warmup, n) * plotWidth / (double) n;
            svg.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"%.1f\" height=\"%d\" fill=\"#eee\"/>"
                    + "<text x=\"%d\" y=\"%d\" font-size=\"11\" fill=\"#888\">warm-up</text>%n",
                    LEFT, TOP, w, plotHeight, LEFT + 4, TOP + 12));
        }
        for (int i = 0; i <= 4; i++) {
            double value = max * i / 4;
            double y = TOP + plotHeight - plotHeight * i / 4.0;
            svg.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" stroke=\"#ddd\"/>"
                    + "<text x=\"%d\" y=\"%.1f\" font-size=\"11\" text-anchor=\"end\">%s</text>%n",
                    LEFT, y, LEFT + plotWidth, y, LEFT - 5, y + 4, number(value)));
        }
        svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" font-size=\"11\">%s</text>%n", 5, TOP - 10,
                escape(unit)));
        svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" font-size=\"11\" text-anchor=\"middle\">seconds"
                + " (1 to %d)</text>%n", LEFT + plotWidth / 2, HEIGHT - 8, n));
        int color = 0;
        for (Map.Entry<String, double[]> line : lines.entrySet()) {
            double[] values = line.getValue();
            StringBuilder points = new StringBuilder();
            for (int i = 0; i < values.length; i++) {
                double x = LEFT + (n <= 1 ? plotWidth / 2.0 : plotWidth * i / (double) (n - 1));
                double y = TOP + plotHeight - plotHeight * values[i] / max;
                points.append(String.format(Locale.ROOT, "%.1f,%.1f ", x, y));
            }
            String stroke = COLORS[color % COLORS.length];
            svg.append(String.format(Locale.ROOT, "<polyline fill=\"none\" stroke=\"%s\" stroke-width=\"%s\" points=\"%s\"/>"
                    + "%n", stroke, color == 0 ? "2" : "1.2", points.toString().trim()));
            legend(svg, color, line.getKey(), stroke);
            color++;
        }
        return svg.append("</svg>\n").toString();
    }

    /** Grouped bars, one group per type: p50, p95, p99, max, on a log10 axis in ms. */
    static String percentileChart(RunSummary summary) {
        List<TypeSummary> types = summary.types();
        double maxMs = Math.max(1, types.stream().mapToDouble(TypeSummary::maxMs).max().orElse(1));
        double minMs = 0.01;
        double top = Math.pow(10, Math.ceil(Math.log10(maxMs)));
        int plotWidth = WIDTH - LEFT - RIGHT;
        int plotHeight = HEIGHT - TOP - BOTTOM;
        StringBuilder svg = svgOpen();
        for (double tick = minMs; tick <= top * 1.0001; tick *= 10) {
            double y = logY(tick, minMs, top, plotHeight);
            svg.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" stroke=\"#ddd\"/>"
                    + "<text x=\"%d\" y=\"%.1f\" font-size=\"11\" text-anchor=\"end\">%s</text>%n",
                    LEFT, y, LEFT + plotWidth, y, LEFT - 5, y + 4, number(tick)));
        }
        svg.append(String.format(Locale.ROOT, "<text x=\"5\" y=\"%d\" font-size=\"11\">ms (log)</text>%n", TOP - 10));
        String[] names = {"p50", "p95", "p99", "max"};
        double group = plotWidth / (double) Math.max(1, types.size());
        double bar = group * 0.8 / names.length;
        for (int t = 0; t < types.size(); t++) {
            TypeSummary type = types.get(t);
            double[] values = {type.p50Ms(), type.p95Ms(), type.p99Ms(), type.maxMs()};
            for (int p = 0; p < values.length; p++) {
                double value = Math.max(minMs, values[p]);
                double y = logY(value, minMs, top, plotHeight);
                double x = LEFT + group * t + group * 0.1 + bar * p;
                svg.append(String.format(Locale.ROOT, "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" fill=\"%s\">"
                        + "<title>%s %s %.2f ms</title></rect>%n", x, y, bar - 1, TOP + plotHeight - y,
                        COLORS[p], escape(type.type()), names[p], values[p]));
            }
            svg.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\" font-size=\"11\" text-anchor=\"middle\">%s</text>%n",
                    LEFT + group * t + group / 2, HEIGHT - 20, escape(type.type())));
        }
        for (int p = 0; p < names.length; p++) {
            legend(svg, p, names[p], COLORS[p]);
        }
        return svg.append("</svg>\n").toString();
    }

    private static String table(RunSummary summary) {
        StringBuilder html = new StringBuilder("<table><tr><th>type</th><th>count</th><th>txn/s</th><th>p50 ms</th>"
                + "<th>p95 ms</th><th>p99 ms</th><th>max ms</th></tr>\n");
        for (TypeSummary type : summary.types()) {
            html.append(String.format(Locale.ROOT, "<tr><th>%s</th><td>%d</td><td>%.1f</td><td>%.2f</td><td>%.2f</td>"
                    + "<td>%.2f</td><td>%.2f</td></tr>%n", escape(type.type()), type.count(), type.perSecond(),
                    type.p50Ms(), type.p95Ms(), type.p99Ms(), type.maxMs()));
        }
        html.append("</table>\n<p>Retries by SQLState: ").append(escape(counts(summary.retries())))
                .append("<br/>Give-ups by SQLState: ").append(escape(counts(summary.giveUps())))
                .append("<br/>Unexpected errors: ").append(escape(counts(summary.unexpected()))).append("</p>\n");
        return html.toString();
    }

    private static String counts(Map<String, Long> counts) {
        List<String> parts = new ArrayList<>();
        counts.forEach((key, count) -> parts.add(key + ": " + count));
        return parts.isEmpty() ? "none" : String.join(", ", parts);
    }

    private static StringBuilder svgOpen() {
        return new StringBuilder(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\""
                + " height=\"%d\" viewBox=\"0 0 %d %d\">%n", WIDTH, HEIGHT, WIDTH, HEIGHT));
    }

    private static void legend(StringBuilder svg, int row, String label, String color) {
        int x = WIDTH - RIGHT + 15;
        int y = TOP + 10 + row * 18;
        svg.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"12\" height=\"12\" fill=\"%s\"/>"
                + "<text x=\"%d\" y=\"%d\" font-size=\"12\">%s</text>%n", x, y - 10, color, x + 18, y, escape(label)));
    }

    private static double logY(double value, double min, double max, int plotHeight) {
        double fraction = (Math.log10(value) - Math.log10(min)) / (Math.log10(max) - Math.log10(min));
        return TOP + plotHeight - plotHeight * Math.max(0, Math.min(1, fraction));
    }

    /** 1, 2 or 5 times a power of ten, at least {@code value}: axis maxima people can read. */
    static double niceCeiling(double value) {
        if (value <= 0) {
            return 1;
        }
        double power = Math.pow(10, Math.floor(Math.log10(value)));
        for (double step : new double[] {1, 2, 5, 10}) {
            if (step * power >= value) {
                return step * power;
            }
        }
        return 10 * power;
    }

    private static String number(double value) {
        return value >= 10 || value == 0 ? String.format(Locale.ROOT, "%,.0f", value)
                : String.format(Locale.ROOT, "%.2f", value).replaceAll("0+$", "").replaceAll("\\.$", "");
    }

    static String escape(String text) {
        return text == null ? "" : text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
                .replace("\"", "&quot;");
    }
}

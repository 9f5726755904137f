package io.basalt.bench.tpcc;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;

/** The summary table, the JSON result file and the HTML chart, from a hand-made run. */
class TpccReportTest {
    @TempDir
    Path directory;

    @Test
    void theSummaryTableShowsTpmcLatenciesRetriesAndErrors() {
        String text = ConsoleReport.summary(result(List.of()));
        assertThat(text).contains("tpmC-like: 1,234 New-Orders/min").contains("no think time, not audited")
                .contains("NewOrder").contains("12.50").contains("40001: 7").contains("40P01: 1")
                .contains("NewOrder 23505 SQLException: 2").contains("conditions hold");
    }

    @Test
    void aViolationIsPrintedLoudlyAndSetsTheExitStatus() {
        RunResult bad = result(List.of("1: W_YTD = sum(D_YTD), e.g. at 1"));
        assertThat(ConsoleReport.summary(bad)).contains("CONSISTENCY VIOLATED").contains("W_YTD");
        assertThat(bad.summary().exitStatus()).isEqualTo(3); // unexpected errors too
        RunSummary clean = new RunSummary(1, 1, 1, 0, List.of(), Map.of(), Map.of(), Map.of(), List.of());
        assertThat(clean.exitStatus()).isZero();
    }

    @Test
    void theSecondLineSaysWarmUpAndCarriesTheFigures() {
        SecondSample sample = new SecondSample(3, true, 250, 0, 4, 17.25, Map.of(), Map.of());
        assertThat(ConsoleReport.secondLine(sample)).contains("3s").contains("warm-up").contains("250 txn/s")
                .contains("aborts/s     4").contains("17.3 ms");
    }

    @Test
    void theJsonFileReadsBackAsTheSameResult() throws Exception {
        RunResult result = result(List.of());
        ResultWriter writer = new ResultWriter();
        ResultWriter.Written files = writer.write(result, directory);
        assertThat(writer.read(files.json())).isEqualTo(result);
        assertThat(Files.readString(files.json())).doesNotContain("password");
        // A second run in the same second does not overwrite the first.
        ResultWriter.Written again = writer.write(result, directory);
        assertThat(again.json()).isNotEqualTo(files.json());
    }

    @Test
    void theHtmlChartIsWellFormedAndSelfContained() throws Exception {
        ResultWriter.Written files = new ResultWriter().write(result(List.of()), directory);
        String html = Files.readString(files.html());
        Document page = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(html.getBytes(StandardCharsets.UTF_8)));
        assertThat(page.getElementsByTagName("svg").getLength()).isEqualTo(3);
        assertThat(page.getElementsByTagName("polyline").getLength()).isEqualTo(1 + 5 + 5);
        assertThat(html).doesNotContain("<script").doesNotContain("http://cdn").doesNotContain("https://");
        assertThat(html).contains("tpmC-like: 1,234");
    }

    @Test
    void axesEndAtReadableNumbers() {
        assertThat(HtmlChart.niceCeiling(0)).isEqualTo(1);
        assertThat(HtmlChart.niceCeiling(3)).isEqualTo(5);
        assertThat(HtmlChart.niceCeiling(123)).isEqualTo(200);
        assertThat(HtmlChart.niceCeiling(1000)).isEqualTo(1000);
        assertThat(HtmlChart.escape("<a & \"b\">")).isEqualTo("&lt;a &amp; &quot;b&quot;&gt;");
    }

    @Test
    void theProgressLineShowsPercentRateAndEta() {
        try (ProgressPrinter progress = new ProgressPrinter("Loading", 1000, new java.io.PrintStream(
                java.io.OutputStream.nullOutputStream()), false)) {
            assertThat(progress.line(250, 5_000_000_000L, false)).isEqualTo("Loading  25%  250 rows  50 rows/s  ETA 0:15");
            assertThat(progress.line(1100, 10_000_000_000L, false)).contains(" 99%");
            assertThat(progress.line(1100, 10_000_000_000L, true)).contains("100%").contains("done in 0:10");
        }
    }

    private static RunResult result(List<String> violations) {
        Map<String, Long> completed = new LinkedHashMap<>();
        Map<String, Double> p99 = new LinkedHashMap<>();
        for (TxnType type : TxnType.values()) {
            completed.put(type.label(), (long) type.percent());
            p99.put(type.label(), 10.0 + type.ordinal());
        }
        List<SecondSample> series = List.of(
                new SecondSample(1, true, 100, 0, 2, 11.5, completed, p99),
                new SecondSample(2, false, 100, 1300, 1, 12.5, completed, p99),
                new SecondSample(3, false, 100, 1234, 0, 12.0, completed, p99));
        List<TypeSummary> types = List.of(
                new TypeSummary("NewOrder", 41, 20.5, 5.25, 10.0, 12.5, 30.0),
                new TypeSummary("Payment", 40, 20.0, 2.0, 4.0, 6.0, 9.0),
                new TypeSummary("OrderStatus", 4, 2.0, 1.0, 2.0, 2.0, 2.0),
                new TypeSummary("Delivery", 4, 2.0, 20.0, 40.0, 40.0, 40.0),
                new TypeSummary("StockLevel", 0, 0, 0, 0, 0, 0));
        RunSummary summary = new RunSummary(2.0, 1234, 44.5, 1, types, Map.of("40001", 7L, "40P01", 1L),
                Map.of("40001", 1L), Map.of("NewOrder 23505 SQLException", 2L), violations);
        RunConfig config = new RunConfig("jdbc:basalt:mem:t", null, 1, 10, 100, 2000, 4, 1, 2, "SERIALIZABLE", true, 2,
                500, false, 10, 42);
        return new RunResult("2026-01-01T00:00:00Z", "Basalt 0.1.0", config, 3.5, series, summary);
    }
}

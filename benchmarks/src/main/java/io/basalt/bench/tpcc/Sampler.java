package io.basalt.bench.tpcc;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.HdrHistogram.Histogram;

/**
 * The runner's once-a-second sampler (see {@link TpccRunner}'s design comment): turns what the
 * terminals recorded into one {@link SecondSample} a second and, after warm-up, into the measured
 * totals. Used by one thread only, the runner's; the terminals never touch the histograms here.
 */
final class Sampler {
    private final RunStats stats;
    private final int warmupSeconds;
    private final PrintStream out;
    private final Map<TxnType, Histogram> interval = new EnumMap<>(TxnType.class);
    private final Map<TxnType, Histogram> measured = new EnumMap<>(TxnType.class);
    private final Histogram second = RunStats.newHistogram();
    private final List<SecondSample> series = new ArrayList<>();
    private long measuredStartNanos;
    private long measuredEndNanos;
    private long measuredNewOrders;
    private long lastAborts;

    Sampler(RunStats stats, int warmupSeconds, PrintStream out) {
        this.stats = stats;
        this.warmupSeconds = warmupSeconds;
        this.out = out;
        for (TxnType type : TxnType.values()) {
            measured.put(type, RunStats.newHistogram());
        }
    }

    void runFor(int seconds, Runnable stop) {
        long start = System.nanoTime();
        measuredStartNanos = start;
        for (int s = 1; s <= seconds; s++) {
            long deadline = start + TimeUnit.SECONDS.toNanos(s);
            for (long wait; (wait = deadline - System.nanoTime()) > 0; ) {
                LockSupport.parkNanos(wait);
            }
            if (s == seconds) {
                stop.run();
                measuredEndNanos = System.nanoTime();
            }
            sample(s);
            if (s == warmupSeconds) {
                measuredStartNanos = System.nanoTime();
            }
        }
    }

    private void sample(int s) {
        boolean warmup = s <= warmupSeconds;
        second.reset();
        Map<String, Long> completed = new LinkedHashMap<>();
        Map<String, Double> p99ByType = new LinkedHashMap<>();
        long total = 0;
        for (TxnType type : TxnType.values()) {
            Histogram h = stats.intervalLatency(type, interval.get(type));
            interval.put(type, h);
            long count = h.getTotalCount();
            total += count;
            completed.put(type.label(), count);
            if (count > 0) {
                p99ByType.put(type.label(), ms(h.getValueAtPercentile(99)));
                second.add(h);
            }
            if (!warmup) {
                measured.get(type).add(h);
                if (type == TxnType.NEW_ORDER) {
                    measuredNewOrders += count;
                }
            }
        }
        long aborts = stats.abortsTotal();
        double measuredMinutes = (System.nanoTime() - measuredStartNanos) / 60e9;
        double newOrderPerMinute = warmup || measuredMinutes <= 0 ? 0 : measuredNewOrders / measuredMinutes;
        SecondSample sample = new SecondSample(s, warmup, total, newOrderPerMinute, aborts - lastAborts,
                total > 0 ? ms(second.getValueAtPercentile(99)) : 0, completed, p99ByType);
        lastAborts = aborts;
        series.add(sample);
        out.println(ConsoleReport.secondLine(sample));
        out.flush();
    }

    List<SecondSample> series() {
        return List.copyOf(series);
    }

    RunSummary summary(RunStats stats, List<String> violations) {
        double seconds = Math.max(1e-9, (measuredEndNanos - measuredStartNanos) / 1e9);
        List<TypeSummary> types = new ArrayList<>();
        long total = 0;
        for (TxnType type : TxnType.values()) {
            Histogram h = measured.get(type);
            long count = h.getTotalCount();
            total += count;
            types.add(count == 0 ? new TypeSummary(type.label(), 0, 0, 0, 0, 0, 0)
                    : new TypeSummary(type.label(), count, count / seconds, ms(h.getValueAtPercentile(50)),
                            ms(h.getValueAtPercentile(95)), ms(h.getValueAtPercentile(99)), ms(h.getMaxValue())));
        }
        return new RunSummary(seconds, measuredNewOrders / (seconds / 60), total / seconds,
                stats.newOrderRolledBackTotal(), types, stats.retries(), stats.giveUps(), stats.unexpected(),
                violations);
    }

    private static double ms(long micros) {
        return micros / 1000.0;
    }
}

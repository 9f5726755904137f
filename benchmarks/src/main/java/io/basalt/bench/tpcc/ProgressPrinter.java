package io.basalt.bench.tpcc;

import java.io.PrintStream;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;

/**
 * A progress bar for work counted in units (rows): percent, units per second and ETA. On a
 * terminal it redraws one line with {@code \r} twice a second; otherwise (a pipe, a CI log, where
 * {@code \r} would pile up as garbage) it prints a plain line every few seconds.
 *
 * <p>Workers call {@link #advance} from any thread (a {@link LongAdder}, so they do not contend);
 * one daemon thread of its own does all the printing.
 */
final class ProgressPrinter implements AutoCloseable {
    private static final long REDRAW_MILLIS = 500;
    private static final long PLAIN_LINE_MILLIS = 5_000;
    private static final int BAR_WIDTH = 30;

    private final String label;
    private final long expected;
    private final PrintStream out;
    private final boolean terminal;
    private final LongAdder done = new LongAdder();
    private final long startNanos = System.nanoTime();
    private final Thread printer;
    private volatile boolean closed;

    ProgressPrinter(String label, long expected, PrintStream out, boolean terminal) {
        this.label = label;
        this.expected = Math.max(1, expected);
        this.out = out;
        this.terminal = terminal;
        this.printer = new Thread(this::printUntilClosed, "tpcc-progress");
        printer.setDaemon(true);
        printer.start();
    }

    /** On stderr, redrawing only when there is a console to redraw on. */
    static ProgressPrinter onStderr(String label, long expected) {
        return new ProgressPrinter(label, expected, System.err, System.console() != null);
    }

    void advance(long units) {
        done.add(units);
    }

    long done() {
        return done.sum();
    }

    private void printUntilClosed() {
        long interval = terminal ? REDRAW_MILLIS : PLAIN_LINE_MILLIS;
        while (!closed) {
            try {
                Thread.sleep(interval);
            } catch (InterruptedException e) {
                return;
            }
            if (!closed) {
                print(false);
            }
        }
    }

    private synchronized void print(boolean last) {
        String line = line(done.sum(), System.nanoTime() - startNanos, last);
        if (terminal) {
            out.print("\r" + line + (last ? System.lineSeparator() : ""));
        } else {
            out.println(line);
        }
        out.flush();
    }

    /** The text of one update; package-private so its arithmetic can be tested without a clock. */
    String line(long units, long elapsedNanos, boolean last) {
        double seconds = Math.max(1e-9, elapsedNanos / 1e9);
        double rate = units / seconds;
        int percent = last ? 100 : (int) Math.min(99, units * 100 / expected);
        String eta = last ? "done in " + duration((long) seconds)
                : rate > 0 ? "ETA " + duration((long) Math.max(0, (expected - units) / rate)) : "ETA ?";
        StringBuilder text = new StringBuilder(label).append(' ');
        if (terminal) {
            int filled = percent * BAR_WIDTH / 100;
            text.append('[').append("#".repeat(filled)).append(".".repeat(BAR_WIDTH - filled)).append("] ");
        }
        return text.append(String.format(Locale.ROOT, "%3d%%  %,d rows  %,.0f rows/s  %s", percent, units, rate, eta))
                .toString();
    }

    private static String duration(long seconds) {
        return String.format(Locale.ROOT, "%d:%02d", TimeUnit.SECONDS.toMinutes(seconds), seconds % 60);
    }

    /** Stops the printer and prints the final line (100%, the real row count, the time it took). */
    @Override
    public void close() {
        closed = true;
        printer.interrupt();
        try {
            printer.join(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        print(true);
    }
}

package io.basalt.microbench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Collection;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * Runs every benchmark method once, briefly, in this JVM, so that CI catches a benchmark that no
 * longer compiles against the engine, throws, or measures nothing. It asserts that each method
 * produced a score, never how fast it was: this machine's figures say nothing in a test.
 */
class BenchmarksSmokeTest {

    @BeforeAll
    static void allowConcurrentJmh() {
        // JMH refuses to start while another JMH run holds /tmp/jmh.lock; on a shared developer
        // machine that is someone else's real run, which this short in-process run cannot disturb.
        System.setProperty("jmh.ignoreLock", "true");
    }

    @Test
    void kvLayerBenchmarksEachProduceAScore() throws RunnerException {
        // A small data set: loading 100k rows into two stores for each of eight methods is slow.
        assertEveryMethodScored(KvLayerBenchmark.class, 8, "keyCount", "1000");
    }

    @Test
    void keyCodecBenchmarksEachProduceAScore() throws RunnerException {
        assertEveryMethodScored(KeyCodecBenchmark.class, 5);
    }

    @Test
    void durableCommitBenchmarksEachProduceAScore() throws RunnerException {
        // 12 methods; the three txnCommit ones run once per commit path (batch, intents).
        assertEveryMethodScored(DurableCommitBenchmark.class, 15);
    }

    @Test
    void embeddedSqlBenchmarksEachProduceAScore() throws RunnerException {
        assertEveryMethodScored(EmbeddedSqlBenchmark.class, 3, "isolation", "SERIALIZABLE");
    }

    /** {@code params} are name, value pairs that override the benchmark's {@code @Param}s. */
    private static void assertEveryMethodScored(Class<?> benchmark, int methods, String... params)
            throws RunnerException {
        OptionsBuilder builder = new OptionsBuilder();
        builder.include("^" + benchmark.getName().replace(".", "\\.") + "\\.")
                .forks(0)
                .warmupIterations(0)
                .measurementIterations(1)
                .measurementTime(TimeValue.milliseconds(100))
                .shouldFailOnError(true);
        for (int i = 0; i < params.length; i += 2) {
            builder.param(params[i], params[i + 1]);
        }
        Options options = builder.build();
        Collection<RunResult> results = new Runner(options).run();
        assertThat(results).hasSize(methods);
        for (RunResult result : results) {
            assertThat(result.getPrimaryResult().getSampleCount())
                    .as(result.getParams().getBenchmark()).isPositive();
            assertThat(result.getPrimaryResult().getScore())
                    .as(result.getParams().getBenchmark()).isPositive();
        }
    }
}

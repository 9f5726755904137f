package io.basalt.server.admin;

import io.basalt.common.client.Session;
import io.basalt.server.net.ConnectionObserver;
import io.basalt.server.net.WireServer;
import io.basalt.sql.SqlEngine;
import io.basalt.txn.TxnStats;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.function.ToLongFunction;

/**
 * A node's metrics, served as Prometheus text on the admin port's {@code /metrics}.
 *
 * <p>Two kinds of source. Connection and statement events are counted here as they happen (this is the
 * server's {@link ConnectionObserver}). Transaction outcomes and the plan cache are not copied: their
 * counters already exist in the engine ({@link TxnStats}, the numbers behind
 * {@code BASALT_CATALOG.TRANSACTION_STATISTICS}, and {@code PlanCache}), and are read at scrape time,
 * summed over the databases open then. On a data-directory server that is one database, open for the
 * server's life, so the sums only grow; on an in-memory test server a database that closes takes its
 * counts with it (a Prometheus counter reset, which {@code rate()} tolerates).
 *
 * <p>Threading: the event methods run on event loops and connection executors; Micrometer's meters are
 * thread-safe and lock-free on the hot path. {@link #bind} runs once, after the server started.
 */
public final class ServerMetrics implements ConnectionObserver, AutoCloseable {
    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final Counter connectionsAccepted;
    private final Counter connectionsRefused;
    private final Counter authenticationFailures;
    private final Map<StatementKind, Timer> succeeded = new EnumMap<>(StatementKind.class);
    private final Map<StatementKind, Timer> failed = new EnumMap<>(StatementKind.class);
    private final JvmGcMetrics gcMetrics = new JvmGcMetrics();

    public ServerMetrics() {
        connectionsAccepted = Counter.builder("basalt.connections.accepted")
                .description("Client connections admitted since start").register(registry);
        connectionsRefused = Counter.builder("basalt.connections.refused")
                .description("Client connections refused at the connection limit (53300)").register(registry);
        authenticationFailures = Counter.builder("basalt.authentication.failures")
                .description("Failed SCRAM authentications (28P01)").register(registry);
        for (StatementKind kind : StatementKind.values()) {
            succeeded.put(kind, statementTimer(kind, "ok"));
            failed.put(kind, statementTimer(kind, "error"));
        }
        new JvmMemoryMetrics().bindTo(registry);
        gcMetrics.bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ClassLoaderMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        new UptimeMetrics().bindTo(registry);
    }

    // Buckets from 50 us (a cached point read is ~33 us of engine time) to 10 s; Micrometer picks ~70
    // bucket bounds in that range. Narrow it if scrapes grow too large: it is 2 × 7 kinds of them.
    private Timer statementTimer(StatementKind kind, String outcome) {
        return Timer.builder("basalt.statements")
                .description("Statements executed for clients, by kind and outcome (engine time of the call)")
                .tag("kind", kind.tag)
                .tag("outcome", outcome)
                .publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofNanos(50_000))
                .maximumExpectedValue(Duration.ofSeconds(10))
                .register(registry);
    }

    /** Registers what is read from a started server: open connections, transactions, the plan cache. */
    public void bind(WireServer server) {
        Gauge.builder("basalt.connections.open", server, WireServer::openConnections)
                .description("Client connections open now").register(registry);
        transactions(server, "basalt.transactions.committed", "phase", "read_only", TxnStats::readOnlyCommits);
        transactions(server, "basalt.transactions.committed", "phase", "one_phase", TxnStats::onePhaseCommits);
        transactions(server, "basalt.transactions.committed", "phase", "two_phase", TxnStats::twoPhaseCommits);
        transactions(server, "basalt.transactions.aborted", "reason", "rollback", TxnStats::rollbacks);
        transactions(server, "basalt.transactions.aborted", "reason", "write_conflict", TxnStats::writeConflictAborts);
        transactions(server, "basalt.transactions.aborted", "reason", "ssi", TxnStats::ssiAborts);
        transactions(server, "basalt.transactions.aborted", "reason", "deadlock", TxnStats::deadlockAborts);
        transactions(server, "basalt.transactions.aborted", "reason", "expired", TxnStats::expiredAborts);
        FunctionCounter.builder("basalt.plan.cache.hits", server, s -> sum(s, e -> e.plans().hits()))
                .description("Statements whose plan came from the plan cache").register(registry);
        FunctionCounter.builder("basalt.plan.cache.misses", server, s -> sum(s, e -> e.plans().plansCompiled()))
                .description("Statements planned and compiled because the cache had no plan").register(registry);
    }

    private void transactions(WireServer server, String name, String tag, String value, ToLongFunction<TxnStats> counter) {
        FunctionCounter.builder(name, server, s -> sum(s, e -> counter.applyAsLong(e.transactions().stats())))
                .tag(tag, value)
                .register(registry);
    }

    private static double sum(WireServer server, ToLongFunction<SqlEngine> counter) {
        long total = 0;
        for (SqlEngine engine : server.openDatabases().values()) {
            total += counter.applyAsLong(engine);
        }
        return total;
    }

    void statementExecuted(StatementKind kind, boolean ok, long nanos) {
        (ok ? succeeded : failed).get(kind).record(nanos, java.util.concurrent.TimeUnit.NANOSECONDS);
    }

    @Override
    public void connectionAccepted() {
        connectionsAccepted.increment();
    }

    @Override
    public void connectionRefused() {
        connectionsRefused.increment();
    }

    @Override
    public void authenticationFailed() {
        authenticationFailures.increment();
    }

    @Override
    public Session sessionOpened(Session session) {
        return new MeteredSession(session, this);
    }

    /** The Prometheus text exposition (format 0.0.4) of every meter. */
    public String scrape() {
        return registry.scrape();
    }

    @Override
    public void close() {
        gcMetrics.close();
        registry.close();
    }
}

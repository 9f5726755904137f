package io.basalt.server.admin;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.basalt.server.net.WireServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A node's admin HTTP port: {@code GET /health} and {@code GET /metrics} (Prometheus text).
 *
 * <p>Why the JDK's {@code com.sun.net.httpserver} and not Netty's HTTP codec: the port serves a probe
 * and a scrape every few seconds, two fixed paths, no TLS, no keep-alive tuning; the JDK server does
 * that in a page of code, with no new dependency in the server (netty-codec-http would be one) and no
 * second pipeline to keep right. It runs on its own single thread, so a slow scrape never delays the
 * SQL port's event loops, and a stuck SQL event loop never hides the health answer. If the port ever
 * needs TLS or many clients, move it to Netty beside the SQL endpoint.
 *
 * <p>Lifecycle, which {@code /health} reports: {@link #start} binds while the node is still
 * {@code starting} (503), {@link #serving} flips it to 200 once the SQL port listens, {@link #stopping}
 * back to 503 before the shutdown hook closes the SQL port, so a load balancer drains the node first.
 *
 * <p>Threading: one daemon thread serves requests; the state fields are volatile and written by the
 * thread that starts or stops the node.
 */
public final class AdminServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(AdminServer.class);

    /** The node's state, as {@code /health} reports it. */
    public enum Status { STARTING, SERVING, STOPPING }

    private final HttpServer http;
    private final ExecutorService thread;
    private final ServerMetrics metrics;
    private final long startedNanos = System.nanoTime();
    private final String version;
    private volatile Status status = Status.STARTING;
    private volatile WireServer server;

    private AdminServer(HttpServer http, ServerMetrics metrics) {
        this.http = http;
        this.metrics = metrics;
        this.thread = Executors.newSingleThreadExecutor(runnable -> {
            Thread t = new Thread(runnable, "basalt-admin-http");
            t.setDaemon(true);
            return t;
        });
        String implementation = AdminServer.class.getPackage().getImplementationVersion();
        this.version = "Basalt " + (implementation == null ? "0.1.0-SNAPSHOT" : implementation);
        http.createContext("/health", this::health);
        http.createContext("/metrics", this::metrics);
        http.setExecutor(thread);
    }

    /** Binds {@code host:port} (0: ephemeral) and answers at once, {@code starting} until {@link #serving}. */
    public static AdminServer start(String host, int port, ServerMetrics metrics) throws IOException {
        HttpServer http = HttpServer.create(new InetSocketAddress(host, port), 16);
        AdminServer admin = new AdminServer(http, metrics);
        http.start();
        LOG.info("Admin port listening [address={}]", admin.address());
        return admin;
    }

    public InetSocketAddress address() {
        return http.getAddress();
    }

    public int port() {
        return address().getPort();
    }

    /** The SQL port listens: /health answers 200 from now on. */
    public void serving(WireServer server) {
        this.server = server;
        this.status = Status.SERVING;
    }

    /** The node is shutting down: /health answers 503 from now on. */
    public void stopping() {
        this.status = Status.STOPPING;
    }

    public Status status() {
        return status;
    }

    private void health(HttpExchange exchange) throws IOException {
        Status now = status;
        WireServer serving = server;
        int open = serving == null ? 0 : serving.openConnections();
        long uptime = Duration.ofNanos(System.nanoTime() - startedNanos).toSeconds();
        String body = "{\"status\":\"" + now.name().toLowerCase(java.util.Locale.ROOT) + "\",\"version\":\"" + version
                + "\",\"uptimeSeconds\":" + uptime + ",\"openSessions\":" + open + "}\n";
        respond(exchange, now == Status.SERVING ? 200 : 503, "application/json", body);
    }

    private void metrics(HttpExchange exchange) throws IOException {
        respond(exchange, 200, "text/plain; version=0.0.4; charset=utf-8", metrics.scrape());
    }

    private static void respond(HttpExchange exchange, int code, String contentType, String body) throws IOException {
        try (exchange) {
            if (!exchange.getRequestMethod().equals("GET") && !exchange.getRequestMethod().equals("HEAD")) {
                exchange.sendResponseHeaders(405, -1);
                return;
            }
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", contentType);
            boolean head = exchange.getRequestMethod().equals("HEAD");
            exchange.sendResponseHeaders(code, head ? -1 : bytes.length);
            if (!head) {
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(bytes);
                }
            }
        }
    }

    @Override
    public void close() {
        http.stop(0);
        thread.shutdownNow();
    }
}

package io.basalt.server.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.basalt.server.net.WireServer;
import io.basalt.server.testing.TestServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The admin port over real HTTP beside a real SQL port: /health follows the node's life
 * (starting 503, serving 200, stopping 503) and /metrics counts what clients did.
 */
class AdminPortTest {
    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void healthFollowsTheNodeAndMetricsCountWhatClientsDid() throws Exception {
        try (ServerMetrics metrics = new ServerMetrics();
             AdminServer admin = AdminServer.start("127.0.0.1", 0, metrics)) {
            assertThat(get(admin, "/health").statusCode()).isEqualTo(503);
            assertThat(get(admin, "/health").body()).contains("\"status\":\"starting\"");

            WireServer server = WireServer.start(TestServer.inMemoryOptions(), metrics);
            try {
                metrics.bind(server);
                admin.serving(server);
                String url = TestServer.freshDatabaseUrl(server);
                try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
                    s.execute("CREATE TABLE t (id INT PRIMARY KEY, v VARCHAR(10))");
                    try (PreparedStatement insert = c.prepareStatement("INSERT INTO t VALUES (?, 'x')")) {
                        for (int i = 0; i < 5; i++) {
                            insert.setInt(1, i);
                            insert.executeUpdate();
                        }
                    }
                    s.executeQuery("SELECT * FROM t WHERE id = 1").close();
                    catchThrowableOfType(SQLException.class, () -> s.execute("SELECT * FROM missing"));

                    HttpResponse<String> health = get(admin, "/health");
                    assertThat(health.statusCode()).isEqualTo(200);
                    assertThat(health.body()).contains("\"status\":\"serving\"", "\"openSessions\":1", "\"version\":\"Basalt ");
                }
                catchThrowableOfType(SQLException.class, () -> DriverManager.getConnection(
                        TestServer.baseUrl(server, "x") + "?user=admin&password=wrong").close());

                HttpResponse<String> scrape = get(admin, "/metrics");
                assertThat(scrape.statusCode()).isEqualTo(200);
                assertThat(scrape.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith("text/plain"));
                String text = scrape.body();
                assertThat(value(text, "basalt_connections_accepted_total")).isEqualTo(2);
                assertThat(value(text, "basalt_authentication_failures_total")).isEqualTo(1);
                assertThat(value(text, "basalt_statements_seconds_count{kind=\"insert\",outcome=\"ok\"}")).isEqualTo(5);
                assertThat(value(text, "basalt_statements_seconds_count{kind=\"ddl\",outcome=\"ok\"}")).isEqualTo(1);
                assertThat(value(text, "basalt_statements_seconds_count{kind=\"select\",outcome=\"error\"}")).isEqualTo(1);
                assertThat(value(text, "basalt_transactions_committed_total{phase=\"one_phase\"}")).isGreaterThanOrEqualTo(5);
                assertThat(value(text, "basalt_plan_cache_misses_total")).isGreaterThan(0);
                assertThat(text).contains("basalt_statements_seconds_bucket{kind=\"insert\",outcome=\"ok\",le=",
                        "basalt_connections_open ", "basalt_plan_cache_hits_total", "jvm_memory_used_bytes",
                        "jvm_gc_live_data_size_bytes", "process_uptime_seconds");

                admin.stopping();
                assertThat(get(admin, "/health").statusCode()).isEqualTo(503);
                assertThat(get(admin, "/health").body()).contains("\"status\":\"stopping\"");
            } finally {
                server.close();
            }
        }
    }

    private HttpResponse<String> get(AdminServer admin, String path) throws Exception {
        URI uri = URI.create("http://127.0.0.1:" + admin.port() + path);
        return http.send(HttpRequest.newBuilder(uri).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The value of the sample {@code series} (name and labels exactly as exposed). */
    private static double value(String exposition, String series) {
        Matcher m = Pattern.compile("(?m)^" + Pattern.quote(series) + " (\\S+)$").matcher(exposition);
        assertThat(m.find()).as("sample %s in%n%s", series, exposition).isTrue();
        return Double.parseDouble(m.group(1));
    }
}

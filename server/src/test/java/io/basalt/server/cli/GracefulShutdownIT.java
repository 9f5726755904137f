package io.basalt.server.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code basalt start} in a real child process, stopped with SIGTERM ({@link Process#destroy()}):
 * the shutdown hook rolls back the open transaction, closes the store cleanly, and a second process on
 * the same data directory finds every committed row and none of the uncommitted ones.
 */
class GracefulShutdownIT {
    private static final String PASSWORD = "shutdown-test-pw";
    private static final Pattern LISTENING = Pattern.compile("listening on 127\\.0\\.0\\.1:(\\d+)");
    private static final Pattern ADMIN = Pattern.compile("Admin port on http://127\\.0\\.0\\.1:(\\d+)/");

    @TempDir
    Path directory;

    /** A started server process, its ports, and where its stderr goes. */
    private record Node(Process process, int port, int adminPort, Path stderr) {
        String url() {
            return "jdbc:basalt://127.0.0.1:" + port + "/?user=admin&password=" + PASSWORD;
        }
    }

    private Node start(Path data, String name) throws Exception {
        Path stderr = directory.resolve(name + ".err");
        Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-cp", System.getProperty("java.class.path"), BasaltCli.class.getName(), "start",
                "--data-dir", data.toString(), "--port", "0", "--admin-port", "0", "--admin-password", PASSWORD)
                .redirectError(stderr.toFile())
                .start();
        BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        List<String> seen = new ArrayList<>();
        int port = -1;
        int adminPort = -1;
        // readLine blocks until the child prints or exits; both lines come right after the start.
        while (adminPort < 0) {
            String line = out.readLine();
            if (line == null) {
                break;
            }
            seen.add(line);
            Matcher sql = LISTENING.matcher(line);
            Matcher admin = ADMIN.matcher(line);
            if (sql.find()) {
                port = Integer.parseInt(sql.group(1));
            } else if (admin.find()) {
                adminPort = Integer.parseInt(admin.group(1));
            }
        }
        assertThat(adminPort).as("server output %s, stderr %s", seen, Files.readString(stderr)).isPositive();
        return new Node(process, port, adminPort, stderr);
    }

    private static void stop(Node node) throws Exception {
        node.process().destroy(); // SIGTERM
        assertThat(node.process().waitFor(60, TimeUnit.SECONDS)).as("stopped within 60 s").isTrue();
        // 143 = 128 + SIGTERM: the JVM ran its shutdown hooks and exited on the signal.
        assertThat(node.process().exitValue()).isEqualTo(143);
        assertThat(Files.readString(node.stderr())).as("stderr").doesNotContain("Exception", "ERROR");
    }

    @Test
    void sigtermKeepsCommittedDataAndRollsBackOpenTransactions() throws Exception {
        Path data = directory.resolve("data");
        Node first = start(data, "first");
        try {
            HttpResponse<String> health = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + first.adminPort() + "/health")).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(health.statusCode()).isEqualTo(200);

            Connection open = DriverManager.getConnection(first.url());
            try (Connection c = DriverManager.getConnection(first.url()); Statement s = c.createStatement()) {
                s.execute("CREATE TABLE kept (id INT PRIMARY KEY, v VARCHAR(20))");
                for (int i = 0; i < 50; i++) {
                    s.execute("INSERT INTO kept VALUES (" + i + ", 'committed')");
                }
                c.setAutoCommit(false);
                s.execute("UPDATE kept SET v = 'batch' WHERE id < 10");
                c.commit();
            }
            open.setAutoCommit(false);
            try (Statement s = open.createStatement()) {
                s.execute("INSERT INTO kept VALUES (1000, 'uncommitted')");
                s.execute("UPDATE kept SET v = 'uncommitted' WHERE id = 20");
            }

            stop(first);

            SQLException gone = catchThrowableOfType(SQLException.class, () -> open.createStatement().execute("SELECT 1"));
            assertThat(gone.getSQLState()).startsWith("08");
            open.close();
        } finally {
            first.process().destroyForcibly();
        }

        Node second = start(data, "second");
        try (Connection c = DriverManager.getConnection(second.url()); Statement s = c.createStatement()) {
            try (ResultSet r = s.executeQuery("SELECT count(*), sum(CASE WHEN v = 'batch' THEN 1 ELSE 0 END),"
                    + " sum(CASE WHEN v = 'uncommitted' THEN 1 ELSE 0 END) FROM kept")) {
                assertThat(r.next()).isTrue();
                assertThat(r.getLong(1)).as("rows").isEqualTo(50);
                assertThat(r.getLong(2)).as("rows of the committed transaction").isEqualTo(10);
                assertThat(r.getLong(3)).as("rows of the open transaction").isZero();
            }
        } finally {
            stop(second);
            second.process().destroyForcibly();
        }
    }
}

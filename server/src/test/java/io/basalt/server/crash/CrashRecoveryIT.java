package io.basalt.server.crash;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kills a process that is writing to a file database with SIGKILL and reopens the database:
 * everything whose commit was acknowledged is there (durability), no half of a transaction is
 * (atomicity: the never-committed transaction and every half-done transfer are gone), and the
 * database accepts writes again.
 */
class CrashRecoveryIT {
    private static final int COMMITS_BEFORE_KILL = 300;

    @Test
    void killedWriterLosesNothingCommittedAndLeavesNothingHalfDone(@TempDir Path dir) throws Exception {
        Path data = dir.resolve("db");
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-cp", System.getProperty("java.class.path"), CrashingWorkload.class.getName(),
                data.toString())
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        Set<Long> acknowledged = new HashSet<>();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = out.readLine(); line != null; line = out.readLine()) {
                if (line.startsWith("committed ")) {
                    acknowledged.add(Long.parseLong(line.substring("committed ".length())));
                    if (acknowledged.size() == COMMITS_BEFORE_KILL) {
                        child.destroyForcibly(); // SIGKILL: no shutdown hooks, no flush, no close
                        break;
                    }
                }
            }
        } finally {
            child.destroyForcibly();
            assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(acknowledged).hasSize(COMMITS_BEFORE_KILL);

        try (Connection connection = DriverManager.getConnection("jdbc:basalt:file:" + data);
             Statement statement = connection.createStatement()) {
            Set<Long> stored = new HashSet<>();
            try (ResultSet rows = statement.executeQuery("SELECT id FROM log")) {
                while (rows.next()) {
                    stored.add(rows.getLong(1));
                }
            }
            assertThat(stored).containsAll(acknowledged);
            assertThat(stored).allMatch(id -> id > 0, "no row of the never-committed transaction");
            try (ResultSet rows = statement.executeQuery("SELECT COUNT(*), SUM(balance) FROM account")) {
                assertThat(rows.next()).isTrue();
                assertThat(rows.getInt(1)).isEqualTo(CrashingWorkload.ACCOUNTS);
                assertThat(rows.getLong(2)).isEqualTo(CrashingWorkload.ACCOUNTS * CrashingWorkload.INITIAL_BALANCE);
            }
            assertThat(statement.executeUpdate("UPDATE account SET balance = balance + 1 WHERE id = 0")).isEqualTo(1);
            assertThat(statement.executeUpdate("INSERT INTO log VALUES (-1, 'after restart')")).isEqualTo(1);
        }
    }
}

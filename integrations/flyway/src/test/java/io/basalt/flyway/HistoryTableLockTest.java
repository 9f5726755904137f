package io.basalt.flyway;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The lock row in the schema history table keeps concurrent Flyway runs apart and does not outlive a
 * dead one. A lock that never frees would make Flyway wait forever, hence the timeouts.
 */
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class HistoryTableLockTest {
    @TempDir
    Path directory;

    private String url() {
        return "jdbc:basalt:file:" + directory.resolve("db");
    }

    private Flyway flyway() {
        return Flyway.configure().dataSource(url(), null, null).locations("classpath:db/migration").load();
    }

    @Test
    void twoConcurrentMigrationsApplyEachVersionOnce() throws Exception {
        // The history table exists first (a run with no migrations creates it), so both runs take the
        // lock rather than race to create the table.
        Flyway.configure().dataSource(url(), null, null).locations("classpath:db/none").load().migrate();
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Future<Integer> first = pool.submit(() -> flyway().migrate().migrationsExecuted);
            Future<Integer> second = pool.submit(() -> flyway().migrate().migrationsExecuted);

            assertThat(first.get(2, TimeUnit.MINUTES) + second.get(2, TimeUnit.MINUTES)).isEqualTo(2);
        } finally {
            pool.shutdownNow();
        }
        assertThat(column("SELECT \"version\" FROM \"flyway_schema_history\" ORDER BY \"installed_rank\""))
                .containsExactly("1", "2");
    }

    @Test
    void aLockLeftByADeadProcessExpires() throws Exception {
        flyway().migrate();
        try (Connection connection = DriverManager.getConnection(url());
             Statement statement = connection.createStatement()) {
            statement.execute("INSERT INTO \"flyway_schema_history\" (\"installed_rank\", \"version\", \"description\","
                    + " \"type\", \"script\", \"checksum\", \"installed_by\", \"installed_on\", \"execution_time\","
                    + " \"success\") VALUES (-100, 'dead', 'flyway-lock', '', '', 0, '', TIMESTAMP '2000-01-01 00:00:00',"
                    + " 0, TRUE)");
        }

        assertThat(flyway().migrate().migrationsExecuted).isZero();

        assertThat(column("SELECT \"version\" FROM \"flyway_schema_history\" WHERE \"installed_rank\" < 0")).isEmpty();
    }

    private List<String> column(String sql) throws SQLException {
        try (Connection connection = DriverManager.getConnection(url());
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(sql)) {
            List<String> values = new ArrayList<>();
            while (rows.next()) {
                values.add(rows.getString(1));
            }
            return values;
        }
    }
}

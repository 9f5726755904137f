package io.basalt.flyway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.output.MigrateResult;
import org.flywaydb.core.api.output.ValidateResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Flyway migrating a file database through this plugin: apply, look, re-run, fail, repair, clean.
 * The scripts are in src/test/resources: db/migration (V1, V2) and db/failing (V3).
 */
class FlywayMigrationTest {
    private static final String MIGRATIONS = "classpath:db/migration";
    private static final String FAILING = "classpath:db/failing";

    @TempDir
    Path directory;

    private String url() {
        return "jdbc:basalt:file:" + directory.resolve("db");
    }

    private Flyway flyway(String... locations) {
        return Flyway.configure().dataSource(url(), null, null).locations(locations).cleanDisabled(false).load();
    }

    @Test
    void migrateAppliesBothVersionsOnceAndInfoShowsThem() throws SQLException {
        MigrateResult first = flyway(MIGRATIONS).migrate();

        assertThat(first.success).isTrue();
        assertThat(first.migrationsExecuted).isEqualTo(2);
        assertThat(first.databaseType).isEqualTo("Basalt");
        assertThat(applied(flyway(MIGRATIONS).info().all())).containsExactly("1 Success", "2 Success");
        assertThat(query("SELECT name, tier FROM customer ORDER BY id")).containsExactly("ada basic", "bob basic");
        assertThat(query("SELECT id, customer_id FROM purchase")).containsExactly("1000 1");

        MigrateResult second = flyway(MIGRATIONS).migrate();

        assertThat(second.migrationsExecuted).isZero();
        assertThat(second.initialSchemaVersion).isEqualTo("2");
        assertThat(query("SELECT COUNT(*) FROM customer")).containsExactly("2");
    }

    @Test
    void aFailingMigrationReportsItsSqlStateAndRepairLeavesAValidHistory() throws SQLException {
        flyway(MIGRATIONS).migrate();

        Throwable failure = catchThrowable(() -> flyway(MIGRATIONS, FAILING).migrate());

        assertThat(sqlStateOf(failure)).isEqualTo("23503");
        assertThat(applied(flyway(MIGRATIONS, FAILING).info().all()))
                .containsExactly("1 Success", "2 Success", "3 Failed");
        // No transaction to roll back: the statement before the failing one stays applied.
        assertThat(query("SELECT name FROM customer WHERE id = 3")).containsExactly("cy");
        ValidateResult invalid = flyway(MIGRATIONS, FAILING).validateWithResult();
        assertThat(invalid.validationSuccessful).isFalse();
        assertThat(invalid.getAllErrorMessages()).contains("failed migration to version 3");

        flyway(MIGRATIONS).repair();

        assertThat(flyway(MIGRATIONS).validateWithResult().validationSuccessful).isTrue();
        assertThat(applied(flyway(MIGRATIONS).info().all())).containsExactly("1 Success", "2 Success");
        assertThat(query("SELECT COUNT(*) FROM \"flyway_schema_history\"")).containsExactly("2");
    }

    @Test
    void cleanDropsTablesIndexesAndSequencesAndMigrateStartsOver() throws SQLException {
        flyway(MIGRATIONS).migrate();
        assertThat(query("SELECT TABLE_NAME FROM BASALT_CATALOG.TABLES WHERE TABLE_SCHEMA = 'PUBLIC'"
                + " ORDER BY TABLE_NAME")).containsExactly("CUSTOMER", "PURCHASE", "flyway_schema_history");

        flyway(MIGRATIONS).clean();

        assertThat(query("SELECT TABLE_NAME FROM BASALT_CATALOG.TABLES WHERE TABLE_SCHEMA = 'PUBLIC'")).isEmpty();
        assertThat(query("SELECT SEQUENCE_NAME FROM BASALT_CATALOG.SEQUENCES")).isEmpty();
        assertThat(flyway(MIGRATIONS).migrate().migrationsExecuted).isEqualTo(2);
    }

    @Test
    void theHistoryTableHasAPrimaryKeyAndAnIndexOnSuccess() throws SQLException {
        flyway(MIGRATIONS).migrate();

        assertThat(query("SELECT INDEX_NAME, IS_PRIMARY_KEY FROM BASALT_CATALOG.INDEXES"
                + " WHERE TABLE_NAME = 'flyway_schema_history' ORDER BY INDEX_NAME"))
                .containsExactly("flyway_schema_history_pkey true", "flyway_schema_history_s_idx false");
        // The lock row (installed_rank -100) is gone once Flyway is done.
        assertThat(query("SELECT COUNT(*) FROM \"flyway_schema_history\" WHERE \"installed_rank\" < 0"))
                .containsExactly("0");
    }

    private static List<String> applied(MigrationInfo[] migrations) {
        return Arrays.stream(migrations).map(m -> m.getVersion() + " " + m.getState().getDisplayName()).toList();
    }

    private static String sqlStateOf(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql) {
                return sql.getSQLState();
            }
        }
        return null;
    }

    /** Rows as their columns joined by spaces. */
    private List<String> query(String sql) throws SQLException {
        try (Connection connection = DriverManager.getConnection(url());
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(sql)) {
            List<String> result = new ArrayList<>();
            int columns = rows.getMetaData().getColumnCount();
            while (rows.next()) {
                List<String> values = new ArrayList<>();
                for (int i = 1; i <= columns; i++) {
                    values.add(String.valueOf(rows.getObject(i)));
                }
                result.add(String.join(" ", values));
            }
            return result;
        }
    }
}

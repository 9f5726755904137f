package io.basalt.bench.tpcc;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The same workload on H2, in memory: the plain-SQL DDL, the loader and the five transactions
 * must run unchanged on a database that is not Basalt, and a broken database must be caught.
 */
class TpccH2Test {
    @TempDir
    Path results;

    @Test
    void theWorkloadRunsUnchangedOnH2() throws Exception {
        String url = "jdbc:h2:mem:tpcc-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
        RunResult result = run(url, true);

        RunSummary summary = result.summary();
        assertThat(result.database()).startsWith("H2");
        assertThat(summary.consistencyViolations()).isEmpty();
        assertThat(summary.unexpected()).isEmpty();
        assertThat(summary.types()).allSatisfy(type -> assertThat(type.count()).as(type.type()).isPositive());
        assertThat(summary.exitStatus()).isZero();
        try (Connection connection = DriverManager.getConnection(url); Statement statement = connection.createStatement()) {
            statement.execute("SHUTDOWN");
        }
    }

    @Test
    void aRunOnABrokenDatabaseReportsTheViolationAndFails() throws Exception {
        String url = "jdbc:h2:mem:tpcc-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
        try (Connection connection = DriverManager.getConnection(url)) {
            TpccSchema.create(connection, SqlDialect.H2);
            TpccLoader.load(connection, new TpccScale(1, 2, 20, 100), 1);
            try (Statement statement = connection.createStatement()) {
                // Condition 1: the warehouse's YTD no longer matches its districts'.
                statement.executeUpdate("UPDATE warehouse SET w_ytd = w_ytd + 1");
            }
        }
        RunResult result = run(url, false); // --no-load: reuse what is there, scale read from the tables

        assertThat(result.config().customersPerDistrict()).isEqualTo(20);
        assertThat(result.config().districtsPerWarehouse()).isEqualTo(2);
        assertThat(result.summary().consistencyViolations()).singleElement().asString().startsWith("1:");
        assertThat(result.summary().exitStatus()).isEqualTo(2);
        assertThat(ConsoleReport.summary(result)).contains("CONSISTENCY VIOLATED");
        try (Connection connection = DriverManager.getConnection(url); Statement statement = connection.createStatement()) {
            statement.execute("SHUTDOWN");
        }
    }

    @Test
    void theStandardDdlHasNoBasaltClauses() {
        assertThat(TpccSchema.ddl(SqlDialect.H2)).noneMatch(ddl -> ddl.contains("PARTITION") || ddl.endsWith("LOCAL"));
        assertThat(TpccSchema.ddl(SqlDialect.BASALT)).anyMatch(ddl -> ddl.endsWith("PARTITION BY HASH (w_id)"))
                .anyMatch(ddl -> ddl.endsWith("LOCAL"));
        assertThat(TpccSchema.ddl(SqlDialect.POSTGRESQL)).isEqualTo(TpccSchema.ddl(SqlDialect.H2));
        assertThat(SqlDialect.fromUrl("jdbc:postgresql://127.0.0.1:5432/tpcc")).isEqualTo(SqlDialect.POSTGRESQL);
    }

    private RunResult run(String url, boolean load) throws Exception {
        RunConfig config = new RunConfig(url, null, 2, 3, 30, 300, 4, 1, 4, "SERIALIZABLE", load, 2, 200, false, 10, 9);
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        return new TpccRunner(config, null, new PrintStream(captured, true, StandardCharsets.UTF_8)).run();
    }
}

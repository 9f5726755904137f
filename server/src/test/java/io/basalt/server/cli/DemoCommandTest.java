package io.basalt.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * The README's first command, {@code ./basalt demo}, run in-process on a fresh in-memory
 * database: concurrent transfers at the default isolation (retrying 40001 and 40P01 as a client
 * must), then the queries, EXPLAIN and error sections, and the check that the total is unchanged.
 */
class DemoCommandTest {

    @Test
    void demoRunsToTheEndAndKeepsTheTotal() {
        PrintStream original = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        int exitCode;
        try {
            System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
            exitCode = new CommandLine(new BasaltCli()).execute("demo", "--no-prompt",
                    "--url", "jdbc:basalt:mem:demo-" + UUID.randomUUID(), "--threads", "4", "--transfers", "100");
        } finally {
            System.setOut(original);
        }
        String output = captured.toString(StandardCharsets.UTF_8);

        assertThat(exitCode).as("exit code; output:%n%s", output).isZero();
        assertThat(output).contains("400 transfers committed", "the total is still 20000.00", "Done.");
        assertThat(output).as("the EXPLAIN after CREATE INDEX").contains("index range scan ACCOUNT_OWNER (global)");
    }
}

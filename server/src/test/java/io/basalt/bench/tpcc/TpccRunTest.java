package io.basalt.bench.tpcc;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code basalt tpcc} end to end on the embedded engine, through the picocli command as users
 * run it: a short bounded run must keep the database consistent, have no unexpected errors, and
 * write result files that parse. Speed is not asserted: the machine running tests is shared.
 */
class TpccRunTest {
    @TempDir
    Path results;

    @Test
    void aShortRunOnTheEmbeddedEngineStaysConsistentAndWritesItsFiles() throws Exception {
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        TpccCommand command = new TpccCommand(new PrintStream(captured, true, StandardCharsets.UTF_8));
        int status = new CommandLine(command).execute("--url", "jdbc:basalt:mem:" + UUID.randomUUID(),
                "--terminals", "3", "--warmup", "2", "--duration", "10", "--customers", "30", "--items", "500",
                "--loader-threads", "2", "--result-dir", results.toString());
        String output = captured.toString(StandardCharsets.UTF_8);

        assertThat(status).as(output).isZero();
        assertThat(output).contains("tpmC-like").contains("conditions hold").contains("unexpected errors:      none");
        List<Path> files;
        try (var listing = Files.list(results)) {
            files = listing.sorted().toList();
        }
        assertThat(files).hasSize(2);
        Path json = files.stream().filter(f -> f.toString().endsWith(".json")).findFirst().orElseThrow();
        Path html = files.stream().filter(f -> f.toString().endsWith(".html")).findFirst().orElseThrow();
        assertThat(output).contains(json.toAbsolutePath().toString()).contains(html.toAbsolutePath().toString());

        JsonNode result = new ObjectMapper().readTree(json.toFile());
        assertThat(result.at("/config/terminals").asInt()).isEqualTo(3);
        assertThat(result.at("/series")).hasSize(12);
        assertThat(result.at("/series/0/warmup").asBoolean()).isTrue();
        assertThat(result.at("/series/11/warmup").asBoolean()).isFalse();
        assertThat(result.at("/summary/consistencyViolations")).isEmpty();
        assertThat(result.at("/summary/unexpected")).isEmpty();
        assertThat(result.at("/summary/types/0/type").asText()).isEqualTo("NewOrder");
        assertThat(result.at("/summary/types/0/count").asLong()).as("New-Orders measured").isPositive();
        assertThat(result.at("/summary/tpmC").asDouble()).isPositive();
        assertThat(new ResultWriter().read(json).summary().types()).hasSize(TxnType.values().length);

        assertThat(DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(html.toFile())
                .getElementsByTagName("svg").getLength()).isEqualTo(3);
    }

    @Test
    void theCommandIsRegisteredWithTheBasaltCli() {
        CommandLine cli = new CommandLine(new io.basalt.server.cli.BasaltCli());
        assertThat(cli.getSubcommands()).containsKey("tpcc");
        TpccCommand parsed = cli.getSubcommands().get("tpcc").getCommand();
        cli.parseArgs("tpcc", "--warehouses", "3", "--terminals", "12", "--isolation", "READ_COMMITTED", "--no-load",
                "--full-scale");
        RunConfig config = parsed.config();
        assertThat(config.warehouses()).isEqualTo(3);
        assertThat(config.terminals()).isEqualTo(12);
        assertThat(config.isolation()).isEqualTo("READ_COMMITTED");
        assertThat(config.load()).isFalse();
        assertThat(config.scale()).isEqualTo(TpccScale.standard(3));
    }
}

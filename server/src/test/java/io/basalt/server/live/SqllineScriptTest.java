package io.basalt.server.live;

import static org.assertj.core.api.Assertions.assertThat;

import io.basalt.server.cli.BasaltCli;
import io.basalt.server.testing.TestServer;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code basalt sql <jdbc:basalt://...> -f script.sql}: sqlline runs a script against a live server, non-interactively. */
class SqllineScriptTest {
    @TempDir
    Path directory;

    @Test
    void runsAScriptAgainstALiveServer() throws Exception {
        Path script = Files.writeString(directory.resolve("script.sql"), """
                CREATE TABLE city (id INT PRIMARY KEY, name VARCHAR(40), people INT);
                INSERT INTO city VALUES (1, 'Reykjavik', 139875), (2, 'Akureyri', 19893);
                UPDATE city SET people = people + 1 WHERE id = 2;
                SELECT name, people FROM city ORDER BY id;
                """);
        String url = TestServer.freshDatabaseUrl(TestServer.shared());
        PrintStream original = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        int exitCode;
        try {
            System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
            exitCode = BasaltCli.commandLine().execute("sql", url, "-f", script.toString());
        } finally {
            System.setOut(original);
        }
        String output = captured.toString(StandardCharsets.UTF_8);
        assertThat(exitCode).as(output).isZero();
        assertThat(output).containsPattern("\\| *Reykjavik *\\| *139875 *\\|")
                .containsPattern("\\| *Akureyri *\\| *19894 *\\|")
                .containsPattern("\\| *NAME *\\| *PEOPLE *\\|");
    }
}

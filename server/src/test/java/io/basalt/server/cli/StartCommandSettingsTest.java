package io.basalt.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code basalt start}'s settings: a config file and flags, and the one-line error with exit code 2
 * for anything bad in either; a port in use is one clear line too. Only failing starts run here (a
 * successful one serves until SIGTERM: {@code GracefulShutdownIT} starts real ones).
 */
class StartCommandSettingsTest {
    @TempDir
    Path directory;

    private record Run(int exitCode, String err) {
    }

    private Run start(String... args) {
        PrintStream originalErr = System.err;
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        try {
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            String[] all = new String[args.length + 1];
            all[0] = "start";
            System.arraycopy(args, 0, all, 1, args.length);
            CommandLine cli = BasaltCli.commandLine();
            cli.setErr(new PrintWriter(System.err, true));
            return new Run(cli.execute(all), err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setErr(originalErr);
        }
    }

    private Path config(String text) throws Exception {
        return Files.writeString(directory.resolve("basalt.conf"), text);
    }

    private static void assertOneLine(Run run, int exitCode, String... parts) {
        assertThat(run.exitCode()).as(run.err()).isEqualTo(exitCode);
        assertThat(run.err().strip()).doesNotContain("\n").doesNotContain("Exception").contains(parts);
    }

    @Test
    void badFlagValueIsOneLineAndExitCode2() {
        assertOneLine(start("--port", "fifty"), 2, "basalt start:", "'fifty' is not an int");
    }

    @Test
    void outOfRangeFlagIsOneLineAndExitCode2() {
        assertOneLine(start("--port", "70000"), 2, "--port must be between 0 and 65535");
        assertOneLine(start("--max-connections", "0"), 2, "--max-connections must be at least 1");
    }

    @Test
    void badValueInTheFileNamesTheFile() throws Exception {
        Path file = config("# a node\nport = 5470\nmax-frame-size = big\n");
        assertOneLine(start("--config", file.toString()), 2, file.toString(), "--max-frame-size", "'big'");
    }

    @Test
    void unknownSettingInTheFileIsAnError() throws Exception {
        Path file = config("max-conections = 10\n");
        assertOneLine(start("--config", file.toString()), 2, "unknown setting 'max-conections'", "max-connections");
    }

    @Test
    void missingFileIsOneLine() {
        assertOneLine(start("--config", directory.resolve("nope.conf").toString()), 2, "cannot read the config file");
    }

    @Test
    void flagsWinOverTheFile() throws Exception {
        // The file's port is fine, the flag's is out of range: the error proves the flag won.
        Path file = config("port = 5470\nmax-connections = 0\n");
        assertOneLine(start("--config", file.toString(), "--max-connections", "5", "--port", "99999"), 2,
                "--port must be between 0 and 65535, not 99999");
        // And the file's value is used when no flag overrides it.
        assertOneLine(start("--config", file.toString()), 2, "--max-connections must be at least 1, not 0");
    }

    @Test
    void portInUseIsOneClearLine() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            Run run = start("--data-dir", directory.resolve("data").toString(), "--admin-password", "pw",
                    "--admin-port", "-1", "--port", "" + taken.getLocalPort());
            assertOneLine(run, 1, "cannot listen on 127.0.0.1:" + taken.getLocalPort(), "choose another port");
        }
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            Run run = start("--data-dir", directory.resolve("data").toString(), "--admin-password", "pw",
                    "--admin-port", "" + taken.getLocalPort(), "--port", "0");
            assertOneLine(run, 1, "cannot listen on 127.0.0.1:" + taken.getLocalPort());
        }
    }
}

package io.basalt.server.cli;

import io.basalt.common.error.BasaltException;
import io.basalt.jdbc.wire.WireProtocol;
import io.basalt.server.admin.AdminServer;
import io.basalt.server.admin.ServerMetrics;
import io.basalt.server.net.WireServer;
import io.basalt.server.net.WireServerOptions;
import java.io.IOException;
import java.net.BindException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code basalt start}: a node process serving its data directory over the wire protocol until it is
 * stopped, with an admin HTTP port for {@code /health} and {@code /metrics}.
 *
 * <p>Settings come from flags and, with {@code --config FILE}, from a file of {@code name = value} lines
 * that use the flags' names ({@link StartConfig}); a flag given on the command line wins over the file.
 * A bad setting is one line on stderr and exit code 2, as picocli does for bad flags.
 *
 * <p>SIGTERM (or Ctrl-C) runs the shutdown hook: {@code /health} turns 503, the SQL port stops
 * accepting, each session's running request may finish (bounded by {@link WireServer#close()}), every
 * session is closed (rolling back open transactions; committed ones are already durable), the store is
 * closed, and last the admin port.
 */
@Command(name = "start", mixinStandardHelpOptions = true,
        description = "Run a Basalt node: serve a data directory to JDBC clients (jdbc:basalt://host:port/).")
final class StartCommand implements Callable<Integer> {
    static final int DEFAULT_ADMIN_PORT = 5471;

    @Option(names = "--config", description = "A file of name = value lines with these options' names"
            + " (without --); options given on the command line win.")
    Path config;

    @Option(names = "--data-dir", defaultValue = "basalt-data", description = "Data directory (default: ${DEFAULT-VALUE}).")
    Path dataDirectory;

    @Option(names = "--host", defaultValue = WireServerOptions.DEFAULT_HOST,
            description = "Address to listen on (default: ${DEFAULT-VALUE}; 0.0.0.0 for every interface).")
    String host;

    @Option(names = "--port", defaultValue = "" + WireProtocol.DEFAULT_PORT, description = "SQL port (default: ${DEFAULT-VALUE}).")
    int port;

    @Option(names = "--admin-host", defaultValue = WireServerOptions.DEFAULT_HOST,
            description = "Address of the admin HTTP port (default: ${DEFAULT-VALUE}).")
    String adminHost;

    @Option(names = "--admin-port", defaultValue = "" + DEFAULT_ADMIN_PORT,
            description = "Admin HTTP port for /health and /metrics (default: ${DEFAULT-VALUE}; -1 for none).")
    int adminPort;

    @Option(names = "--admin-password", description = "Password of the bootstrap user 'admin', used only when the"
            + " database has no users yet (default: the BASALT_ADMIN_PASSWORD environment variable).")
    String adminPassword;

    @Option(names = "--max-connections", defaultValue = "1000", description = "Connection limit (default: ${DEFAULT-VALUE}).")
    int maxConnections;

    @Option(names = "--max-frame-size", defaultValue = "" + WireProtocol.DEFAULT_SERVER_MAX_FRAME,
            description = "Largest frame a client may send, in bytes (default: ${DEFAULT-VALUE}).")
    int maxFrameBytes;

    @Option(names = "--auth-failure-delay-ms", defaultValue = "1000", hidden = true)
    long authFailureDelayMillis;

    @Option(names = "--idle-session-timeout", defaultValue = "0", description = "Close a connection idle this many"
            + " seconds outside a transaction (57P05); 0: never (default).")
    long idleSessionTimeoutSeconds;

    @Option(names = "--idle-in-transaction-session-timeout", defaultValue = "0", description = "Close a connection"
            + " idle this many seconds inside a transaction, rolling it back (25P03); 0: never (default).")
    long idleInTransactionTimeoutSeconds;

    @Option(names = "--tls-cert", description = "PEM certificate chain: the SQL port then speaks TLS only (with --tls-key).")
    Path tlsCertificate;

    @Option(names = "--tls-key", description = "PEM private key (unencrypted PKCS#8) of --tls-cert.")
    Path tlsKey;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws InterruptedException {
        if (config != null) {
            StartCommand merged;
            try {
                // originalArgs() is the whole command line, "basalt" options and "start" included.
                List<String> args = spec.commandLine().getParseResult().originalArgs();
                merged = StartConfig.merge(config, args.subList(args.indexOf(spec.name()) + 1, args.size()));
            } catch (StartConfig.BadConfig e) {
                return usageError(e.getMessage());
            }
            return merged.serve();
        }
        return serve();
    }

    private Integer serve() throws InterruptedException {
        String invalid = invalidSetting();
        if (invalid != null) {
            return usageError(invalid);
        }
        String password = adminPassword != null ? adminPassword : System.getenv("BASALT_ADMIN_PASSWORD");
        WireServerOptions options = WireServerOptions.of(host, port, dataDirectory, password)
                .withMaxConnections(maxConnections)
                .withMaxFrameBytes(maxFrameBytes)
                .withAuthFailureDelay(Duration.ofMillis(authFailureDelayMillis))
                .withIdleTimeouts(Duration.ofSeconds(idleSessionTimeoutSeconds), Duration.ofSeconds(idleInTransactionTimeoutSeconds));
        if ((tlsCertificate == null) != (tlsKey == null)) {
            System.err.println("basalt start: --tls-cert and --tls-key go together");
            return 2;
        }
        if (tlsCertificate != null) {
            options = options.withTls(new WireServerOptions.Tls(tlsCertificate, tlsKey));
        }
        ServerMetrics metrics = new ServerMetrics();
        AdminServer admin = null;
        WireServer server;
        String binding = adminHost + ":" + adminPort;
        try {
            if (adminPort >= 0) {
                admin = AdminServer.start(adminHost, adminPort, metrics);
            }
            binding = host + ":" + port;
            server = WireServer.start(options, metrics);
        } catch (BasaltException e) {
            closeQuietly(admin, metrics);
            System.err.println("basalt start: " + e.getMessage() + " [" + e.sqlState().code() + "]");
            return 1;
        } catch (IOException | RuntimeException e) {
            closeQuietly(admin, metrics);
            if (!(e instanceof BindException)) {
                throw e instanceof RuntimeException r ? r : new IllegalStateException(e);
            }
            System.err.println("basalt start: cannot listen on " + binding + ": " + e.getMessage()
                    + " (is another server running there? choose another port)");
            return 1;
        }
        metrics.bind(server);
        CountDownLatch stopped = new CountDownLatch(1);
        AdminServer adminServer = admin;
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                if (adminServer != null) {
                    adminServer.stopping();
                }
                server.close();
            } finally {
                closeQuietly(adminServer, metrics);
                stopped.countDown();
            }
        }, "basalt-shutdown"));
        if (admin != null) {
            admin.serving(server);
        }
        System.out.println("Basalt is listening on " + server.address().getHostString() + ":" + server.port()
                + " (data directory " + dataDirectory.toAbsolutePath().normalize() + ")");
        if (admin != null) {
            System.out.println("Admin port on http://" + admin.address().getHostString() + ":" + admin.port()
                    + "/health and /metrics");
        }
        System.out.flush();
        stopped.await();
        return 0;
    }

    /** The first setting out of range, as a message, or null. */
    private String invalidSetting() {
        if (port < 0 || port > 65535) {
            return "--port must be between 0 and 65535, not " + port;
        }
        if (adminPort < -1 || adminPort > 65535) {
            return "--admin-port must be between 0 and 65535 (or -1 for none), not " + adminPort;
        }
        if (maxConnections < 1) {
            return "--max-connections must be at least 1, not " + maxConnections;
        }
        if (maxFrameBytes < 1024) {
            return "--max-frame-size must be at least 1024 bytes, not " + maxFrameBytes;
        }
        if (authFailureDelayMillis < 0) {
            return "--auth-failure-delay-ms must not be negative";
        }
        return null;
    }

    private static int usageError(String message) {
        System.err.println("basalt start: " + message + " (see basalt start --help)");
        return 2;
    }

    private static void closeQuietly(AdminServer admin, ServerMetrics metrics) {
        if (admin != null) {
            admin.close();
        }
        metrics.close();
    }
}

package io.basalt.server.cli;

import io.basalt.common.error.BasaltException;
import io.basalt.jdbc.wire.WireProtocol;
import io.basalt.server.net.WireServer;
import io.basalt.server.net.WireServerOptions;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code basalt start}: a node process serving its data directory over the wire protocol until it is
 * stopped. SIGTERM (or Ctrl-C) runs the shutdown hook: the server stops accepting, closes every
 * session (rolling back open transactions; committed ones are already durable) and closes the store.
 */
@Command(name = "start", mixinStandardHelpOptions = true,
        description = "Run a Basalt node: serve a data directory to JDBC clients (jdbc:basalt://host:port/).")
final class StartCommand implements Callable<Integer> {

    @Option(names = "--data-dir", defaultValue = "basalt-data", description = "Data directory (default: ${DEFAULT-VALUE}).")
    Path dataDirectory;

    @Option(names = "--host", defaultValue = WireServerOptions.DEFAULT_HOST,
            description = "Address to listen on (default: ${DEFAULT-VALUE}; 0.0.0.0 for every interface).")
    String host;

    @Option(names = "--port", defaultValue = "" + WireProtocol.DEFAULT_PORT, description = "SQL port (default: ${DEFAULT-VALUE}).")
    int port;

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

    @Override
    public Integer call() throws InterruptedException {
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
        WireServer server;
        try {
            server = WireServer.start(options);
        } catch (BasaltException e) {
            System.err.println("basalt start: " + e.getMessage() + " [" + e.sqlState().code() + "]");
            return 1;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                server.close();
            } finally {
                stopped.countDown();
            }
        }, "basalt-shutdown"));
        System.out.println("Basalt is listening on " + server.address().getHostString() + ":" + server.port()
                + " (data directory " + dataDirectory.toAbsolutePath().normalize() + ")");
        System.out.flush();
        stopped.await();
        return 0;
    }
}

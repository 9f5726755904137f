package io.basalt.server.net;

import io.basalt.jdbc.wire.WireProtocol;
import java.nio.file.Path;
import java.time.Duration;

/**
 * How a {@link WireServer} listens and what it serves.
 *
 * @param host the address to bind; 127.0.0.1 unless the operator says otherwise
 * @param port the SQL port, 0 for an ephemeral one (tests)
 * @param dataDirectory the node's database, or null to serve a fresh in-memory database per name (tests)
 * @param adminUser the bootstrap user created in a database without users
 * @param adminPassword its password, or null: a database without users is then refused
 * @param maxFrameBytes the largest frame a client may send
 * @param maxConnections connections beyond this are refused with 53300
 * @param authFailureDelay how long after Startup a failed authentication is answered (constant)
 * @param authTimeout how long a connection may take to authenticate before it is closed
 * @param idleSessionTimeout a connection idle this long outside a transaction is closed (57P05); zero: never
 * @param idleInTransactionTimeout a connection idle this long inside a transaction is closed and its
 *     transaction rolled back (25P03); zero: never
 * @param tls the certificate and key to speak TLS with, or null for plain TCP
 */
public record WireServerOptions(String host, int port, Path dataDirectory, String adminUser, String adminPassword,
                                int maxFrameBytes, int maxConnections, Duration authFailureDelay, Duration authTimeout,
                                Duration idleSessionTimeout, Duration idleInTransactionTimeout, Tls tls) {
    public static final String DEFAULT_HOST = "127.0.0.1";

    /** PEM files: an X.509 certificate chain and its unencrypted PKCS#8 private key. */
    public record Tls(Path certificate, Path privateKey) {
    }

    public WireServerOptions {
        if (maxFrameBytes < 1024 || maxConnections < 1 || authFailureDelay.isNegative() || authTimeout.isNegative()
                || idleSessionTimeout.isNegative() || idleInTransactionTimeout.isNegative()) {
            throw new IllegalArgumentException("bad server limits");
        }
    }

    /** A data-directory server with the default limits. */
    public static WireServerOptions of(String host, int port, Path dataDirectory, String adminPassword) {
        return new WireServerOptions(host, port, dataDirectory, "admin", adminPassword, WireProtocol.DEFAULT_SERVER_MAX_FRAME,
                1000, Duration.ofSeconds(1), Duration.ofSeconds(10), Duration.ZERO, Duration.ZERO, null);
    }

    public WireServerOptions withAuthFailureDelay(Duration delay) {
        return new WireServerOptions(host, port, dataDirectory, adminUser, adminPassword, maxFrameBytes, maxConnections,
                delay, authTimeout, idleSessionTimeout, idleInTransactionTimeout, tls);
    }

    public WireServerOptions withMaxFrameBytes(int bytes) {
        return new WireServerOptions(host, port, dataDirectory, adminUser, adminPassword, bytes, maxConnections,
                authFailureDelay, authTimeout, idleSessionTimeout, idleInTransactionTimeout, tls);
    }

    public WireServerOptions withMaxConnections(int connections) {
        return new WireServerOptions(host, port, dataDirectory, adminUser, adminPassword, maxFrameBytes, connections,
                authFailureDelay, authTimeout, idleSessionTimeout, idleInTransactionTimeout, tls);
    }

    /** Idle-session timeouts (PostgreSQL's idle_session_timeout, idle_in_transaction_session_timeout). */
    public WireServerOptions withIdleTimeouts(Duration outsideTransaction, Duration inTransaction) {
        return new WireServerOptions(host, port, dataDirectory, adminUser, adminPassword, maxFrameBytes, maxConnections,
                authFailureDelay, authTimeout, outsideTransaction, inTransaction, tls);
    }

    /** TLS on the SQL port: every connection must then start with a TLS handshake. */
    public WireServerOptions withTls(Tls files) {
        return new WireServerOptions(host, port, dataDirectory, adminUser, adminPassword, maxFrameBytes, maxConnections,
                authFailureDelay, authTimeout, idleSessionTimeout, idleInTransactionTimeout, files);
    }

    /** Never the password. */
    @Override
    public String toString() {
        return "WireServerOptions[host=" + host + ", port=" + port + ", dataDirectory=" + dataDirectory
                + ", maxFrameBytes=" + maxFrameBytes + ", maxConnections=" + maxConnections + ", tls=" + (tls != null) + "]";
    }
}

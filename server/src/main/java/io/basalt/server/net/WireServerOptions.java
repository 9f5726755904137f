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
 */
public record WireServerOptions(String host, int port, Path dataDirectory, String adminUser, String adminPassword,
                                int maxFrameBytes, int maxConnections, Duration authFailureDelay, Duration authTimeout) {
    public static final String DEFAULT_HOST = "127.0.0.1";

    public WireServerOptions {
        if (maxFrameBytes < 1024 || maxConnections < 1 || authFailureDelay.isNegative() || authTimeout.isNegative()) {
            throw new IllegalArgumentException("bad server limits");
        }
    }

    /** A data-directory server with the default limits. */
    public static WireServerOptions of(String host, int port, Path dataDirectory, String adminPassword) {
        return new WireServerOptions(host, port, dataDirectory, "admin", adminPassword, WireProtocol.DEFAULT_SERVER_MAX_FRAME,
                1000, Duration.ofSeconds(1), Duration.ofSeconds(10));
    }

    public WireServerOptions withAuthFailureDelay(Duration delay) {
        return new WireServerOptions(host, port, dataDirectory, adminUser, adminPassword, maxFrameBytes, maxConnections,
                delay, authTimeout);
    }

    public WireServerOptions withMaxFrameBytes(int bytes) {
        return new WireServerOptions(host, port, dataDirectory, adminUser, adminPassword, bytes, maxConnections,
                authFailureDelay, authTimeout);
    }

    public WireServerOptions withMaxConnections(int connections) {
        return new WireServerOptions(host, port, dataDirectory, adminUser, adminPassword, maxFrameBytes, connections,
                authFailureDelay, authTimeout);
    }

    /** Never the password. */
    @Override
    public String toString() {
        return "WireServerOptions[host=" + host + ", port=" + port + ", dataDirectory=" + dataDirectory
                + ", maxFrameBytes=" + maxFrameBytes + ", maxConnections=" + maxConnections + "]";
    }
}

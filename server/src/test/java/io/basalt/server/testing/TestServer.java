package io.basalt.server.testing;

import io.basalt.server.net.WireServer;
import io.basalt.server.net.WireServerOptions;
import java.time.Duration;
import java.util.UUID;

/**
 * A wire server on 127.0.0.1 and an ephemeral port that serves a fresh in-memory database per name,
 * with the bootstrap user {@value #ADMIN} / {@value #PASSWORD}. {@link #shared()} is started once per
 * test JVM (the JDBC suite's remote run uses it); tests that need their own limits start their own.
 */
public final class TestServer {
    public static final String ADMIN = "admin";
    public static final String PASSWORD = "test-admin-password";
    /** Short, so that failure tests stay fast; still long enough to measure. */
    public static final Duration AUTH_FAILURE_DELAY = Duration.ofMillis(150);

    private TestServer() {
    }

    public static WireServerOptions inMemoryOptions() {
        return WireServerOptions.of("127.0.0.1", 0, null, PASSWORD).withAuthFailureDelay(AUTH_FAILURE_DELAY);
    }

    public static WireServer start(WireServerOptions options) {
        try {
            return WireServer.start(options);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static final class Shared {
        static final WireServer SERVER = start(inMemoryOptions());

        static {
            Runtime.getRuntime().addShutdownHook(new Thread(SERVER::close, "test-server-stop"));
        }
    }

    public static WireServer shared() {
        return Shared.SERVER;
    }

    /** A URL of a fresh database on {@code server}, as the admin. */
    public static String freshDatabaseUrl(WireServer server) {
        return baseUrl(server, "t" + UUID.randomUUID().toString().replace("-", "")) + "?user=" + ADMIN + "&password=" + PASSWORD;
    }

    /** {@code jdbc:basalt://127.0.0.1:port/database}, without credentials. */
    public static String baseUrl(WireServer server, String database) {
        return "jdbc:basalt://127.0.0.1:" + server.port() + "/" + database;
    }
}

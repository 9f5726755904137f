package io.basalt.server.net;

import io.basalt.common.client.Session;

/**
 * What a {@link WireServer} tells the outside about its connections, for metrics (the admin port's
 * {@code /metrics}). The seam keeps {@code net} free of any metrics library, and tests and embedded
 * servers use {@link #NONE}.
 *
 * <p>Threading: the connection methods run on Netty event loops and on connection executors, so an
 * implementation must be thread-safe and must never block (a counter increment, nothing more).
 */
public interface ConnectionObserver {
    ConnectionObserver NONE = new ConnectionObserver() { };

    /** A connection was admitted (counted against the limit). */
    default void connectionAccepted() {
    }

    /** A connection was refused because the server has {@code maxConnections} already. */
    default void connectionRefused() {
    }

    /** An authentication attempt failed (wrong password, unknown user or a malformed SCRAM message). */
    default void authenticationFailed() {
    }

    /** The engine session an authenticated connection will use: {@code session} itself, or a decorator of it. */
    default Session sessionOpened(Session session) {
        return session;
    }
}

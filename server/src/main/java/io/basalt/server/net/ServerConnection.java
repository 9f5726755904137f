package io.basalt.server.net;

import io.basalt.common.auth.ScramSha256;
import io.basalt.common.auth.ScramVerifier;
import io.basalt.common.client.Session;
import io.basalt.common.error.BasaltException;
import io.basalt.common.error.SqlState;
import io.basalt.jdbc.wire.ClientMessage;
import io.basalt.jdbc.wire.ServerMessage;
import io.basalt.jdbc.wire.WireProtocol;
import io.basalt.server.embedded.DatabaseLease;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One client connection's protocol state machine: version check, SCRAM authentication, then requests
 * handed to its {@link ServerSession}.
 *
 * <p>Purpose: keep everything a connection knows in one place that only one thread touches at a time.
 *
 * <p>Invariants:
 * <ol>
 *   <li>Every method runs on the connection's {@link SerialExecutor}, never on an event loop, so it may
 *       block on the engine; fields need no locks.</li>
 *   <li>A request is answered only in READY; a message that does not fit the state is 08P01 and the
 *       connection closes.</li>
 *   <li>Every authentication failure is answered with 28P01, {@code authFailureDelay} after Startup
 *       (scheduled on the event loop, no thread waits), and the connection then closes.</li>
 *   <li>After {@link #onClosed()} the engine session is closed (its transaction rolled back, locks
 *       released) and no message is handled any more.</li>
 * </ol>
 *
 * <p>State machine:
 * <pre>
 *   STARTUP --Startup ok--> SCRAM_FIRST --client-first--> SCRAM_FINAL --proof ok--> READY
 *      |                        |                            |                    |  Terminate / channel closed
 *      +--- any failure --------+---------- FAILED (28P01 later, close) ---+      v
 *   (channel closed in any state) ---------------------------------------------> CLOSED
 * </pre>
 *
 * <p>Worked interleaving (a client killed mid-transaction): the event loop sees the channel go
 * inactive and queues {@link #onClosed()} behind the request that may be running; when that request
 * finishes, onClosed closes the session, which rolls back and releases the locks another connection's
 * transaction is waiting for.
 *
 * <p>See also docs/design/0006-wire-protocol.md.
 */
final class ServerConnection {
    private static final Logger LOG = LoggerFactory.getLogger(ServerConnection.class);

    enum State { STARTUP, SCRAM_FIRST, SCRAM_FINAL, READY, FAILED, CLOSED }

    private final Channel channel;
    private final long connectionId;
    private final WireServer server;
    private State state = State.STARTUP;
    private long startupNanos;
    private ClientMessage.Startup startup;
    private DatabaseLease database;
    private ScramServerExchange exchange;
    private ServerSession session;

    ServerConnection(Channel channel, long connectionId, WireServer server) {
        this.channel = channel;
        this.connectionId = connectionId;
        this.server = server;
    }

    State state() {
        return state;
    }

    void onMessage(ClientMessage message) {
        switch (state) {
            case STARTUP -> onStartup(message);
            case SCRAM_FIRST -> onClientFirst(message);
            case SCRAM_FINAL -> onClientFinal(message);
            case READY -> onRequest(message);
            case FAILED, CLOSED -> { } // the answer is scheduled or the channel is gone
        }
    }

    private void onStartup(ClientMessage message) {
        if (!(message instanceof ClientMessage.Startup first)) {
            violation("the first message must be Startup");
            return;
        }
        startupNanos = System.nanoTime();
        startup = first;
        if (first.majorVersion() != WireProtocol.MAJOR_VERSION) {
            violation("unsupported protocol version " + first.majorVersion() + "." + first.minorVersion()
                    + "; this server speaks " + WireProtocol.MAJOR_VERSION + ".x");
            return;
        }
        try {
            database = server.databases().get(first.database());
        } catch (BasaltException e) {
            refuse(e.sqlState(), e.getMessage());
            return;
        }
        state = State.SCRAM_FIRST;
        channel.writeAndFlush(new ServerMessage.AuthRequest(ScramSha256.MECHANISM));
    }

    private void onClientFirst(ClientMessage message) {
        if (!(message instanceof ClientMessage.ScramClientFirst first)) {
            violation("expected the SCRAM client-first-message");
            return;
        }
        try {
            ScramVerifier stored = database.engine().users().verifier(startup.user());
            exchange = ScramServerExchange.forUser(stored, startup.user(), server.secret());
            String serverFirst = exchange.serverFirst(first.message());
            state = State.SCRAM_FINAL;
            channel.writeAndFlush(new ServerMessage.ScramServerFirst(serverFirst));
        } catch (ScramServerExchange.Failure e) {
            authenticationFailed(e.getMessage());
        }
    }

    private void onClientFinal(ClientMessage message) {
        if (!(message instanceof ClientMessage.ScramClientFinal last)) {
            violation("expected the SCRAM client-final-message");
            return;
        }
        String serverFinal;
        try {
            serverFinal = exchange.serverFinal(last.message());
        } catch (ScramServerExchange.Failure e) {
            authenticationFailed(e.getMessage());
            return;
        }
        Properties properties = new Properties();
        properties.putAll(startup.options());
        try {
            Session engineSession = database.openSession(properties);
            session = new ServerSession(server.observer().sessionOpened(engineSession));
        } catch (BasaltException e) {
            refuse(e.sqlState(), e.getMessage());
            return;
        }
        state = State.READY;
        LOG.debug("Connection authenticated [connection={}, user={}, remote={}]",
                connectionId, startup.user(), channel.remoteAddress());
        channel.write(new ServerMessage.ScramServerFinal(serverFinal));
        channel.writeAndFlush(new ServerMessage.Ready(connectionId, server.cancelSecret(connectionId),
                server.version(), session.state()));
    }

    private void onRequest(ClientMessage message) {
        if (message instanceof ClientMessage.Terminate) {
            onClosed();
            channel.close();
            return;
        }
        if (message instanceof ClientMessage.Startup || message instanceof ClientMessage.ScramClientFirst
                || message instanceof ClientMessage.ScramClientFinal) {
            violation(message.getClass().getSimpleName() + " after authentication");
            return;
        }
        channel.writeAndFlush(session.handle(message));
    }

    /** The channel is gone (closed by either side): release the session. Idempotent. */
    void onClosed() {
        state = State.CLOSED;
        if (session != null) {
            ServerSession closing = session;
            session = null;
            try {
                closing.close();
            } catch (RuntimeException e) {
                LOG.warn("Closing a session failed [connection={}]", connectionId, e);
            }
            LOG.debug("Connection closed [connection={}]", connectionId);
        }
    }

    private void authenticationFailed(String reason) {
        state = State.FAILED;
        server.observer().authenticationFailed();
        String user = startup.user();
        LOG.debug("Authentication failed [connection={}, user={}, reason={}]", connectionId, user, reason);
        long elapsed = System.nanoTime() - startupNanos;
        long delay = Math.max(0, server.options().authFailureDelay().toNanos() - elapsed);
        ServerMessage.Error error = new ServerMessage.Error(SqlState.INVALID_PASSWORD.code(),
                "password authentication failed for user \"" + user + "\"", null);
        channel.eventLoop().schedule(() -> {
            channel.writeAndFlush(error).addListener(ChannelFutureListener.CLOSE);
        }, delay, TimeUnit.NANOSECONDS);
    }

    private void refuse(SqlState sqlState, String message) {
        state = State.FAILED;
        channel.writeAndFlush(new ServerMessage.Error(sqlState.code(), message, null))
                .addListener(ChannelFutureListener.CLOSE);
    }

    private void violation(String message) {
        refuse(SqlState.PROTOCOL_VIOLATION, "protocol violation: " + message);
    }
}

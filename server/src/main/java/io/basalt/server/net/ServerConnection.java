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
 *   <li>{@link #cancel} is the one method called from another thread (a Cancel request's worker): it
 *       reads only the volatile {@code cancelTarget} and sets the engine's cancel flag, which is made
 *       for that (see {@code io.basalt.txn.Cancellation}).</li>
 *   <li>Idle timeouts: a check runs on the serial executor, so it never overlaps a request; the
 *       connection is idle for the time since its last answer, and a request that is still running
 *       is not idle, because the check queues behind it and then sees a fresh {@code lastActivity}.
 *       In a transaction the idle-in-transaction limit applies (25P03), outside it the idle-session
 *       limit (57P05); either closes the session (rollback, locks released), then the channel.</li>
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
    private final SerialExecutor serial;
    private State state = State.STARTUP;
    /** The engine session while READY, for {@link #cancel} from another thread; null otherwise. */
    private volatile Session cancelTarget;
    private long lastActivityNanos;
    private long startupNanos;
    private ClientMessage.Startup startup;
    private DatabaseLease database;
    private ScramServerExchange exchange;
    private ServerSession session;

    ServerConnection(Channel channel, long connectionId, WireServer server, SerialExecutor serial) {
        this.channel = channel;
        this.connectionId = connectionId;
        this.server = server;
        this.serial = serial;
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
        properties.setProperty("user", startup.user()); // the authenticated name, whatever the options said
        try {
            Session engineSession = database.openSession(properties);
            session = new ServerSession(server.observer().sessionOpened(engineSession));
            cancelTarget = engineSession;
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
        server.registerCancelTarget(connectionId, this);
        lastActivityNanos = System.nanoTime();
        scheduleIdleCheck(idleCheckDelayNanos());
    }

    private void onRequest(ClientMessage message) {
        if (message instanceof ClientMessage.Terminate) {
            onClosed();
            channel.close();
            return;
        }
        if (message instanceof ClientMessage.Startup || message instanceof ClientMessage.ScramClientFirst
                || message instanceof ClientMessage.ScramClientFinal || message instanceof ClientMessage.Cancel) {
            violation(message.getClass().getSimpleName() + " after authentication");
            return;
        }
        channel.writeAndFlush(session.handle(message));
        lastActivityNanos = System.nanoTime();
    }

    /** Cancels the running statement, if any (any thread; see the class comment). */
    void cancel(Session.CancelReason reason) {
        Session target = cancelTarget;
        if (target != null) {
            target.cancel(reason);
        }
    }

    // ---- idle timeouts ----------------------------------------------------------------------

    /** The first check: the smaller configured limit; none if neither is set. */
    private long idleCheckDelayNanos() {
        long outside = server.options().idleSessionTimeout().toNanos();
        long inside = server.options().idleInTransactionTimeout().toNanos();
        if (outside == 0 || inside == 0) {
            return Math.max(outside, inside);
        }
        return Math.min(outside, inside);
    }

    private void scheduleIdleCheck(long delayNanos) {
        if (delayNanos > 0) {
            channel.eventLoop().schedule(() -> serial.execute(this::checkIdle), delayNanos, TimeUnit.NANOSECONDS);
        }
    }

    private void checkIdle() {
        if (state != State.READY) {
            return;
        }
        boolean inTransaction = session.state().inTransaction();
        long limit = (inTransaction ? server.options().idleInTransactionTimeout()
                : server.options().idleSessionTimeout()).toNanos();
        long idle = System.nanoTime() - lastActivityNanos;
        if (limit == 0 || idle < limit) {
            // Not idle long enough under the limit that applies now; a request may change which applies.
            scheduleIdleCheck(limit == 0 ? idleCheckDelayNanos() : Math.min(limit - idle, idleCheckDelayNanos()));
            return;
        }
        SqlState code = inTransaction ? SqlState.IDLE_IN_TRANSACTION_SESSION_TIMEOUT : SqlState.IDLE_SESSION_TIMEOUT;
        String message = inTransaction ? "terminating connection due to idle-in-transaction timeout"
                : "terminating connection due to idle-session timeout";
        LOG.debug("Closing an idle connection [connection={}, inTransaction={}, idleMillis={}]",
                connectionId, inTransaction, TimeUnit.NANOSECONDS.toMillis(idle));
        onClosed(); // rolls back now: the locks go before the client even reads the error
        channel.writeAndFlush(new ServerMessage.Error(code.code(), message, null)).addListener(ChannelFutureListener.CLOSE);
    }

    /** The channel is gone (closed by either side): release the session. Idempotent. */
    void onClosed() {
        state = State.CLOSED;
        cancelTarget = null;
        server.unregisterCancelTarget(connectionId);
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

package io.basalt.jdbc.remote;

import io.basalt.common.client.Session;
import io.basalt.common.error.BasaltException;
import io.basalt.common.error.SqlState;
import io.basalt.jdbc.wire.ClientMessage;
import io.basalt.jdbc.wire.MessageDecoder;
import io.basalt.jdbc.wire.MessageEncoder;
import io.basalt.jdbc.wire.ServerMessage;
import io.basalt.jdbc.wire.WireProtocol;
import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.ssl.SslHandler;
import io.netty.util.concurrent.Future;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

/**
 * One TCP connection to a server: the handshake, then request/response with one request in flight.
 *
 * <p>Invariants: (1) answers arrive in request order and each request reads exactly the messages of
 * its answer, because requests are serialised by {@code lock} and the server answers in order;
 * (2) once the channel is gone every waiting and later request fails with 08006 (never hangs),
 * because the inbound handler queues {@link #CLOSED} on channel-inactive and a dead channel is
 * checked before each write.
 *
 * <p>Threading: application threads call {@link #request} (one at a time under {@code lock}; JDBC
 * allows several threads to share a connection); the Netty event loop only offers decoded messages to
 * {@code inbound}. {@link #closeAbruptly()} may come from any thread and never takes the lock, so it
 * cannot be stuck behind a request (pool housekeeping, {@code Connection.abort}).
 *
 * <p>Network timeout ({@code Connection.setNetworkTimeout}): a request that waits longer for its answer
 * closes the connection and fails with 08006. Closing is the only safe outcome: the late answer would
 * otherwise be read as the answer to the next request. An unanswered Ping ({@link #ping}) does the same.
 *
 * <p>Cancel: {@link #sendCancel} opens a second connection (with TLS if this one has it), sends one
 * Cancel frame with the id and secret of this connection's Ready and waits for the server to close it,
 * which it does after setting the cancel flag; it never touches this connection or its lock.
 *
 * <p>Alternative considered: completing a CompletableFuture per request from the event loop (needed
 * for pipelining); a queue is simpler while there is one request in flight, and rows of a multi-message
 * answer would need one anyway.
 */
final class RemoteConnection {
    private static final Object CLOSED = new Object();

    private final Channel channel;
    private final BlockingQueue<Object> inbound;
    private final ReentrantLock lock = new ReentrantLock();
    private final RemoteUrl.HostAndPort address;
    private final ClientTls tls;
    private final int connectTimeoutMillis;
    private volatile ServerMessage.Ready ready;
    /** 0: wait for ever. Read by the requesting thread, set by any. */
    private volatile int networkTimeoutMillis;

    private RemoteConnection(Channel channel, BlockingQueue<Object> inbound, RemoteUrl.HostAndPort address,
                             ClientTls tls, int connectTimeoutMillis) {
        this.channel = channel;
        this.inbound = inbound;
        this.address = address;
        this.tls = tls;
        this.connectTimeoutMillis = connectTimeoutMillis;
    }

    /** Connects and authenticates, or throws 08001 (cannot connect), 28xxx, or the server's error. */
    static RemoteConnection open(RemoteUrl.HostAndPort address, String user, String password, String database,
                                 Map<String, String> options, int connectTimeoutMillis, ClientTls tls) {
        BlockingQueue<Object> inbound = new LinkedBlockingQueue<>();
        Channel channel = connect(address, inbound, connectTimeoutMillis, tls);
        RemoteConnection connection = new RemoteConnection(channel, inbound, address, tls, connectTimeoutMillis);
        connection.networkTimeoutMillis = connectTimeoutMillis; // the login gets no longer than the connect
        try {
            connection.authenticate(user, password, database, options);
            connection.networkTimeoutMillis = 0;
            return connection;
        } catch (RuntimeException e) {
            connection.closeAbruptly();
            throw e;
        }
    }

    /** A connected channel, after the TLS handshake if {@code tls} is set; 08001 otherwise. */
    private static Channel connect(RemoteUrl.HostAndPort address, BlockingQueue<Object> inbound,
                                   int connectTimeoutMillis, ClientTls tls) {
        Bootstrap bootstrap = new Bootstrap()
                .group(ClientEventLoops.group())
                .channel(NioSocketChannel.class)
                .option(ChannelOption.TCP_NODELAY, true)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, connectTimeoutMillis)
                .handler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel channel) {
                        if (tls != null) {
                            channel.pipeline().addLast("tls", tls.newHandler(channel.alloc(), address));
                        }
                        channel.pipeline()
                                .addLast(WireProtocol.frameSplitter(WireProtocol.DEFAULT_CLIENT_MAX_FRAME))
                                .addLast(MessageDecoder.SERVER_MESSAGES)
                                .addLast(MessageEncoder.INSTANCE)
                                .addLast(new Inbound(inbound));
                    }
                });
        ChannelFuture connect = bootstrap.connect(address.host(), address.port()).awaitUninterruptibly();
        if (!connect.isSuccess()) {
            Throwable cause = connect.cause();
            throw new BasaltException(SqlState.SQLCLIENT_UNABLE_TO_ESTABLISH_SQLCONNECTION,
                    "cannot connect to " + address + ": " + (cause == null ? "cancelled" : cause.getMessage()), cause);
        }
        Channel channel = connect.channel();
        if (tls != null) {
            Future<Channel> handshake = channel.pipeline().get(SslHandler.class).handshakeFuture();
            if (!handshake.awaitUninterruptibly(connectTimeoutMillis) || !handshake.isSuccess()) {
                channel.close();
                Throwable cause = handshake.cause();
                throw new BasaltException(SqlState.SQLCLIENT_UNABLE_TO_ESTABLISH_SQLCONNECTION,
                        "TLS handshake with " + address + " failed: " + (cause == null ? "timed out" : cause.getMessage())
                                + " (does the server have TLS enabled, and is its certificate trusted?)", cause);
            }
        }
        return channel;
    }

    /**
     * Sends Cancel for this connection over a new one and waits until the server has handled it (it
     * closes the connection then). Any thread; never takes {@code lock}.
     */
    void sendCancel(Session.CancelReason reason) {
        ServerMessage.Ready login = ready;
        if (login == null || !channel.isActive()) {
            return; // nothing can be running
        }
        BlockingQueue<Object> ignored = new LinkedBlockingQueue<>();
        Channel cancel;
        try {
            cancel = connect(address, ignored, connectTimeoutMillis, tls);
        } catch (BasaltException e) {
            // Not class 08: this connection is fine, only the cancel could not be delivered.
            throw new BasaltException(SqlState.IO_ERROR, "could not send the cancel request: " + e.getMessage(), e);
        }
        try {
            cancel.writeAndFlush(new ClientMessage.Cancel(login.connectionId(), login.secret(), reason));
            if (!cancel.closeFuture().awaitUninterruptibly(connectTimeoutMillis)) {
                throw new BasaltException(SqlState.IO_ERROR, "the server did not confirm the cancel request in time");
            }
        } finally {
            cancel.close();
        }
    }

    void setNetworkTimeout(int millis) {
        networkTimeoutMillis = millis;
    }

    /**
     * One Ping, waiting at most {@code timeoutMillis} (0: the network timeout) for the lock and the
     * answer; false if either does not come, and then the connection is closed (see the class comment).
     */
    boolean ping(int timeoutMillis) {
        int network = networkTimeoutMillis;
        int limit = timeoutMillis == 0 ? network : network == 0 ? timeoutMillis : Math.min(network, timeoutMillis);
        try {
            if (limit == 0) {
                lock.lock();
            } else if (!lock.tryLock(limit, TimeUnit.MILLISECONDS)) {
                return false; // a request is running: busy, not necessarily dead; the caller decides
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
        try {
            if (!channel.isActive()) {
                return false;
            }
            channel.writeAndFlush(new ClientMessage.Ping());
            return receive(limit) instanceof ServerMessage.Ok;
        } catch (BasaltException e) {
            return channel.isActive() && e.sqlState() != SqlState.CONNECTION_FAILURE;
        } finally {
            lock.unlock();
        }
    }

    private void authenticate(String user, String password, String database, Map<String, String> options) {
        ServerMessage first = exchange(new ClientMessage.Startup(WireProtocol.MAJOR_VERSION, WireProtocol.MINOR_VERSION,
                user, database, options));
        if (!(first instanceof ServerMessage.AuthRequest auth) || !auth.mechanism().equals("SCRAM-SHA-256")) {
            throw unexpected(first);
        }
        ScramClient scram = new ScramClient(password);
        ServerMessage serverFirst = exchange(new ClientMessage.ScramClientFirst(scram.clientFirst()));
        if (!(serverFirst instanceof ServerMessage.ScramServerFirst challenge)) {
            throw unexpected(serverFirst);
        }
        ServerMessage serverFinal = exchange(new ClientMessage.ScramClientFinal(scram.clientFinal(challenge.message())));
        if (!(serverFinal instanceof ServerMessage.ScramServerFinal signature)) {
            throw unexpected(serverFinal);
        }
        scram.verifyServerFinal(signature.message());
        ServerMessage readyMessage = receive();
        if (!(readyMessage instanceof ServerMessage.Ready readyNow)) {
            throw unexpected(readyMessage);
        }
        ready = readyNow;
    }

    ServerMessage.Ready ready() {
        return ready;
    }

    /** Sends a request and returns its terminal answer; an Error answer is thrown as its SQLState. */
    ServerMessage.Terminal request(ClientMessage request) {
        lock.lock();
        try {
            ServerMessage answer = exchange(request);
            if (answer instanceof ServerMessage.Terminal terminal) {
                return terminal;
            }
            throw unexpected(answer);
        } finally {
            lock.unlock();
        }
    }

    private ServerMessage exchange(ClientMessage request) {
        if (!channel.isActive()) {
            // The server may have said why it closed (an idle timeout): report that once.
            if (inbound.peek() instanceof ServerMessage.Error error) {
                inbound.poll();
                throw new BasaltException(SqlState.fromCode(error.sqlState()),
                        error.message() + " (the server closed the connection)");
            }
            throw connectionLost();
        }
        channel.writeAndFlush(request);
        return receive();
    }

    private ServerMessage receive() {
        return receive(networkTimeoutMillis);
    }

    private ServerMessage receive(int timeoutMillis) {
        Object next;
        try {
            next = timeoutMillis == 0 ? inbound.take() : inbound.poll(timeoutMillis, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            closeAbruptly(); // the answer would be read by the next request otherwise
            throw new BasaltException(SqlState.CONNECTION_FAILURE, "interrupted while waiting for the server");
        }
        if (next == null) {
            closeAbruptly(); // as above: a late answer must not be taken for the next one's
            inbound.offer(CLOSED);
            throw new BasaltException(SqlState.CONNECTION_FAILURE, "no answer from the server " + address + " within "
                    + timeoutMillis + " ms (network timeout): the connection is closed");
        }
        if (next == CLOSED) {
            inbound.offer(CLOSED); // every later receive fails too
            throw connectionLost();
        }
        if (next instanceof BasaltException error) {
            inbound.offer(CLOSED);
            throw new BasaltException(error.sqlState(), error.getMessage(), error);
        }
        if (next instanceof ServerMessage.Error error) {
            throw new BasaltException(SqlState.fromCode(error.sqlState()), error.message());
        }
        return (ServerMessage) next;
    }

    boolean isOpen() {
        return channel.isActive();
    }

    /** Terminates politely if no request is running, else just closes the socket. Idempotent, any thread. */
    void close() {
        if (channel.isActive() && lock.tryLock()) {
            try {
                channel.writeAndFlush(new ClientMessage.Terminate());
            } finally {
                lock.unlock();
            }
        }
        closeAbruptly();
    }

    void closeAbruptly() {
        channel.close().awaitUninterruptibly();
    }

    private static BasaltException connectionLost() {
        return new BasaltException(SqlState.CONNECTION_FAILURE, "the connection to the server is closed");
    }

    private static BasaltException unexpected(ServerMessage message) {
        return new BasaltException(SqlState.PROTOCOL_VIOLATION,
                "protocol violation by the server: unexpected " + message.getClass().getSimpleName());
    }

    /** Event-loop side: queues what arrives; never blocks. */
    private static final class Inbound extends SimpleChannelInboundHandler<ServerMessage> {
        private final BlockingQueue<Object> inbound;

        Inbound(BlockingQueue<Object> inbound) {
            this.inbound = inbound;
        }

        @Override
        protected void channelRead0(ChannelHandlerContext ctx, ServerMessage message) {
            inbound.offer(message);
        }

        @Override
        public void channelInactive(ChannelHandlerContext ctx) {
            inbound.offer(CLOSED);
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            inbound.offer(new BasaltException(SqlState.CONNECTION_FAILURE,
                    "connection to the server failed: " + cause.getMessage(), cause));
            ctx.close();
        }
    }
}

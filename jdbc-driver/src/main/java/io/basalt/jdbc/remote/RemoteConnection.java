package io.basalt.jdbc.remote;

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
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
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
 * <p>Alternative considered: completing a CompletableFuture per request from the event loop (needed
 * for pipelining); a queue is simpler while there is one request in flight, and rows of a multi-message
 * answer would need one anyway.
 */
final class RemoteConnection {
    private static final Object CLOSED = new Object();

    private final Channel channel;
    private final BlockingQueue<Object> inbound;
    private final ReentrantLock lock = new ReentrantLock();
    private volatile ServerMessage.Ready ready;

    private RemoteConnection(Channel channel, BlockingQueue<Object> inbound) {
        this.channel = channel;
        this.inbound = inbound;
    }

    /** Connects and authenticates, or throws 08001 (cannot connect), 28xxx, or the server's error. */
    static RemoteConnection open(RemoteUrl.HostAndPort address, String user, String password, String database,
                                 Map<String, String> options, int connectTimeoutMillis) {
        BlockingQueue<Object> inbound = new LinkedBlockingQueue<>();
        Bootstrap bootstrap = new Bootstrap()
                .group(ClientEventLoops.group())
                .channel(NioSocketChannel.class)
                .option(ChannelOption.TCP_NODELAY, true)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, connectTimeoutMillis)
                .handler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel channel) {
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
        RemoteConnection connection = new RemoteConnection(connect.channel(), inbound);
        try {
            connection.authenticate(user, password, database, options);
            return connection;
        } catch (RuntimeException e) {
            connection.closeAbruptly();
            throw e;
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
            throw connectionLost();
        }
        channel.writeAndFlush(request);
        return receive();
    }

    private ServerMessage receive() {
        Object next;
        try {
            next = inbound.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            closeAbruptly(); // the answer would be read by the next request otherwise
            throw new BasaltException(SqlState.CONNECTION_FAILURE, "interrupted while waiting for the server");
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

package io.basalt.server.net;

import io.basalt.common.auth.ScramSha256;
import io.basalt.common.error.BasaltException;
import io.basalt.common.error.SqlState;
import io.basalt.jdbc.wire.ClientMessage;
import io.basalt.jdbc.wire.MessageDecoder;
import io.basalt.jdbc.wire.MessageEncoder;
import io.basalt.jdbc.wire.WireProtocol;
import io.basalt.sql.SqlEngine;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.SslProvider;
import io.netty.util.concurrent.DefaultThreadFactory;
import io.netty.util.concurrent.GlobalEventExecutor;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import javax.net.ssl.SSLException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The SQL endpoint of a node: accepts wire-protocol connections (docs/design/0006-wire-protocol.md)
 * and serves the databases of {@link ServedDatabases}.
 *
 * <p>Threads: one acceptor, {@code 2 × cores} Netty event loops (framing, decoding, writes only) and a
 * cached pool of workers that run connections' engine calls, one task at a time per connection
 * ({@link SerialExecutor}); so workers ≤ connections ≤ {@code maxConnections}.
 *
 * <p>{@link #close()}: stops accepting, closes every connection (each one's session is closed by its
 * serial executor, rolling back open transactions; committed data is already durable), waits for the
 * workers, then releases the databases.
 */
public final class WireServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(WireServer.class);

    private final WireServerOptions options;
    private final ServedDatabases databases;
    private final ConnectionObserver observer;
    private final byte[] secret = ScramSha256.randomBytes(32);
    private final EventLoopGroup acceptor;
    private final EventLoopGroup eventLoops;
    private final ExecutorService workers;
    private final ChannelGroup channels = new DefaultChannelGroup(GlobalEventExecutor.INSTANCE);
    private final AtomicInteger connections = new AtomicInteger();
    private final AtomicLong connectionIds = new AtomicLong();
    /** Authenticated connections by id, for Cancel requests; a connection is here from Ready until it closes. */
    private final Map<Long, ServerConnection> cancelTargets = new ConcurrentHashMap<>();
    private final SslContext tls;
    private final AtomicBoolean closed = new AtomicBoolean();
    private final Channel listener;

    private WireServer(WireServerOptions options, ServedDatabases databases, ConnectionObserver observer)
            throws InterruptedException {
        this.options = options;
        this.databases = databases;
        this.observer = observer;
        this.acceptor = new MultiThreadIoEventLoopGroup(1, new DefaultThreadFactory("basalt-accept", true),
                NioIoHandler.newFactory());
        this.eventLoops = new MultiThreadIoEventLoopGroup(0, new DefaultThreadFactory("basalt-net", true),
                NioIoHandler.newFactory());
        this.workers = Executors.newCachedThreadPool(new DefaultThreadFactory("basalt-session", true));
        try {
            this.tls = options.tls() == null ? null : tlsContext(options.tls());
            ServerBootstrap bootstrap = new ServerBootstrap()
                    .group(acceptor, eventLoops)
                    .channel(NioServerSocketChannel.class)
                    .childOption(ChannelOption.TCP_NODELAY, true)
                    .childHandler(new ChannelInitializer<SocketChannel>() {
                        @Override
                        protected void initChannel(SocketChannel channel) {
                            if (tls != null) {
                                channel.pipeline().addLast("tls-gate", new TlsGate(tls));
                            }
                            channel.pipeline()
                                    .addLast("frames", WireProtocol.frameSplitter(options.maxFrameBytes()))
                                    .addLast("decoder", MessageDecoder.CLIENT_MESSAGES)
                                    .addLast("encoder", MessageEncoder.INSTANCE)
                                    .addLast("connection", new ConnectionHandler(WireServer.this));
                        }
                    });
            this.listener = bootstrap.bind(options.host(), options.port()).sync().channel();
        } catch (RuntimeException | InterruptedException e) {
            shutdownThreads();
            throw e;
        }
    }

    private static SslContext tlsContext(WireServerOptions.Tls files) {
        try {
            return SslContextBuilder.forServer(files.certificate().toFile(), files.privateKey().toFile())
                    .sslProvider(SslProvider.JDK)
                    .build();
        } catch (SSLException | IllegalArgumentException e) {
            throw new BasaltException(SqlState.INVALID_PARAMETER_VALUE, "cannot use the TLS certificate "
                    + files.certificate() + " and key " + files.privateKey()
                    + " (PEM: an X.509 certificate chain and an unencrypted PKCS#8 key): " + e.getMessage(), e);
        }
    }

    /** Opens the databases (a data directory at once: a bad one fails here) and starts listening. */
    public static WireServer start(WireServerOptions options) throws InterruptedException {
        return start(options, ConnectionObserver.NONE);
    }

    /** As {@link #start(WireServerOptions)}, reporting connections to {@code observer} (metrics). */
    public static WireServer start(WireServerOptions options, ConnectionObserver observer) throws InterruptedException {
        ServedDatabases.BootstrapUser bootstrap = options.adminPassword() == null ? null
                : new ServedDatabases.BootstrapUser(options.adminUser(), options.adminPassword());
        ServedDatabases databases = options.dataDirectory() != null
                ? ServedDatabases.dataDirectory(options.dataDirectory(), bootstrap)
                : ServedDatabases.inMemory(bootstrap);
        try {
            WireServer server = new WireServer(options, databases, observer);
            LOG.info("SQL endpoint listening [address={}, dataDirectory={}]", server.address(), options.dataDirectory());
            return server;
        } catch (RuntimeException | InterruptedException e) {
            databases.close();
            throw e;
        }
    }

    public InetSocketAddress address() {
        return (InetSocketAddress) listener.localAddress();
    }

    public int port() {
        return address().getPort();
    }

    WireServerOptions options() {
        return options;
    }

    ServedDatabases databases() {
        return databases;
    }

    ConnectionObserver observer() {
        return observer;
    }

    /** The engines of the databases open now, by name (metrics read their counters at scrape time). */
    public Map<String, SqlEngine> openDatabases() {
        return databases.engines();
    }

    ExecutorService workers() {
        return workers;
    }

    byte[] secret() {
        return secret;
    }

    String version() {
        String version = WireServer.class.getPackage().getImplementationVersion();
        return "Basalt " + (version == null ? "0.1.0-SNAPSHOT" : version);
    }

    long nextConnectionId() {
        return connectionIds.incrementAndGet();
    }

    /** The secret a later Cancel request must present for this connection (not random per connection yet: derived). */
    long cancelSecret(long connectionId) {
        byte[] mac = ScramSha256.hmac(secret, "cancel:" + connectionId);
        long value = 0;
        for (int i = 0; i < 8; i++) {
            value = (value << 8) | (mac[i] & 0xFF);
        }
        return value;
    }

    void registerCancelTarget(long connectionId, ServerConnection connection) {
        cancelTargets.put(connectionId, connection);
    }

    void unregisterCancelTarget(long connectionId) {
        cancelTargets.remove(connectionId);
    }

    /**
     * A Cancel request (on a worker, never an event loop: cancelling may take a key latch). The secret
     * is compared in constant time and computed even for an unknown id, so neither a wrong secret nor
     * a wrong id can be told apart by timing; a mismatch is ignored, as in PostgreSQL.
     */
    void cancel(ClientMessage.Cancel request) {
        boolean secretMatches = MessageDigest.isEqual(longBytes(cancelSecret(request.connectionId())),
                longBytes(request.secret()));
        ServerConnection target = cancelTargets.get(request.connectionId());
        if (!secretMatches || target == null) {
            LOG.debug("Cancel request ignored [connection={}]", request.connectionId());
            return;
        }
        LOG.debug("Cancel request [connection={}, reason={}]", request.connectionId(), request.reason());
        target.cancel(request.reason());
    }

    private static byte[] longBytes(long value) {
        return ByteBuffer.allocate(Long.BYTES).putLong(value).array();
    }

    boolean admitConnection() {
        return connections.incrementAndGet() <= options.maxConnections();
    }

    void releaseConnection() {
        connections.decrementAndGet();
    }

    void track(Channel channel) {
        channels.add(channel);
    }

    /** Connections currently open (for tests and, later, metrics). */
    public int openConnections() {
        return connections.get();
    }

    /** Idempotent: a second call (a test's finally after a shutdown hook, say) returns at once. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        try {
            listener.close().syncUninterruptibly();
            channels.close().awaitUninterruptibly(10, TimeUnit.SECONDS);
        } finally {
            shutdownThreads();
            databases.close();
            LOG.info("SQL endpoint stopped [address={}]", listener.localAddress());
        }
    }

    private void shutdownThreads() {
        acceptor.shutdownGracefully(0, 1, TimeUnit.SECONDS);
        eventLoops.shutdownGracefully(0, 1, TimeUnit.SECONDS).awaitUninterruptibly(5, TimeUnit.SECONDS);
        // Channel-inactive tasks were queued by the event loops above; let them close their sessions.
        workers.shutdown();
        try {
            if (!workers.awaitTermination(30, TimeUnit.SECONDS)) {
                LOG.warn("Sessions still running at shutdown after 30 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

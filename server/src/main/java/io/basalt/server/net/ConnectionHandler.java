package io.basalt.server.net;

import io.basalt.common.error.SqlState;
import io.basalt.jdbc.wire.ClientMessage;
import io.basalt.jdbc.wire.ProtocolViolation;
import io.basalt.jdbc.wire.ServerMessage;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.DecoderException;
import io.netty.handler.codec.TooLongFrameException;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The event-loop side of one connection: hands decoded messages to the connection's
 * {@link SerialExecutor} and turns bad frames into 08P01 and a close.
 *
 * <p>Threading: Netty calls every method on the channel's event loop. Nothing here blocks or touches
 * the engine: the {@link ServerConnection} runs on the serial executor. The one thing decided here is
 * the fate of bad input, because only the event loop sees decoder failures: an oversized, truncated or
 * malformed frame answers Error 08P01 and closes this channel; no other channel is affected, and the
 * session (if any) is closed through {@link #channelInactive}, queued behind a running request.
 */
final class ConnectionHandler extends SimpleChannelInboundHandler<ClientMessage> {
    private static final Logger LOG = LoggerFactory.getLogger(ConnectionHandler.class);

    private final WireServer server;
    private final SerialExecutor serial;
    private ServerConnection connection;
    private boolean counted;
    /** No message has arrived yet: a Cancel is accepted only as the first (and only) message. */
    private boolean first = true;

    ConnectionHandler(WireServer server) {
        this.server = server;
        this.serial = new SerialExecutor(server.workers());
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) {
        counted = true;
        if (!server.admitConnection()) {
            server.observer().connectionRefused();
            reject(ctx, SqlState.TOO_MANY_CONNECTIONS, "too many connections (limit "
                    + server.options().maxConnections() + ")");
            return;
        }
        server.observer().connectionAccepted();
        connection = new ServerConnection(ctx.channel(), server.nextConnectionId(), server, serial);
        server.track(ctx.channel());
        long timeout = server.options().authTimeout().toNanos();
        ctx.executor().schedule(() -> serial.execute(() -> {
            ServerConnection.State state = connection.state();
            if (state != ServerConnection.State.READY && state != ServerConnection.State.CLOSED) {
                LOG.debug("Connection did not authenticate in time [remote={}]", ctx.channel().remoteAddress());
                ctx.close();
            }
        }), timeout, TimeUnit.NANOSECONDS);
        ctx.fireChannelActive();
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, ClientMessage message) {
        boolean firstMessage = first;
        first = false;
        if (firstMessage && message instanceof ClientMessage.Cancel cancel) {
            // Not on the serial executor: the connection to cancel has its own, busy with the statement.
            ctx.channel().config().setAutoRead(false);
            server.workers().execute(() -> {
                try {
                    server.cancel(cancel);
                } finally {
                    ctx.close(); // tells the client the request was handled
                }
            });
            return;
        }
        if (connection != null) {
            ServerConnection target = connection;
            serial.execute(() -> target.onMessage(message));
        }
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        if (counted) {
            server.releaseConnection();
            counted = false;
        }
        if (connection != null) {
            serial.execute(connection::onClosed);
        }
        ctx.fireChannelInactive();
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        if (!ctx.channel().isActive()) {
            return;
        }
        if (cause instanceof TooLongFrameException) {
            reject(ctx, SqlState.PROTOCOL_VIOLATION, "protocol violation: frame larger than "
                    + server.options().maxFrameBytes() + " bytes");
        } else if (cause instanceof DecoderException && cause.getCause() instanceof SSLException) {
            LOG.debug("TLS failed [remote={}]", ctx.channel().remoteAddress(), cause);
            ctx.close(); // nothing can be answered without TLS
        } else if (cause instanceof DecoderException && cause.getCause() instanceof ProtocolViolation violation) {
            reject(ctx, SqlState.PROTOCOL_VIOLATION, violation.getMessage());
        } else if (cause instanceof DecoderException) {
            reject(ctx, SqlState.PROTOCOL_VIOLATION, "protocol violation: " + cause.getMessage());
        } else {
            // I/O errors (connection reset by a killed client): nothing to answer.
            LOG.debug("Connection failed [remote={}]", ctx.channel().remoteAddress(), cause);
            ctx.close();
        }
    }

    private static void reject(ChannelHandlerContext ctx, SqlState state, String message) {
        ctx.channel().config().setAutoRead(false);
        ctx.writeAndFlush(new ServerMessage.Error(state.code(), message, null)).addListener(ChannelFutureListener.CLOSE);
    }
}

package io.basalt.server.net;

import io.basalt.common.error.SqlState;
import io.basalt.jdbc.wire.ServerMessage;
import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.ByteToMessageDecoder;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslHandler;
import java.util.List;

/**
 * The first handler of a TLS-only server's connection: TLS starts with the first byte
 * (docs/design/0006, "TLS"). If the first bytes are a TLS record, it puts an {@link SslHandler} in its
 * place and steps aside (the bytes it has seen go on to the handshake); if they are anything else (a
 * plain Basalt client, whose first frame starts with a zero length byte), it answers one plain Error
 * frame, 08P01 "this server requires TLS", and closes, so the client learns why instead of seeing a
 * reset. Event-loop only; it decides once per connection.
 */
final class TlsGate extends ByteToMessageDecoder {
    /** A TLS record header: type, version (2), length (2). */
    private static final int RECORD_HEADER = 5;

    private final SslContext context;

    TlsGate(SslContext context) {
        this.context = context;
    }

    @Override
    protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
        if (in.readableBytes() < RECORD_HEADER) {
            return;
        }
        if (SslHandler.isEncrypted(in, false)) {
            ctx.pipeline().addAfter(ctx.name(), "tls", context.newHandler(ctx.alloc()));
            ctx.pipeline().remove(this); // hands the bytes read so far to the SslHandler
            return;
        }
        in.skipBytes(in.readableBytes());
        ctx.channel().config().setAutoRead(false);
        // From the tail, so that the encoder (after this handler) writes the frame in plain.
        ctx.channel().writeAndFlush(new ServerMessage.Error(SqlState.PROTOCOL_VIOLATION.code(),
                "this server requires TLS: connect with ssl=true", null)).addListener(ChannelFutureListener.CLOSE);
    }
}

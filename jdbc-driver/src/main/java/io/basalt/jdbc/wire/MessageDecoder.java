package io.basalt.jdbc.wire;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.MessageToMessageDecoder;
import java.util.List;
import java.util.function.Function;

/**
 * Turns a frame (after {@link WireProtocol#frameSplitter}) into a message. A bad frame throws a
 * {@link ProtocolViolation} (wrapped by Netty in a DecoderException) to the next handler's
 * {@code exceptionCaught}, which answers 08P01 and closes the connection.
 */
@ChannelHandler.Sharable
public final class MessageDecoder extends MessageToMessageDecoder<ByteBuf> {
    /** For the server's pipeline. */
    public static final MessageDecoder CLIENT_MESSAGES = new MessageDecoder(ClientMessage::decode);
    /** For the driver's pipeline. */
    public static final MessageDecoder SERVER_MESSAGES = new MessageDecoder(ServerMessage::decode);

    private final Function<ByteBuf, ? extends WireMessage> decode;

    private MessageDecoder(Function<ByteBuf, ? extends WireMessage> decode) {
        super(ByteBuf.class);
        this.decode = decode;
    }

    @Override
    protected void decode(ChannelHandlerContext ctx, ByteBuf frame, List<Object> out) {
        out.add(decode.apply(frame));
    }
}

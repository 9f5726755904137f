package io.basalt.jdbc.wire;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.MessageToByteEncoder;

/** Writes a message as one frame: int32 length (type byte + body), u8 type, body. Stateless, so shared. */
@ChannelHandler.Sharable
public final class MessageEncoder extends MessageToByteEncoder<WireMessage> {
    public static final MessageEncoder INSTANCE = new MessageEncoder();

    private MessageEncoder() {
        super(WireMessage.class);
    }

    @Override
    protected void encode(ChannelHandlerContext ctx, WireMessage message, ByteBuf out) {
        encodeFrame(message, out);
    }

    /** The frame of {@code message} appended to {@code out} (also for tests that write raw frames). */
    public static void encodeFrame(WireMessage message, ByteBuf out) {
        int lengthAt = out.writerIndex();
        out.writeInt(0);
        out.writeByte(message.type());
        message.writeBody(new WireWriter(out));
        out.setInt(lengthAt, out.writerIndex() - lengthAt - 4);
    }
}

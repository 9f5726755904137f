package io.basalt.server.net;

import io.basalt.jdbc.wire.ClientMessage;
import io.basalt.jdbc.wire.MessageEncoder;
import io.basalt.jdbc.wire.ServerMessage;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;

/**
 * A blocking socket that speaks frames by hand, for tests that send what a well-behaved driver never
 * would (garbage, truncated or oversized frames) or that capture the client's bytes. It records every
 * byte it sends.
 */
final class RawClient implements AutoCloseable {
    private final Socket socket;
    private final DataInputStream in;
    private final OutputStream out;
    private final List<byte[]> sent = new ArrayList<>();

    RawClient(int port) throws IOException {
        socket = new Socket();
        socket.connect(new InetSocketAddress("127.0.0.1", port), 5000);
        socket.setSoTimeout(10_000);
        in = new DataInputStream(socket.getInputStream());
        out = socket.getOutputStream();
    }

    void send(ClientMessage message) throws IOException {
        ByteBuf buffer = Unpooled.buffer();
        MessageEncoder.encodeFrame(message, buffer);
        byte[] bytes = new byte[buffer.readableBytes()];
        buffer.readBytes(bytes);
        sendRaw(bytes);
    }

    void sendRaw(byte[] bytes) throws IOException {
        sent.add(bytes.clone());
        out.write(bytes);
        out.flush();
    }

    /** The next message, or null when the server closed the connection. */
    ServerMessage receive() throws IOException {
        int length;
        try {
            length = in.readInt();
        } catch (EOFException e) {
            return null;
        }
        byte[] frame = new byte[length];
        in.readFully(frame);
        return ServerMessage.decode(Unpooled.wrappedBuffer(frame));
    }

    /** Whether the server closed the connection (reads until end of stream, skipping messages). */
    boolean closedByServer() throws IOException {
        try {
            while (receive() != null) {
                // drain
            }
            return true;
        } catch (java.net.SocketException e) {
            return true; // reset
        }
    }

    List<byte[]> sentFrames() {
        return sent;
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}

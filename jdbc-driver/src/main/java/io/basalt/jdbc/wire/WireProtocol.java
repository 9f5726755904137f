package io.basalt.jdbc.wire;

import io.netty.handler.codec.LengthFieldBasedFrameDecoder;

/** Constants of the protocol and the frame splitter both ends put first in their pipelines. */
public final class WireProtocol {
    /** "BSLT": the first four bytes of a Startup body, so a stray client (HTTP, PostgreSQL) is told apart. */
    public static final int MAGIC = 0x42534C54;
    public static final int MAJOR_VERSION = 1;
    public static final int MINOR_VERSION = 0;
    public static final int DEFAULT_PORT = 5470;
    /** What the server accepts in one frame by default; a statement or a batch of parameters bigger than this is refused. */
    public static final int DEFAULT_SERVER_MAX_FRAME = 16 * 1024 * 1024;
    /** What the driver accepts: a row batch is cut at ≈ 1 MiB, so only a single huge value needs more. */
    public static final int DEFAULT_CLIENT_MAX_FRAME = 64 * 1024 * 1024;
    /** Rows per batch when the client asks for 0 (JDBC's "driver default"). */
    public static final int DEFAULT_FETCH_SIZE = 1000;
    /** A batch stops growing once its values take this many bytes (chosen so frames stay far below the limits). */
    public static final int BATCH_TARGET_BYTES = 1024 * 1024;

    private WireProtocol() {
    }

    /**
     * Splits the stream at the int32 length prefix and strips it. {@code failFast}: a frame longer than
     * {@code maxFrameBytes} fails as soon as its length is read, before any of it is buffered.
     */
    public static LengthFieldBasedFrameDecoder frameSplitter(int maxFrameBytes) {
        return new LengthFieldBasedFrameDecoder(maxFrameBytes, 0, 4, 0, 4, true);
    }
}

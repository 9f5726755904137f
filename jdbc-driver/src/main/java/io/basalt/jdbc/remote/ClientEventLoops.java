package io.basalt.jdbc.remote;

import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.util.concurrent.DefaultThreadFactory;

/**
 * The driver's Netty threads, shared by every remote connection of the JVM and created on first use.
 * Daemon threads, never shut down: a driver cannot know when the application is done with it (the
 * threads only frame and unframe bytes; JDBC calls never run on them). Two are enough for many
 * connections, since each carries one request at a time.
 */
final class ClientEventLoops {
    private ClientEventLoops() {
    }

    private static final class Holder {
        static final EventLoopGroup GROUP = new MultiThreadIoEventLoopGroup(
                Math.min(2, Runtime.getRuntime().availableProcessors()),
                new DefaultThreadFactory("basalt-jdbc-io", true), NioIoHandler.newFactory());
    }

    static EventLoopGroup group() {
        return Holder.GROUP;
    }
}

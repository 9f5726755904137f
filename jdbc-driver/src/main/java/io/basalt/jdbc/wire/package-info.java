/**
 * The client wire protocol (docs/design/0006-wire-protocol.md): frames, messages, the value codec
 * and the Netty handlers that turn one into the other. Shared by the driver's remote session and the
 * server's endpoint, so it knows neither JDBC objects ({@code io.basalt.jdbc.internal}) nor engine
 * code; LayeringTest checks both. Not an API for applications.
 */
package io.basalt.jdbc.wire;

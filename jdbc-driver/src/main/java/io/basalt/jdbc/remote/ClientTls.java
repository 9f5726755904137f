package io.basalt.jdbc.remote;

import io.basalt.common.error.BasaltException;
import io.basalt.common.error.SqlState;
import io.netty.buffer.ByteBufAllocator;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.SslHandler;
import io.netty.handler.ssl.SslProvider;
import io.netty.handler.ssl.util.InsecureTrustManagerFactory;
import java.io.File;
import java.util.Locale;
import java.util.Properties;
import javax.net.ssl.SSLException;

/**
 * The driver's TLS settings, from the connection properties (PostgreSQL's names):
 * <ul>
 *   <li>{@code ssl=true}: speak TLS from the first byte (docs/design/0006, "TLS");</li>
 *   <li>{@code sslmode}: {@code verify-full} (the default with ssl=true: a trusted chain and a
 *       certificate naming the host), {@code verify-ca} (a trusted chain, any name), {@code require}
 *       (encrypt, trust any certificate: protects against listeners only), {@code disable} (plain);
 *       any mode but disable implies ssl=true;</li>
 *   <li>{@code sslrootcert=path}: trust the PEM certificates in this file (a CA, or a self-signed
 *       server certificate) instead of the JDK's trust store.</li>
 * </ul>
 * A bad value is 08001 naming the property, before anything is sent.
 */
final class ClientTls {
    private final SslContext context;

    private ClientTls(SslContext context) {
        this.context = context;
    }

    /** The settings, or null for a plain connection. */
    static ClientTls fromProperties(Properties properties) {
        String ssl = properties.getProperty("ssl", "false").trim().toLowerCase(Locale.ROOT);
        String mode = properties.getProperty("sslmode");
        if (!ssl.equals("true") && !ssl.equals("false")) {
            throw bad("ssl must be true or false, not \"" + ssl + "\"", null);
        }
        if (mode == null) {
            mode = ssl.equals("true") ? "verify-full" : "disable";
        }
        mode = mode.trim().toLowerCase(Locale.ROOT);
        if (mode.equals("disable")) {
            return null;
        }
        SslContextBuilder builder = SslContextBuilder.forClient().sslProvider(SslProvider.JDK);
        String rootCert = properties.getProperty("sslrootcert");
        switch (mode) {
            case "require" -> builder.trustManager(InsecureTrustManagerFactory.INSTANCE);
            case "verify-ca", "verify-full" -> {
                if (rootCert != null) {
                    File file = new File(rootCert);
                    if (!file.isFile()) {
                        throw bad("sslrootcert " + rootCert + " is not a readable file", null);
                    }
                    builder.trustManager(file);
                }
            }
            default -> throw bad("sslmode must be disable, require, verify-ca or verify-full, not \"" + mode + "\"", null);
        }
        builder.endpointIdentificationAlgorithm(mode.equals("verify-full") ? "HTTPS" : null);
        try {
            return new ClientTls(builder.build());
        } catch (SSLException | IllegalArgumentException e) {
            throw bad("cannot set up TLS (sslrootcert " + rootCert + "): " + e.getMessage(), e);
        }
    }

    /** A handler for a connection to {@code address}: the host name goes to SNI and the name check. */
    SslHandler newHandler(ByteBufAllocator allocator, RemoteUrl.HostAndPort address) {
        return context.newHandler(allocator, address.host(), address.port());
    }

    private static BasaltException bad(String why, Throwable cause) {
        return new BasaltException(SqlState.SQLCLIENT_UNABLE_TO_ESTABLISH_SQLCONNECTION, "connection property: " + why, cause);
    }
}

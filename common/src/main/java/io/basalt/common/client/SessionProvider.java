package io.basalt.common.client;

import java.util.Properties;

/**
 * An engine that opens {@link Session}s for some JDBC URLs. Implementations are registered in
 * {@code META-INF/services/io.basalt.common.client.SessionProvider}; the driver asks each one in
 * turn, so the thin driver jar needs no engine code and the server jar needs no driver changes.
 */
public interface SessionProvider {

    /** Whether this provider opens sessions for {@code url}, for example {@code jdbc:basalt:mem:test}. */
    boolean acceptsUrl(String url);

    /**
     * Opens a session. Properties hold the URL's query parameters merged with the caller's
     * properties (the caller's win).
     *
     * @throws io.basalt.common.error.BasaltException with a class 08 SQLState when the database
     *     cannot be reached or opened, 28xxx when the credentials are refused
     */
    Session open(String url, Properties properties);
}

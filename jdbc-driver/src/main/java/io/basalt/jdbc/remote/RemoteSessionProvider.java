package io.basalt.jdbc.remote;

import io.basalt.common.client.Session;
import io.basalt.common.client.SessionProvider;
import io.basalt.common.error.BasaltException;
import io.basalt.common.error.SqlState;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;

/**
 * Sessions on a Basalt server over the wire protocol, for {@code jdbc:basalt://host[:port],.../[db]}.
 * Properties: {@code user} and {@code password} (required), {@code connectTimeout} in seconds
 * (default 10), {@code isolation} / {@code serializable}, which the server applies to the session, and
 * the TLS settings of {@link ClientTls} ({@code ssl}, {@code sslmode}, {@code sslrootcert}).
 *
 * <p>Failover on connect: the hosts are tried in order and the first that connects and authenticates
 * wins. Only a failure to reach a host (class 08) moves on; a refused password (28xxx) or any other
 * answer from a server stops the search, since the next host would refuse it alike.
 */
public final class RemoteSessionProvider implements SessionProvider {
    private static final String[] PASSED_TO_SERVER = {"isolation", "serializable"};

    @Override
    public boolean acceptsUrl(String url) {
        return RemoteUrl.accepts(url);
    }

    @Override
    public Session open(String url, Properties properties) {
        RemoteUrl parsed = RemoteUrl.parse(url);
        String user = properties.getProperty("user");
        String password = properties.getProperty("password");
        if (user == null || user.isEmpty() || password == null) {
            throw new BasaltException(SqlState.INVALID_AUTHORIZATION_SPECIFICATION,
                    "a remote connection needs the user and password properties");
        }
        int timeoutMillis = connectTimeoutMillis(properties);
        ClientTls tls = ClientTls.fromProperties(properties);
        Map<String, String> options = new LinkedHashMap<>();
        for (String name : PASSED_TO_SERVER) {
            String value = properties.getProperty(name);
            if (value != null) {
                options.put(name, value);
            }
        }
        BasaltException lastFailure = null;
        for (RemoteUrl.HostAndPort host : parsed.hosts()) {
            try {
                RemoteConnection connection = RemoteConnection.open(host, user, password, parsed.database(), options,
                        timeoutMillis, tls);
                return new RemoteSession(connection);
            } catch (BasaltException e) {
                if (!e.sqlState().sqlClass().equals("08") || e.sqlState() == SqlState.PROTOCOL_VIOLATION) {
                    throw e;
                }
                lastFailure = e;
            }
        }
        throw new BasaltException(SqlState.SQLCLIENT_UNABLE_TO_ESTABLISH_SQLCONNECTION,
                "cannot connect to any of " + parsed.hosts() + ": " + lastFailure.getMessage(), lastFailure);
    }

    private static int connectTimeoutMillis(Properties properties) {
        String value = properties.getProperty("connectTimeout", "10");
        try {
            int seconds = Integer.parseInt(value.trim());
            if (seconds < 1 || seconds > 3600) {
                throw new NumberFormatException();
            }
            return seconds * 1000;
        } catch (NumberFormatException e) {
            throw new BasaltException(SqlState.INVALID_PARAMETER_VALUE,
                    "connection property connectTimeout must be 1 to 3600 seconds, not \"" + value + "\"");
        }
    }
}

package io.basalt.jdbc.internal;

import io.basalt.common.client.Session;
import io.basalt.common.client.SessionProvider;
import java.sql.Connection;
import java.sql.DriverPropertyInfo;
import java.sql.SQLException;
import java.util.Properties;

/**
 * Opens connections for {@code io.basalt.jdbc.BasaltDriver} and {@code BasaltDataSource}: parses
 * the URL, merges its query with the caller's properties (the caller's win), and asks the engine
 * that accepts the URL for a session.
 */
public final class Connector {
    /** Connection properties the driver documents; the engine interprets them. */
    static final String USER = "user";
    static final String PASSWORD = "password";
    static final String ISOLATION = "isolation";
    static final String SERIALIZABLE = "serializable";

    private Connector() {
    }

    public static boolean acceptsUrl(String url) {
        return ConnectionUrl.accepts(url);
    }

    /** A connection, or null when {@code url} is not a Basalt URL (the JDBC rule for drivers). */
    public static Connection connect(String url, Properties info) throws SQLException {
        if (!ConnectionUrl.accepts(url)) {
            return null;
        }
        ConnectionUrl parsed = ConnectionUrl.parse(url);
        String engineUrl = parsed.withoutQuery();
        Properties properties = parsed.mergedWith(info);
        SessionProvider provider = SessionProviders.forUrl(engineUrl);
        Session session = JdbcErrors.call(() -> provider.open(engineUrl, properties));
        if (session == null) {
            throw JdbcErrors.fromEngine(new IllegalStateException(
                    provider.getClass().getName() + ".open returned no session"));
        }
        return new BasaltConnection(session, engineUrl, properties.getProperty(USER));
    }

    /** For a DataSource: as {@link #connect}, but a missing or foreign URL is an error (08001), not null. */
    public static Connection connectConfigured(String url, Properties info) throws SQLException {
        if (url == null) {
            throw JdbcErrors.noUrlSet();
        }
        Connection connection = connect(url, info);
        if (connection == null) {
            throw JdbcErrors.notABasaltUrl(url);
        }
        return connection;
    }

    public static DriverPropertyInfo[] propertyInfo(String url, Properties info) throws SQLException {
        Properties current = ConnectionUrl.accepts(url) ? ConnectionUrl.parse(url).mergedWith(info) : new Properties();
        DriverPropertyInfo user = property(current, USER, "the user to connect as");
        DriverPropertyInfo password = property(current, PASSWORD, "the user's password");
        DriverPropertyInfo isolation = property(current, ISOLATION,
                "the isolation level of new transactions (default SERIALIZABLE)");
        isolation.choices = new String[] {"READ_COMMITTED", "REPEATABLE_READ", "SERIALIZABLE"};
        DriverPropertyInfo serializable = property(current, SERIALIZABLE,
                "how SERIALIZABLE is enforced: ssi (serializable snapshot isolation, default) or 2pl (two-phase locking)");
        serializable.choices = new String[] {"ssi", "2pl"};
        return new DriverPropertyInfo[] {user, password, isolation, serializable};
    }

    private static DriverPropertyInfo property(Properties current, String name, String description) {
        DriverPropertyInfo property = new DriverPropertyInfo(name, current.getProperty(name));
        property.description = description;
        property.required = false;
        return property;
    }
}

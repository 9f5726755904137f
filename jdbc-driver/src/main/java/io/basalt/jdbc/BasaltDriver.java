package io.basalt.jdbc;

import io.basalt.jdbc.internal.Connector;
import io.basalt.jdbc.internal.DriverVersion;
import io.basalt.jdbc.internal.JdbcErrors;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.DriverManager;
import java.sql.DriverPropertyInfo;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.Properties;
import java.util.logging.Logger;

/**
 * The Basalt JDBC driver, for URLs that start with {@code jdbc:basalt:}:
 * <ul>
 *   <li>{@code jdbc:basalt:mem:name} and {@code jdbc:basalt:file:/path}: an embedded engine in this
 *       JVM, which needs the server module's jar on the class path;</li>
 *   <li>{@code jdbc:basalt://host:port,.../db}: a remote server (once the wire protocol exists).</li>
 * </ul>
 * A URL may end with {@code ?key=value&key2=value2} (URL-encoded); those properties are merged with
 * the ones passed to {@link #connect}, and the passed ones win. Documented properties: {@code user},
 * {@code password}, {@code isolation} (READ_COMMITTED, REPEATABLE_READ, SERIALIZABLE) and
 * {@code serializable} ({@code ssi} or {@code 2pl}).
 *
 * <p>The driver holds no engine code: it finds one through {@link java.util.ServiceLoader} as an
 * {@code io.basalt.common.client.SessionProvider} that accepts the URL (without its query), and
 * opens a session with it. The driver registers itself with {@link DriverManager} when loaded.
 */
public final class BasaltDriver implements Driver {

    static {
        try {
            DriverManager.registerDriver(new BasaltDriver());
        } catch (SQLException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    /** Returns null for URLs that are not Basalt's, as JDBC requires, so DriverManager tries the next driver. */
    @Override
    public Connection connect(String url, Properties info) throws SQLException {
        return Connector.connect(url, info);
    }

    @Override
    public boolean acceptsURL(String url) {
        return Connector.acceptsUrl(url);
    }

    @Override
    public DriverPropertyInfo[] getPropertyInfo(String url, Properties info) throws SQLException {
        return Connector.propertyInfo(url, info);
    }

    @Override
    public int getMajorVersion() {
        return DriverVersion.MAJOR;
    }

    @Override
    public int getMinorVersion() {
        return DriverVersion.MINOR;
    }

    /** Not yet: JDBC compliance also requires full SQL-92 entry level and complete metadata. */
    @Override
    public boolean jdbcCompliant() {
        return false;
    }

    /** The driver does not log through java.util.logging. */
    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        throw JdbcErrors.noParentLogger();
    }
}

package io.basalt.jdbc;

import io.basalt.jdbc.internal.Connector;
import io.basalt.jdbc.internal.JdbcErrors;
import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.Properties;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * A {@link DataSource} for a Basalt URL, for pools and frameworks that configure a bean rather than
 * a URL string (HikariCP's {@code dataSourceClassName}). Properties follow {@link BasaltDriver}: the
 * URL's query, then {@link #setProperty}, then user and password, each overriding the one before.
 */
public class BasaltDataSource implements DataSource {
    private volatile String url;
    private volatile String user;
    private volatile String password;
    private final Properties properties = new Properties();
    private volatile int loginTimeoutSeconds;
    private volatile PrintWriter logWriter;

    public String getUrl() {
        return url;
    }

    public void setUrl(String url) {
        this.url = url;
    }

    public String getUser() {
        return user;
    }

    public void setUser(String user) {
        this.user = user;
    }

    public String getPassword() {
        return password;
    }

    public void setPassword(String password) {
        this.password = password;
    }

    /** A connection property, for example {@code isolation} or {@code serializable}. */
    public void setProperty(String key, String value) {
        synchronized (properties) {
            properties.setProperty(key, value);
        }
    }

    public String getProperty(String key) {
        synchronized (properties) {
            return properties.getProperty(key);
        }
    }

    /** Adds all of {@code more} to the connection properties. */
    public void setProperties(Properties more) {
        synchronized (properties) {
            more.stringPropertyNames().forEach(key -> properties.setProperty(key, more.getProperty(key)));
        }
    }

    @Override
    public Connection getConnection() throws SQLException {
        return getConnection(user, password);
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        Properties info = new Properties();
        synchronized (properties) {
            info.putAll(properties);
        }
        if (username != null) {
            info.setProperty("user", username);
        }
        if (password != null) {
            info.setProperty("password", password);
        }
        return Connector.connectConfigured(url, info);
    }

    @Override
    public PrintWriter getLogWriter() {
        return logWriter;
    }

    /** Stored for callers that read it back; the driver writes nothing to it. */
    @Override
    public void setLogWriter(PrintWriter out) {
        logWriter = out;
    }

    /** Stored; connecting to an embedded engine does not wait, and the remote transport will use it. */
    @Override
    public void setLoginTimeout(int seconds) {
        loginTimeoutSeconds = seconds;
    }

    @Override
    public int getLoginTimeout() {
        return loginTimeoutSeconds;
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        throw JdbcErrors.noParentLogger();
    }

    @Override
    public <T> T unwrap(Class<T> iface) throws SQLException {
        if (isWrapperFor(iface)) {
            return iface.cast(this);
        }
        throw JdbcErrors.notAWrapperFor(iface);
    }

    @Override
    public boolean isWrapperFor(Class<?> iface) {
        return iface != null && iface.isInstance(this);
    }
}

package io.basalt.server.net;

import io.basalt.common.auth.ScramVerifier;
import io.basalt.common.error.BasaltException;
import io.basalt.common.error.SqlState;
import io.basalt.server.embedded.DatabaseLease;
import java.nio.file.Path;
import io.basalt.sql.SqlEngine;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The databases a server serves, by the name a client asks for in Startup, each held open by a
 * {@link DatabaseLease} for the server's lifetime.
 * <ul>
 *   <li>{@link #dataDirectory}: the node's data directory is its one database; the empty name and
 *       {@value #DEFAULT_NAME} reach it, any other name is 3D000. Opened at server start.</li>
 *   <li>{@link #inMemory}: every name is its own in-memory database, created on first use. For tests
 *       (one server, a fresh database per test): anyone who can connect can create databases.</li>
 * </ul>
 * A database without users gets the bootstrap user when it is opened (docs/design/0006, "Users").
 *
 * <p>Threading: {@link #get} from connection tasks; the map is guarded by {@code this}.
 */
final class ServedDatabases implements AutoCloseable {
    static final String DEFAULT_NAME = "basalt";
    private static final Logger LOG = LoggerFactory.getLogger(ServedDatabases.class);

    private final Path dataDirectory;
    private final BootstrapUser bootstrap;
    // Guarded by this.
    private final Map<String, DatabaseLease> open = new HashMap<>();
    private boolean closed;

    /** The user created in a database that has none; null: refuse to serve such a database. */
    record BootstrapUser(String name, String password) {
        @Override
        public String toString() {
            return "BootstrapUser[" + name + "]";
        }
    }

    private ServedDatabases(Path dataDirectory, BootstrapUser bootstrap) {
        this.dataDirectory = dataDirectory;
        this.bootstrap = bootstrap;
    }

    static ServedDatabases dataDirectory(Path directory, BootstrapUser bootstrap) {
        ServedDatabases databases = new ServedDatabases(directory.toAbsolutePath().normalize(), bootstrap);
        databases.get(DEFAULT_NAME); // open now: a bad directory or a missing admin password fails the start
        return databases;
    }

    static ServedDatabases inMemory(BootstrapUser bootstrap) {
        return new ServedDatabases(null, bootstrap);
    }

    /** The database named {@code name}, opened (and bootstrapped) on first use. */
    synchronized DatabaseLease get(String name) {
        if (closed) {
            throw new BasaltException(SqlState.ADMIN_SHUTDOWN, "the server is shutting down");
        }
        String key = dataDirectory != null && name.isEmpty() ? DEFAULT_NAME : name;
        DatabaseLease lease = open.get(key);
        if (lease != null) {
            return lease;
        }
        String url;
        if (dataDirectory != null) {
            if (!key.equals(DEFAULT_NAME)) {
                throw new BasaltException(SqlState.INVALID_CATALOG_NAME, "database \"" + name + "\" does not exist"
                        + " (this server serves \"" + DEFAULT_NAME + "\")");
            }
            url = "jdbc:basalt:file:" + dataDirectory;
        } else {
            if (key.isEmpty() || key.length() > 128) {
                throw new BasaltException(SqlState.INVALID_CATALOG_NAME, "an in-memory server needs a database name");
            }
            url = "jdbc:basalt:mem:" + key;
        }
        lease = DatabaseLease.acquire(url, new Properties());
        try {
            bootstrapUsers(lease, key);
        } catch (RuntimeException e) {
            lease.close();
            throw e;
        }
        open.put(key, lease);
        return lease;
    }

    private void bootstrapUsers(DatabaseLease lease, String name) {
        if (lease.engine().users().hasUsers()) {
            return;
        }
        if (bootstrap == null) {
            throw new BasaltException(SqlState.INVALID_AUTHORIZATION_SPECIFICATION, "database \"" + name
                    + "\" has no users yet: give the first admin's password with --admin-password or BASALT_ADMIN_PASSWORD");
        }
        lease.engine().users().create(bootstrap.name(), ScramVerifier.create(bootstrap.password()), true);
        LOG.info("Bootstrap user created [database={}, user={}]", name, bootstrap.name());
    }

    /** A snapshot of the open databases' engines, by name. */
    synchronized Map<String, SqlEngine> engines() {
        Map<String, SqlEngine> engines = new LinkedHashMap<>();
        open.forEach((name, lease) -> engines.put(name, lease.engine()));
        return engines;
    }

    @Override
    public synchronized void close() {
        closed = true;
        open.values().forEach(DatabaseLease::close);
        open.clear();
    }
}

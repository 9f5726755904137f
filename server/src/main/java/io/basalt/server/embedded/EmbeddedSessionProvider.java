package io.basalt.server.embedded;

import io.basalt.common.client.Session;
import io.basalt.common.client.SessionProvider;
import io.basalt.common.client.TransactionIsolation;
import io.basalt.common.error.BasaltException;
import io.basalt.common.error.SqlState;
import io.basalt.cluster.node.NodeOptions;
import io.basalt.sql.session.SqlSession;
import java.util.Locale;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The embedded engine behind {@code jdbc:basalt:mem:} and {@code jdbc:basalt:file:} URLs, found by
 * the driver through {@link java.util.ServiceLoader}. Connection properties:
 * <ul>
 *   <li>{@code partitions}: the partition count of a database being created (default 8); an
 *       existing database keeps its own and refuses a different one (22023);</li>
 *   <li>{@code isolation}: READ_COMMITTED, REPEATABLE_READ or SERIALIZABLE for the session;</li>
 *   <li>{@code serializable}: ssi or 2pl.</li>
 * </ul>
 * An embedded database has no users: {@code user} and {@code password} are accepted and ignored.
 */
public final class EmbeddedSessionProvider implements SessionProvider {
    private static final DatabaseRegistry REGISTRY = DatabaseRegistry.SHARED;
    private static final AtomicLong PRIVATE_IDS = new AtomicLong();

    @Override
    public boolean acceptsUrl(String url) {
        return EmbeddedUrl.accepts(url);
    }

    @Override
    public Session open(String url, Properties properties) {
        return openSession(acquire(url, properties), properties);
    }

    /** One more use of the database behind an embedded URL, opened if needed (class 08 if it cannot be). */
    static EmbeddedDatabase acquire(String url, Properties properties) {
        EmbeddedUrl parsed = EmbeddedUrl.parse(url, PRIVATE_IDS.incrementAndGet());
        int partitions = intProperty(properties, "partitions", NodeOptions.AS_CREATED);
        EmbeddedDatabase database;
        try {
            database = REGISTRY.acquire(parsed, partitions);
        } catch (BasaltException e) {
            // A store that cannot be opened now (locked by another process, I/O) may open later:
            // 08001. A request the store refuses (another partition count) never will: keep its state.
            SqlState state = e.sqlState().sqlClass().equals("58")
                    ? SqlState.SQLCLIENT_UNABLE_TO_ESTABLISH_SQLCONNECTION : e.sqlState();
            throw new BasaltException(state, "cannot open database " + parsed.key() + ": " + e.getMessage(), e);
        }
        return database;
    }

    /**
     * A session on an acquired database that holds one more use of it, released when the session
     * closes (on failure the use is released here).
     */
    static Session openSession(EmbeddedDatabase database, Properties properties) {
        try {
            SqlSession session = database.engine().openSession();
            configure(session, properties);
            return new EmbeddedSession(session, () -> REGISTRY.release(database));
        } catch (RuntimeException e) {
            REGISTRY.release(database);
            throw e;
        }
    }

    /** How many embedded databases are open in this JVM (for tests and diagnostics). */
    public static int openDatabases() {
        return REGISTRY.openDatabases();
    }

    private static void configure(SqlSession session, Properties properties) {
        session.setUser(properties.getProperty("user"));
        String isolation = properties.getProperty("isolation");
        if (isolation != null) {
            try {
                session.setIsolation(TransactionIsolation.valueOf(
                        isolation.trim().toUpperCase(Locale.ROOT).replace(' ', '_')));
            } catch (IllegalArgumentException e) {
                throw new BasaltException(SqlState.INVALID_PARAMETER_VALUE, "unknown isolation level \""
                        + isolation + "\" (READ_COMMITTED, REPEATABLE_READ or SERIALIZABLE)");
            }
        }
        String serializable = properties.getProperty("serializable");
        if (serializable != null) {
            session.execute("SET serializable = '" + serializable.replace("'", "''") + "'");
        }
    }

    private static int intProperty(Properties properties, String name, int defaultValue) {
        String value = properties.getProperty(name);
        if (value == null) {
            return defaultValue;
        }
        try {
            int parsed = Integer.parseInt(value.trim());
            if (parsed < 1 || parsed > 4096) {
                throw new NumberFormatException();
            }
            return parsed;
        } catch (NumberFormatException e) {
            throw new BasaltException(SqlState.INVALID_PARAMETER_VALUE,
                    "connection property " + name + " must be a number from 1 to 4096, not \"" + value + "\"");
        }
    }
}

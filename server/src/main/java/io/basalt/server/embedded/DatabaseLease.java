package io.basalt.server.embedded;

import io.basalt.common.client.Session;
import io.basalt.sql.SqlEngine;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A database of this process held open by a service rather than by a connection: the wire server
 * keeps one per database it serves, looks users up in its engine and opens client sessions on it.
 * Embedded connections to the same URL share the database (the registry counts both).
 */
public final class DatabaseLease implements AutoCloseable {
    private final EmbeddedDatabase database;
    private final AtomicBoolean closed = new AtomicBoolean();

    private DatabaseLease(EmbeddedDatabase database) {
        this.database = database;
    }

    /** Opens (or joins) the database behind {@code jdbc:basalt:mem:...} or {@code jdbc:basalt:file:...}. */
    public static DatabaseLease acquire(String embeddedUrl, Properties properties) {
        return new DatabaseLease(EmbeddedSessionProvider.acquire(embeddedUrl, properties));
    }

    public SqlEngine engine() {
        return database.engine();
    }

    /** A new session; it keeps the database open until it closes, even after this lease is closed. */
    public Session openSession(Properties properties) {
        DatabaseRegistry.SHARED.retain(database);
        return EmbeddedSessionProvider.openSession(database, properties);
    }

    /** Releases the lease's use of the database; it closes when no session uses it either. Idempotent. */
    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            DatabaseRegistry.SHARED.release(database);
        }
    }
}

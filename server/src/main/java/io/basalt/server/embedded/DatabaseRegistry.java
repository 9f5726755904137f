package io.basalt.server.embedded;

import java.util.HashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded databases open in this JVM, shared by connections to the same URL and closed when
 * the last of them closes (so a file database can be opened by another process afterwards, and an
 * in-memory one is gone).
 *
 * <p>Invariant: {@code open.get(key)} exists iff {@code users.get(key) > 0}. Both maps are guarded
 * by this object's monitor; opening and closing a store happen under it too, so a database is
 * never opened twice or used while closing.
 */
final class DatabaseRegistry {
    private static final Logger LOG = LoggerFactory.getLogger(DatabaseRegistry.class);
    /** The JVM's one registry: embedded connections and the wire server share databases through it. */
    static final DatabaseRegistry SHARED = new DatabaseRegistry();

    private final Map<String, EmbeddedDatabase> open = new HashMap<>();
    private final Map<String, Integer> users = new HashMap<>();

    synchronized EmbeddedDatabase acquire(EmbeddedUrl url, int partitions) {
        EmbeddedDatabase database = open.get(url.key());
        if (database == null) {
            database = new EmbeddedDatabase(url, partitions);
            open.put(url.key(), database);
            LOG.info("Embedded database opened [database={}]", url.key());
        }
        users.merge(url.key(), 1, Integer::sum);
        return database;
    }

    /** One more use of a database that is open (the caller holds a use of it). */
    synchronized void retain(EmbeddedDatabase database) {
        String key = database.url().key();
        if (open.get(key) != database) {
            throw new IllegalStateException("database " + key + " is not open");
        }
        users.merge(key, 1, Integer::sum);
    }

    synchronized void release(EmbeddedDatabase database) {
        String key = database.url().key();
        int remaining = users.merge(key, -1, Integer::sum);
        if (remaining <= 0) {
            users.remove(key);
            open.remove(key);
            database.close();
            LOG.info("Embedded database closed [database={}]", key);
        }
    }

    synchronized int openDatabases() {
        return open.size();
    }
}

package io.basalt.server.embedded;

import io.basalt.common.error.BasaltException;
import io.basalt.common.error.SqlState;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Locale;

/**
 * An embedded database URL:
 * <ul>
 *   <li>{@code jdbc:basalt:mem:<name>}: in memory, shared by every connection to the same name in
 *       this JVM, gone when the last one closes; an empty name gives each connection a private one;</li>
 *   <li>{@code jdbc:basalt:file:<path>}: on disk, created on first use, reopened with its data.</li>
 * </ul>
 *
 * @param key identifies the database within the JVM (connections with equal keys share it)
 * @param path the directory of a file database, null in memory
 */
record EmbeddedUrl(String key, Path path) {
    static final String MEM = "jdbc:basalt:mem:";
    static final String FILE = "jdbc:basalt:file:";

    static boolean accepts(String url) {
        String lower = url.toLowerCase(Locale.ROOT);
        return lower.startsWith(MEM) || lower.startsWith(FILE);
    }

    static EmbeddedUrl parse(String url, long privateId) {
        String withoutQuery = url.contains("?") ? url.substring(0, url.indexOf('?')) : url;
        String lower = withoutQuery.toLowerCase(Locale.ROOT);
        if (lower.startsWith(MEM)) {
            String name = withoutQuery.substring(MEM.length());
            return new EmbeddedUrl(name.isEmpty() ? "mem:private-" + privateId : "mem:" + name, null);
        }
        if (lower.startsWith(FILE)) {
            String location = withoutQuery.substring(FILE.length());
            if (location.isBlank()) {
                throw new BasaltException(SqlState.SQLCLIENT_UNABLE_TO_ESTABLISH_SQLCONNECTION,
                        "a file database URL needs a path: jdbc:basalt:file:<directory>");
            }
            Path path = Paths.get(location).toAbsolutePath().normalize();
            return new EmbeddedUrl("file:" + path, path);
        }
        throw new BasaltException(SqlState.SQLCLIENT_UNABLE_TO_ESTABLISH_SQLCONNECTION, "not an embedded Basalt URL");
    }

    boolean inMemory() {
        return path == null;
    }
}

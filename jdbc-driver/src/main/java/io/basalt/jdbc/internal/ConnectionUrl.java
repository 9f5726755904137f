package io.basalt.jdbc.internal;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.Properties;

/**
 * A Basalt JDBC URL split into the part that names the database and its {@code ?key=value&...}
 * query. Engines receive the URL without the query (so that a file path or host list never has to
 * be told apart from options) and the query as properties.
 */
final class ConnectionUrl {
    static final String PREFIX = "jdbc:basalt:";

    private final String withoutQuery;
    private final Properties query;

    private ConnectionUrl(String withoutQuery, Properties query) {
        this.withoutQuery = withoutQuery;
        this.query = query;
    }

    static boolean accepts(String url) {
        return url != null && url.startsWith(PREFIX);
    }

    /** Splits {@code url}; a key without {@code =} gets the empty value; keys and values are URL-decoded. */
    static ConnectionUrl parse(String url) throws SQLException {
        int mark = url.indexOf('?');
        if (mark < 0) {
            return new ConnectionUrl(url, new Properties());
        }
        String base = url.substring(0, mark);
        Properties query = new Properties();
        for (String pair : url.substring(mark + 1).split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int equals = pair.indexOf('=');
            String key = equals < 0 ? pair : pair.substring(0, equals);
            String value = equals < 0 ? "" : pair.substring(equals + 1);
            try {
                query.setProperty(decode(key), decode(value));
            } catch (IllegalArgumentException e) {
                // The base only: the query may hold a password.
                throw JdbcErrors.malformedUrl(base, "bad %-escape in the query");
            }
        }
        return new ConnectionUrl(base, query);
    }

    private static String decode(String text) {
        return URLDecoder.decode(text, StandardCharsets.UTF_8);
    }

    String withoutQuery() {
        return withoutQuery;
    }

    /** The query's properties overridden by the caller's (including the caller's defaults). */
    Properties mergedWith(Properties callerInfo) {
        Properties merged = new Properties();
        merged.putAll(query);
        if (callerInfo != null) {
            for (String key : callerInfo.stringPropertyNames()) {
                merged.setProperty(key, callerInfo.getProperty(key));
            }
        }
        return merged;
    }
}

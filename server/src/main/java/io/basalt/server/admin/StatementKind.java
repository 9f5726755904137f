package io.basalt.server.admin;

import java.util.Locale;

/**
 * The kind of a SQL statement, as the {@code kind} tag of {@code basalt_statements}: read from its
 * first keyword, because the metric must not cost a parse. A statement the engine later rejects is
 * still counted under the kind its text claims.
 */
enum StatementKind {
    SELECT, INSERT, UPDATE, DELETE, DDL, TRANSACTION, OTHER;

    final String tag = name().toLowerCase(Locale.ROOT);

    static StatementKind of(String sql) {
        int start = 0;
        int length = sql.length();
        while (start < length && (Character.isWhitespace(sql.charAt(start)) || sql.charAt(start) == '(')) {
            start++;
        }
        int end = start;
        while (end < length && Character.isLetter(sql.charAt(end))) {
            end++;
        }
        return switch (sql.substring(start, end).toUpperCase(Locale.ROOT)) {
            case "SELECT", "WITH", "VALUES", "EXPLAIN", "SHOW" -> SELECT;
            case "INSERT", "UPSERT" -> INSERT;
            case "UPDATE", "MERGE" -> UPDATE;
            case "DELETE" -> DELETE;
            case "CREATE", "DROP", "ALTER", "TRUNCATE" -> DDL;
            case "BEGIN", "START", "COMMIT", "ROLLBACK", "SET" -> TRANSACTION;
            default -> OTHER;
        };
    }
}

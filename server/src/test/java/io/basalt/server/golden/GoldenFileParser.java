package io.basalt.server.golden;

import io.basalt.server.golden.GoldenRecord.ExpectError;
import io.basalt.server.golden.GoldenRecord.Query;
import io.basalt.server.golden.GoldenRecord.SortMode;
import io.basalt.server.golden.GoldenRecord.StatementCount;
import io.basalt.server.golden.GoldenRecord.StatementOk;
import io.basalt.server.golden.GoldenRecord.UseConnection;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Reads a golden file (format in {@code src/test/resources/golden/README.md}) into records.
 * Anything it does not understand is a {@link MalformedGoldenFileException} naming the file and
 * line: a typo in a directive must fail the build, never skip a check.
 */
final class GoldenFileParser {
    private static final Pattern SQL_STATE = Pattern.compile("[0-9A-Z]{5}");
    private static final Pattern TYPES = Pattern.compile("[IRTBD]+");
    private static final Pattern COUNT = Pattern.compile("[0-9]+");
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_]+");
    private static final String SEPARATOR = "----";

    private final String fileName;
    private final List<String> lines;
    private int next; // index of the next unread line

    private GoldenFileParser(String fileName, String text) {
        this.fileName = fileName;
        this.lines = text.lines().toList();
    }

    static List<GoldenRecord> parse(String fileName, String text) {
        return new GoldenFileParser(fileName, text).records();
    }

    private List<GoldenRecord> records() {
        List<GoldenRecord> records = new ArrayList<>();
        while (next < lines.size()) {
            String line = lines.get(next).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                next++;
            } else {
                records.add(record());
            }
        }
        return records;
    }

    private GoldenRecord record() {
        int line = next + 1;
        String[] words = lines.get(next++).strip().split("\\s+");
        String directive = words[0] + (words.length > 1 ? " " + words[1] : "");
        if (words[0].equals("connection")) {
            expectWords(words, 2, line, "connection NAME");
            return new UseConnection(line, checked(words[1], NAME, line, "a connection name"));
        }
        if (directive.equals("statement ok")) {
            expectWords(words, 2, line, "statement ok");
            return new StatementOk(line, sql(line, false));
        }
        if (directive.equals("statement count")) {
            expectWords(words, 3, line, "statement count N");
            long count = Long.parseLong(checked(words[2], COUNT, line, "an update count"));
            return new StatementCount(line, sql(line, false), count);
        }
        if (directive.equals("statement error") || directive.equals("query error")) {
            expectWords(words, 3, line, directive + " SQLSTATE");
            String sqlState = checked(words[2], SQL_STATE, line, "a 5-character SQLState");
            return new ExpectError(line, sql(line, false), sqlState);
        }
        if (words[0].equals("query") && words.length >= 2) {
            if (words.length > 3) {
                throw malformed(line, "expected 'query TYPES [nosort|rowsort]'");
            }
            String types = checked(words[1], TYPES, line, "column type letters (I, R, T, B, D)");
            SortMode sortMode = words.length == 3 ? sortMode(words[2], line) : SortMode.NOSORT;
            String sql = sql(line, true);
            return new Query(line, sql, types, sortMode, expectedRows(types.length()));
        }
        throw malformed(line, "unknown directive '" + String.join(" ", words)
                + "' (expected statement ok|count N|error S, query TYPES [nosort|rowsort], query error S, connection NAME)");
    }

    /** SQL lines up to a blank line (or, for a query, up to the {@code ----} line, which is consumed). */
    private String sql(int line, boolean query) {
        StringBuilder sql = new StringBuilder();
        while (next < lines.size() && !lines.get(next).isBlank()) {
            String text = lines.get(next++);
            if (text.strip().equals(SEPARATOR)) {
                if (!query) {
                    throw malformed(next, "'----' belongs to a query; a statement has no result rows");
                }
                return nonEmpty(sql, line);
            }
            if (!text.strip().startsWith("#")) {
                sql.append(sql.length() == 0 ? "" : "\n").append(text.stripTrailing());
            }
        }
        if (query) {
            throw malformed(line, "query without a '----' line before its expected rows");
        }
        return nonEmpty(sql, line);
    }

    private List<String> expectedRows(int columns) {
        List<String> rows = new ArrayList<>();
        while (next < lines.size() && !lines.get(next).isBlank()) {
            String row = lines.get(next++).stripTrailing();
            int values = ValueText.split(row).size();
            if (values != columns) {
                throw malformed(next, "expected row has " + values + " values but the query declares "
                        + columns + " columns: " + row);
            }
            rows.add(row);
        }
        return rows;
    }

    private String nonEmpty(StringBuilder sql, int line) {
        if (sql.length() == 0) {
            throw malformed(line, "record without SQL");
        }
        return sql.toString();
    }

    private SortMode sortMode(String word, int line) {
        return switch (word) {
            case "nosort" -> SortMode.NOSORT;
            case "rowsort" -> SortMode.ROWSORT;
            default -> throw malformed(line, "unknown sort mode '" + word + "' (nosort or rowsort)");
        };
    }

    private void expectWords(String[] words, int count, int line, String usage) {
        if (words.length != count) {
            throw malformed(line, "expected '" + usage + "'");
        }
    }

    private String checked(String word, Pattern pattern, int line, String what) {
        if (!pattern.matcher(word).matches()) {
            throw malformed(line, "'" + word + "' is not " + what);
        }
        return word;
    }

    private MalformedGoldenFileException malformed(int line, String message) {
        return new MalformedGoldenFileException(fileName + ":" + line + ": " + message);
    }

    /** A golden file the parser cannot read; the message starts with {@code file:line}. */
    static final class MalformedGoldenFileException extends RuntimeException {
        MalformedGoldenFileException(String message) {
            super(message);
        }
    }
}

package io.basalt.server.golden;

import io.basalt.server.golden.GoldenRecord.ExpectError;
import io.basalt.server.golden.GoldenRecord.Query;
import io.basalt.server.golden.GoldenRecord.SortMode;
import io.basalt.server.golden.GoldenRecord.StatementCount;
import io.basalt.server.golden.GoldenRecord.StatementOk;
import io.basalt.server.golden.GoldenRecord.UseConnection;
import io.basalt.server.testing.OpenConnections;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Runs the records of one golden file against one fresh database through Basalt's JDBC driver
 * and collects every record whose outcome differs from the expected one.
 *
 * <p>The run goes on after a failed record, as sqllogictest does, so one run lists every
 * difference in a file; later records may of course fail only because an earlier one did.
 * Each failure is a readable block: {@code file:line}, the SQL, expected and actual.
 */
final class GoldenRunner {
    private static final String DEFAULT_CONNECTION = "default";

    private final String fileName;
    private final String url;
    private final OpenConnections opened = new OpenConnections();
    private final Map<String, Connection> connections = new HashMap<>();
    private final List<String> failures = new ArrayList<>();
    private Connection current;

    private GoldenRunner(String fileName, String url) {
        this.fileName = fileName;
        this.url = url;
    }

    /** Runs a golden file against a new in-memory database; fails with every difference found. */
    static void assertFilePasses(Path file) throws IOException, SQLException {
        // "golden/ddl.sql" rather than "ddl.sql": the gap files reuse the golden files' names.
        String fileName = file.getParent().getFileName() + "/" + file.getFileName();
        List<GoldenRecord> records = GoldenFileParser.parse(fileName, Files.readString(file, StandardCharsets.UTF_8));
        List<String> failures = run(fileName, records);
        if (!failures.isEmpty()) {
            throw new AssertionError(failures.size() + " of " + records.size() + " records in " + fileName
                    + " failed:\n\n" + String.join("\n", failures));
        }
    }

    /** The failure report of each record that did not behave as expected, in file order. */
    static List<String> run(String fileName, List<GoldenRecord> records) throws SQLException {
        String url = "jdbc:basalt:mem:" + fileName.replaceAll("[^A-Za-z0-9.-]", "_") + "-" + UUID.randomUUID();
        GoldenRunner runner = new GoldenRunner(fileName, url);
        try {
            runner.use(DEFAULT_CONNECTION);
            for (GoldenRecord record : records) {
                runner.runRecord(record);
            }
        } finally {
            runner.opened.closeAll(); // the in-memory database goes with its last connection
        }
        return runner.failures;
    }

    private void runRecord(GoldenRecord record) throws SQLException {
        if (record instanceof UseConnection use) {
            use(use.name());
        } else if (record instanceof StatementOk ok) {
            try {
                execute(ok.sql());
            } catch (SQLException e) {
                fail(record.line(), "statement failed with " + describe(e), ok.sql());
            }
        } else if (record instanceof StatementCount count) {
            try {
                Outcome outcome = execute(count.sql());
                if (outcome.rows() != null || outcome.updateCount() != count.count()) {
                    fail(record.line(), "expected update count " + count.count() + ", got " + outcome, count.sql());
                }
            } catch (SQLException e) {
                fail(record.line(), "statement failed with " + describe(e), count.sql());
            }
        } else if (record instanceof ExpectError error) {
            try {
                Outcome outcome = execute(error.sql());
                fail(record.line(), "expected SQLState " + error.sqlState() + ", but it succeeded with " + outcome,
                        error.sql());
            } catch (SQLException e) {
                if (!error.sqlState().equals(e.getSQLState())) {
                    fail(record.line(), "expected SQLState " + error.sqlState() + ", got " + describe(e), error.sql());
                }
            }
        } else if (record instanceof Query query) {
            runQuery(query);
        }
    }

    private void runQuery(Query query) {
        Outcome outcome;
        try {
            outcome = execute(query.sql());
        } catch (SQLException e) {
            fail(query.line(), "query failed with " + describe(e), query.sql());
            return;
        }
        if (outcome.rows() == null) {
            fail(query.line(), "expected rows, got " + outcome, query.sql());
            return;
        }
        List<String> expected = query.expectedRows();
        List<String> actual = outcome.rows();
        if (query.sortMode() == SortMode.ROWSORT) {
            expected = expected.stream().sorted().toList();
            actual = actual.stream().sorted().toList();
        }
        boolean typesDiffer = !query.types().equals(outcome.types());
        if (typesDiffer || !expected.equals(actual)) {
            String what = typesDiffer
                    ? "column types differ: expected " + query.types() + ", got " + outcome.types()
                            + " (" + outcome.typeNames() + ")"
                    : "rows differ";
            fail(query.line(), what, query.sql(),
                    "expected (" + expected.size() + " rows" + sortNote(query) + "):\n" + indented(expected, 8)
                    + "    actual (" + actual.size() + " rows" + sortNote(query) + "):\n" + indented(actual, 8)
                    + firstDifference(expected, actual));
        }
    }

    /** What a statement did: its rows as canonical text with its column types, or its update count. */
    private record Outcome(List<String> rows, String types, String typeNames, long updateCount) {
        @Override
        public String toString() {
            return rows == null ? "update count " + updateCount : rows.size() + " rows";
        }
    }

    private Outcome execute(String sql) throws SQLException {
        try (Statement statement = current.createStatement()) {
            if (!statement.execute(sql)) {
                return new Outcome(null, "", "", statement.getUpdateCount());
            }
            try (ResultSet resultSet = statement.getResultSet()) {
                return readRows(resultSet);
            }
        }
    }

    private static Outcome readRows(ResultSet resultSet) throws SQLException {
        ResultSetMetaData metaData = resultSet.getMetaData();
        int columns = metaData.getColumnCount();
        StringBuilder types = new StringBuilder();
        List<String> typeNames = new ArrayList<>();
        for (int i = 1; i <= columns; i++) {
            types.append(ValueText.typeLetter(metaData.getColumnType(i)));
            typeNames.add(metaData.getColumnTypeName(i));
        }
        List<String> rows = new ArrayList<>();
        while (resultSet.next()) {
            List<String> values = new ArrayList<>(columns);
            for (int i = 1; i <= columns; i++) {
                values.add(ValueText.of(value(resultSet, i, metaData.getColumnType(i))));
            }
            rows.add(String.join(" ", values));
        }
        return new Outcome(rows, types.toString(), String.join(", ", typeNames), -1);
    }

    /** Date/time values as java.time, which keeps every fraction digit and no time zone. */
    private static Object value(ResultSet resultSet, int column, int jdbcType) throws SQLException {
        return switch (jdbcType) {
            case Types.DATE -> resultSet.getObject(column, LocalDate.class);
            case Types.TIME -> resultSet.getObject(column, LocalTime.class);
            case Types.TIMESTAMP -> resultSet.getObject(column, LocalDateTime.class);
            default -> resultSet.getObject(column);
        };
    }

    private void use(String name) throws SQLException {
        Connection connection = connections.get(name);
        if (connection == null) {
            connection = opened.track(DriverManager.getConnection(url));
            connections.put(name, connection);
        }
        current = connection;
    }

    private void fail(int line, String what, String sql) {
        fail(line, what, sql, "");
    }

    private void fail(int line, String what, String sql, String details) {
        String sqlText = String.join("\n         ", sql.split("\n"));
        failures.add(fileName + ":" + line + ": " + what + "\n    SQL: " + sqlText + "\n"
                + (details.isEmpty() ? "" : "    " + details));
    }

    private static String describe(SQLException e) {
        return "SQLState " + e.getSQLState() + ": " + e.getMessage();
    }

    private static String sortNote(Query query) {
        return query.sortMode() == SortMode.ROWSORT ? ", sorted" : "";
    }

    private static String indented(List<String> lines, int spaces) {
        StringBuilder text = new StringBuilder();
        for (String line : lines) {
            text.append(" ".repeat(spaces)).append(line).append('\n');
        }
        return text.toString();
    }

    private static String firstDifference(List<String> expected, List<String> actual) {
        int row = 0;
        while (row < expected.size() && row < actual.size() && expected.get(row).equals(actual.get(row))) {
            row++;
        }
        return expected.equals(actual) ? "" : "    first difference at row " + (row + 1) + "\n";
    }
}

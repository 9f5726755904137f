package io.basalt.server.jdbc;

import static io.basalt.server.jdbc.TestDatabase.column;
import static io.basalt.server.jdbc.TestDatabase.execute;
import static io.basalt.server.jdbc.TestDatabase.rows;
import static io.basalt.server.jdbc.TestDatabase.rowsOf;
import static io.basalt.server.jdbc.TestDatabase.sqlError;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLDataException;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Properties;
import java.util.Random;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Queries that the planner answers through the primary key (point gets, key-prefix and key-range
 * scans over 8 hash partitions) return exactly the rows a full scan filtered in Java returns.
 */
class KeyAccessQueryTest {
    private static final int PARTITIONS = 8;

    private TestDatabase database;
    private Connection connection;
    private final Random random = new Random(20_261_125L);

    @BeforeEach
    void openDatabase() throws SQLException {
        database = TestDatabase.inMemory();
        Properties properties = new Properties();
        properties.setProperty("partitions", Integer.toString(PARTITIONS));
        connection = database.connect(properties);
    }

    @AfterEach
    void closeDatabase() throws SQLException {
        database.close();
    }

    @Test
    void pointLookupsReturnWhatAFilteredFullScanReturns() throws SQLException {
        TreeMap<Integer, List<Object>> table = createSingleKeyTable(500);
        TreeSet<Integer> probes = new TreeSet<>(table.keySet());
        while (probes.size() < table.size() + 200) {
            probes.add(random.nextInt(12_001) - 6_000);
        }
        probes.add(Integer.MIN_VALUE);
        probes.add(Integer.MAX_VALUE);
        probes.add(0);

        try (PreparedStatement byKey = connection.prepareStatement("SELECT id, grp, val FROM kv WHERE id = ?")) {
            for (int id : probes) {
                byKey.setInt(1, id);
                List<List<Object>> expected = table.containsKey(id) ? List.of(table.get(id)) : List.of();
                assertThat(query(byKey)).as("id = %d", id).isEqualTo(expected);
            }
        }
    }

    @Test
    void keyRangesReturnWhatAFilteredFullScanReturns() throws SQLException {
        TreeMap<Integer, List<Object>> table = createSingleKeyTable(500);
        for (int i = 0; i < 60; i++) {
            int low = random.nextInt(12_001) - 6_000;
            int high = low + random.nextInt(3_000);
            assertRangeMatches(table, "id >= ? AND id < ?", id -> id >= low && id < high, low, high);
            assertRangeMatches(table, "id > ? AND id <= ?", id -> id > low && id <= high, low, high);
            assertRangeMatches(table, "id BETWEEN ? AND ?", id -> id >= low && id <= high, low, high);
            assertRangeMatches(table, "id > ?", id -> id > low, low);
            assertRangeMatches(table, "id < ?", id -> id < high, high);
            assertRangeMatches(table, "? <= id AND grp >= 0", id -> id >= low, low);
        }
    }

    @Test
    void scansLongerThanAPagePerPartitionReturnEveryRowOnce() throws SQLException {
        // 5,000 rows are more than one scan page (256 keys) in each of the 8 partitions.
        execute(connection, "CREATE TABLE wide (id INTEGER PRIMARY KEY, grp INTEGER)");
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO wide VALUES (?, ?)")) {
            for (int id = 0; id < 5_000; id++) {
                insert.setInt(1, id);
                insert.setInt(2, id % 10);
                insert.addBatch();
            }
            insert.executeBatch();
        }

        List<Object> all = column(connection, "SELECT id FROM wide");
        assertThat(all).hasSize(5_000).doesNotHaveDuplicates();
        List<Object> range = column(connection, "SELECT id FROM wide WHERE id >= ? AND id < ?", 100, 4_900);
        assertThat(range).hasSize(4_800).doesNotHaveDuplicates();
        assertThat(column(connection, "SELECT id FROM wide WHERE grp = 3")).hasSize(500);
        assertThat(column(connection, "SELECT id FROM wide ORDER BY id DESC LIMIT 2")).containsExactly(4_999, 4_998);
    }

    @Test
    void literalAndBoundKeysGiveTheSameRows() throws SQLException {
        TreeMap<Integer, List<Object>> table = createSingleKeyTable(100);
        List<Integer> sample = new ArrayList<>(table.keySet()).subList(0, 20);

        for (int id : sample) {
            assertThat(rows(connection, "SELECT id, grp, val FROM kv WHERE id = " + id))
                    .isEqualTo(rows(connection, "SELECT id, grp, val FROM kv WHERE id = ?", id))
                    .containsExactly(table.get(id));
        }
    }

    @Test
    void compositeKeyPrefixesReturnWhatAFilteredFullScanReturns() throws SQLException {
        assertCompositeKeyAccessMatchesFullScan("");
    }

    @Test
    void compositeKeyPrefixesOnATablePartitionedByItsFirstColumn() throws SQLException {
        assertCompositeKeyAccessMatchesFullScan(" PARTITION BY HASH (a)");
    }

    @Test
    void keyPredicatesCombinedWithOrAreNotNarrowedToOneKey() throws SQLException {
        execute(connection, "CREATE TABLE kv (id INTEGER PRIMARY KEY, grp INTEGER, val VARCHAR(20))",
                "INSERT INTO kv VALUES (1, 1, 'one'), (2, 1, 'two'), (3, 2, 'three'), (4, 2, 'four')");

        assertThat(column(connection, "SELECT id FROM kv WHERE id = ? OR id = ? ORDER BY id", 1, 3)).containsExactly(1, 3);
        assertThat(column(connection, "SELECT id FROM kv WHERE id = ? OR val = ? ORDER BY id", 1, "four")).containsExactly(1, 4);
        assertThat(column(connection, "SELECT id FROM kv WHERE (id = 2 AND grp = 1) OR id = 4 ORDER BY id")).containsExactly(2, 4);
        assertThat(column(connection, "SELECT id FROM kv WHERE id = 1 AND id = 2")).isEmpty();
        assertThat(column(connection, "SELECT id FROM kv WHERE id > 1 AND id > 2 AND id < 4")).containsExactly(3);
        assertThat(column(connection, "SELECT id FROM kv WHERE id NOT IN (1, 3) ORDER BY id")).containsExactly(2, 4);
    }

    @Test
    void integerKeysComparedWithDecimalsAndOutOfRangeLiterals() throws SQLException {
        execute(connection, "CREATE TABLE kv (id INTEGER PRIMARY KEY, grp INTEGER, val VARCHAR(20))",
                "INSERT INTO kv VALUES (-10, 0, 'a'), (-1, 0, 'b'), (0, 0, 'c'), (1, 0, 'd'), (2, 0, 'e'), (3, 0, 'f')");

        assertThat(column(connection, "SELECT id FROM kv WHERE id = 2.0")).containsExactly(2);
        assertThat(column(connection, "SELECT id FROM kv WHERE id = 2.5")).isEmpty();
        assertThat(column(connection, "SELECT id FROM kv WHERE id < 2.5 AND id > -1.5 ORDER BY id")).containsExactly(-1, 0, 1, 2);
        assertThat(column(connection, "SELECT id FROM kv WHERE id = 3000000000")).isEmpty();
        assertThat(column(connection, "SELECT id FROM kv WHERE id > -3000000000 AND id < 3000000000")).hasSize(6);
        assertThat(column(connection, "SELECT id FROM kv WHERE id BETWEEN -5 AND 1 ORDER BY id")).containsExactly(-1, 0, 1);
    }

    @Test
    void fractionalParameterNeverMatchesARoundedKey() throws SQLException {
        execute(connection, "CREATE TABLE kv (id INTEGER PRIMARY KEY, grp INTEGER, val VARCHAR(20))",
                "INSERT INTO kv VALUES (2, 0, 'two'), (3, 0, 'three')");

        // The parameter takes the column's type (INTEGER), so 2.5 is refused rather than rounded to 3.
        // (PostgreSQL would compare as numeric and find nothing; either way id 3 must not match.)
        sqlError(() -> column(connection, "SELECT id FROM kv WHERE id = ?", new BigDecimal("2.5")), "22P02",
                SQLDataException.class);
        sqlError(() -> column(connection, "SELECT id FROM kv WHERE id = ?", 2.5d), "22P02", SQLDataException.class);
        assertThat(column(connection, "SELECT id FROM kv WHERE id = ?", new BigDecimal("2.0"))).containsExactly(2);
    }

    @Test
    void textKeysRangeInCodePointOrder() throws SQLException {
        execute(connection, "CREATE TABLE names (name VARCHAR(10) PRIMARY KEY, n INTEGER)",
                "INSERT INTO names VALUES ('a', 1), ('b', 2), ('ba', 3), ('bz', 4), ('c', 5), ('B', 6), ('', 7), ('é', 8)");

        assertThat(column(connection, "SELECT name FROM names WHERE name >= 'b' AND name < 'c' ORDER BY name"))
                .containsExactly("b", "ba", "bz");
        assertThat(column(connection, "SELECT name FROM names WHERE name > ? ORDER BY name", "b"))
                .containsExactly("ba", "bz", "c", "é");
        assertThat(column(connection, "SELECT n FROM names WHERE name = ?", "")).containsExactly(7);
        assertThat(column(connection, "SELECT n FROM names WHERE name = 'é'")).containsExactly(8);
        assertThat(column(connection, "SELECT n FROM names WHERE name = 'b '")).isEmpty();
    }

    @Test
    void decimalAndTimestampKeys() throws SQLException {
        execute(connection, "CREATE TABLE dk (k DECIMAL(10, 2) PRIMARY KEY, n INTEGER)",
                "INSERT INTO dk VALUES (1.5, 1), (-2.25, 2), (10, 3), (0, 4)",
                "CREATE TABLE tk (ts TIMESTAMP PRIMARY KEY, n INTEGER)",
                "INSERT INTO tk VALUES (TIMESTAMP '1969-12-31 23:59:59.999', 1), (TIMESTAMP '1970-01-01 00:00:00', 2), "
                        + "(TIMESTAMP '2020-01-01 00:00:00.5', 3)");

        assertThat(column(connection, "SELECT n FROM dk WHERE k = 1.5")).containsExactly(1);
        assertThat(column(connection, "SELECT n FROM dk WHERE k = ?", new BigDecimal("1.50"))).containsExactly(1);
        assertThat(column(connection, "SELECT n FROM dk WHERE k = ?", new BigDecimal("10"))).containsExactly(3);
        assertThat(column(connection, "SELECT n FROM dk WHERE k > -3 AND k < 2 ORDER BY k")).containsExactly(2, 4, 1);
        assertThat(column(connection, "SELECT n FROM tk WHERE ts < ? ORDER BY ts", Timestamp.valueOf("1970-01-01 00:00:00")))
                .containsExactly(1);
        assertThat(column(connection, "SELECT n FROM tk WHERE ts = ?", Timestamp.valueOf("2020-01-01 00:00:00.5")))
                .containsExactly(3);
        assertThat(column(connection, "SELECT n FROM tk WHERE ts >= TIMESTAMP '1969-12-31 23:59:59.999' ORDER BY ts"))
                .containsExactly(1, 2, 3);
    }

    // ---- helpers ---------------------------------------------------------------------------------

    /** {@code kv} with {@code count} distinct random ids in [-5000, 5000]; returns its rows by id. */
    private TreeMap<Integer, List<Object>> createSingleKeyTable(int count) throws SQLException {
        execute(connection, "CREATE TABLE kv (id INTEGER PRIMARY KEY, grp INTEGER, val VARCHAR(20))");
        TreeSet<Integer> ids = new TreeSet<>();
        while (ids.size() < count) {
            ids.add(random.nextInt(10_001) - 5_000);
        }
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO kv VALUES (?, ?, ?)")) {
            for (int id : ids) {
                insert.setInt(1, id);
                insert.setInt(2, Math.floorMod(id, 7));
                insert.setString(3, "v" + id);
                insert.addBatch();
            }
            insert.executeBatch();
        }
        TreeMap<Integer, List<Object>> byId = new TreeMap<>();
        for (List<Object> row : rows(connection, "SELECT id, grp, val FROM kv")) {
            byId.put((Integer) row.get(0), row);
        }
        assertThat(byId.keySet()).as("full scan").isEqualTo(ids);
        return byId;
    }

    private void assertRangeMatches(TreeMap<Integer, List<Object>> table, String where, Predicate<Integer> predicate,
                                    Object... parameters) throws SQLException {
        List<List<Object>> expected = table.entrySet().stream().filter(e -> predicate.test(e.getKey()))
                .map(e -> e.getValue()).collect(Collectors.toList());
        assertThat(rows(connection, "SELECT id, grp, val FROM kv WHERE " + where + " ORDER BY id", parameters))
                .as("%s with %s", where, Arrays.toString(parameters))
                .isEqualTo(expected);
    }

    private void assertCompositeKeyAccessMatchesFullScan(String partitioning) throws SQLException {
        execute(connection, "CREATE TABLE ck (a INTEGER, b INTEGER, v INTEGER, PRIMARY KEY (a, b))" + partitioning);
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO ck VALUES (?, ?, ?)")) {
            for (int a = -5; a < 15; a++) {
                for (int b = -10; b < 40; b++) {
                    if (random.nextInt(3) > 0) {
                        insert.setInt(1, a);
                        insert.setInt(2, b);
                        insert.setInt(3, a * 1_000 + b);
                        insert.addBatch();
                    }
                }
            }
            insert.executeBatch();
        }
        List<List<Object>> all = rows(connection, "SELECT a, b, v FROM ck");
        all.sort(Comparator.<List<Object>>comparingInt(r -> (Integer) r.get(0)).thenComparingInt(r -> (Integer) r.get(1)));
        String select = "SELECT a, b, v FROM ck WHERE ";
        String order = " ORDER BY a, b";

        for (int a = -6; a <= 15; a++) {
            int fa = a;
            int low = random.nextInt(50) - 12;
            int high = low + random.nextInt(20);
            int b = random.nextInt(50) - 10;
            assertThat(rows(connection, select + "a = ?" + order, a)).as("a = %d", a)
                    .isEqualTo(filter(all, r -> a(r) == fa));
            assertThat(rows(connection, select + "a = ? AND b = ?" + order, a, b)).as("a = %d, b = %d", a, b)
                    .isEqualTo(filter(all, r -> a(r) == fa && b(r) == b));
            assertThat(rows(connection, select + "a = ? AND b >= ? AND b < ?" + order, a, low, high))
                    .as("a = %d, %d <= b < %d", a, low, high)
                    .isEqualTo(filter(all, r -> a(r) == fa && b(r) >= low && b(r) < high));
            assertThat(rows(connection, select + "a = ? AND b > ?" + order, a, low)).as("a = %d, b > %d", a, low)
                    .isEqualTo(filter(all, r -> a(r) == fa && b(r) > low));
            assertThat(rows(connection, select + "b = ?" + order, b)).as("b = %d", b)
                    .isEqualTo(filter(all, r -> b(r) == b));
        }
        assertThat(rows(connection, select + "a >= ? AND a < ?" + order, 2, 5))
                .isEqualTo(filter(all, r -> a(r) >= 2 && a(r) < 5));
    }

    private static List<List<Object>> filter(List<List<Object>> rows, Predicate<List<Object>> predicate) {
        return rows.stream().filter(predicate).collect(Collectors.toList());
    }

    private static int a(List<Object> row) {
        return (Integer) row.get(0);
    }

    private static int b(List<Object> row) {
        return (Integer) row.get(1);
    }

    private static List<List<Object>> query(PreparedStatement statement) throws SQLException {
        try (ResultSet resultSet = statement.executeQuery()) {
            return rowsOf(resultSet);
        }
    }
}

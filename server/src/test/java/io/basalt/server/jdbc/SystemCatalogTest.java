package io.basalt.server.jdbc;

import static io.basalt.server.jdbc.TestDatabase.column;
import static io.basalt.server.jdbc.TestDatabase.execute;
import static io.basalt.server.jdbc.TestDatabase.row;
import static io.basalt.server.jdbc.TestDatabase.rows;
import static io.basalt.server.jdbc.TestDatabase.scalar;
import static io.basalt.server.jdbc.TestDatabase.sqlError;
import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLSyntaxErrorException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The BASALT_CATALOG schema as SQL sees it: queryable, read-only, beside the user's tables. */
class SystemCatalogTest {
    private TestDatabase db;
    private Connection connection;

    @BeforeEach
    void open() throws Exception {
        db = TestDatabase.inMemory();
        connection = db.connect();
        execute(connection,
                "CREATE TABLE item (id INTEGER PRIMARY KEY, name VARCHAR(20) NOT NULL, price DECIMAL(8, 2) DEFAULT 0,"
                        + " code CHAR(3) UNIQUE)",
                "CREATE INDEX item_name ON item (name)");
    }

    @AfterEach
    void close() throws Exception {
        db.close();
    }

    @Test
    void listsTheUserTablesAndItsOwnTables() throws Exception {
        assertThat(rows(connection, "SELECT table_schema, table_name, table_type FROM basalt_catalog.tables"
                + " ORDER BY table_schema, table_name")).containsExactly(
                row("BASALT_CATALOG", "CHECK_CONSTRAINTS", "SYSTEM TABLE"),
                row("BASALT_CATALOG", "COLUMNS", "SYSTEM TABLE"),
                row("BASALT_CATALOG", "FOREIGN_KEYS", "SYSTEM TABLE"),
                row("BASALT_CATALOG", "INDEXES", "SYSTEM TABLE"),
                row("BASALT_CATALOG", "INDEX_COLUMNS", "SYSTEM TABLE"),
                row("BASALT_CATALOG", "SCHEMAS", "SYSTEM TABLE"),
                row("BASALT_CATALOG", "SEQUENCES", "SYSTEM TABLE"),
                row("BASALT_CATALOG", "TABLES", "SYSTEM TABLE"),
                row("BASALT_CATALOG", "TRANSACTION_STATISTICS", "SYSTEM TABLE"),
                row("BASALT_CATALOG", "TYPES", "SYSTEM TABLE"),
                row("PUBLIC", "ITEM", "TABLE"));
        assertThat(column(connection, "SELECT schema_name FROM basalt_catalog.schemas ORDER BY 1"))
                .containsExactly("BASALT_CATALOG", "PUBLIC");
    }

    @Test
    void describesColumnsAsDeclared() throws Exception {
        assertThat(rows(connection, "SELECT column_name, ordinal_position, type_name, type_precision, type_scale,"
                + " declared_type, is_nullable, column_default FROM basalt_catalog.columns"
                + " WHERE table_name = 'ITEM' ORDER BY ordinal_position")).containsExactly(
                row("ID", 1, "INTEGER", null, null, "INTEGER", false, null),
                row("NAME", 2, "VARCHAR", 20, null, "VARCHAR(20)", false, null),
                row("PRICE", 3, "DECIMAL", 8, 2, "DECIMAL(8, 2)", true, "0"),
                row("CODE", 4, "CHAR", 3, null, "CHAR(3)", true, null));
    }

    @Test
    void describesThePrimaryKeyAndTheIndexes() throws Exception {
        assertThat(rows(connection, "SELECT index_name, is_primary_key, is_unique, is_constraint, placement, state"
                + " FROM basalt_catalog.indexes WHERE table_name = 'ITEM' ORDER BY index_name")).containsExactly(
                row("ITEM_CODE_KEY", false, true, true, "GLOBAL", "PUBLIC"),
                row("ITEM_NAME", false, false, false, "GLOBAL", "PUBLIC"),
                row("item_pkey", true, true, true, null, "PUBLIC"));
        assertThat(rows(connection, "SELECT c.index_name, c.ordinal_position, c.column_name"
                + " FROM basalt_catalog.index_columns c JOIN basalt_catalog.indexes i"
                + " ON i.table_name = c.table_name AND i.index_name = c.index_name"
                + " WHERE i.is_primary_key")).containsExactly(row("item_pkey", 1, "ID"));
    }

    @Test
    void systemTablesDescribeThemselves() throws Exception {
        assertThat(column(connection, "SELECT column_name FROM basalt_catalog.columns"
                + " WHERE table_schema = 'BASALT_CATALOG' AND table_name = 'SCHEMAS'")).containsExactly("SCHEMA_NAME");
    }

    @Test
    void listsTheTypesAColumnCanHave() throws Exception {
        assertThat(column(connection, "SELECT type_name FROM basalt_catalog.types ORDER BY type_name")).containsExactly(
                "BIGINT", "BOOLEAN", "CHAR", "DATE", "DECIMAL", "DOUBLE", "INTEGER", "REAL", "SMALLINT", "TIME",
                "TIMESTAMP", "VARCHAR");
        assertThat(rows(connection, "SELECT parameters, max_precision, max_scale FROM basalt_catalog.types"
                + " WHERE type_name = 'DECIMAL'")).containsExactly(row("precision,scale", 38, 38));
    }

    @Test
    void listsEachColumnPairOfAForeignKeyInTheReferencedKeysOrder() throws Exception {
        execute(connection,
                "CREATE TABLE bin (site CHAR(2), shelf INTEGER, PRIMARY KEY (site, shelf))",
                "CREATE TABLE stock (id INTEGER PRIMARY KEY, item_id INTEGER REFERENCES item ON DELETE CASCADE,"
                        + " shelf INTEGER, site CHAR(2), item_code CHAR(3), parent_id INTEGER,"
                        + " CONSTRAINT stock_bin FOREIGN KEY (shelf, site) REFERENCES bin (shelf, site),"
                        + " FOREIGN KEY (item_code) REFERENCES item (code) ON DELETE SET NULL,"
                        + " CONSTRAINT stock_parent FOREIGN KEY (parent_id) REFERENCES stock ON DELETE RESTRICT)");
        assertThat(rows(connection, "SELECT * FROM basalt_catalog.foreign_keys"
                + " ORDER BY table_name, constraint_name, ordinal_position")).containsExactly(
                row("PUBLIC", "STOCK", "STOCK_BIN", 1, "SITE", "PUBLIC", "BIN", "SITE", "bin_pkey", "RESTRICT",
                        "NO ACTION"),
                row("PUBLIC", "STOCK", "STOCK_BIN", 2, "SHELF", "PUBLIC", "BIN", "SHELF", "bin_pkey", "RESTRICT",
                        "NO ACTION"),
                row("PUBLIC", "STOCK", "STOCK_ITEM_CODE_FKEY", 1, "ITEM_CODE", "PUBLIC", "ITEM", "CODE",
                        "ITEM_CODE_KEY", "SET NULL", "NO ACTION"),
                row("PUBLIC", "STOCK", "STOCK_ITEM_ID_FKEY", 1, "ITEM_ID", "PUBLIC", "ITEM", "ID", "item_pkey",
                        "CASCADE", "NO ACTION"),
                row("PUBLIC", "STOCK", "STOCK_PARENT", 1, "PARENT_ID", "PUBLIC", "STOCK", "ID", "stock_pkey",
                        "RESTRICT", "NO ACTION"));
    }

    @Test
    void foreignKeysGoWithTheTableThatHasThem() throws Exception {
        String count = "SELECT COUNT(*) FROM basalt_catalog.foreign_keys WHERE referenced_table_name = 'ITEM'";
        execute(connection, "CREATE TABLE tag (id INTEGER PRIMARY KEY, item_id INTEGER REFERENCES item)");
        assertThat(scalar(connection, count)).isEqualTo(1L);
        execute(connection, "DROP TABLE tag");
        assertThat(scalar(connection, count)).isEqualTo(0L);
    }

    @Test
    void listsCheckConstraintsWithTheirSqlText() throws Exception {
        execute(connection, "CREATE TABLE priced (id INTEGER PRIMARY KEY, low INTEGER, high INTEGER CHECK (high < 1000),"
                + " CONSTRAINT ordered CHECK (low <= high))");
        assertThat(rows(connection, "SELECT * FROM basalt_catalog.check_constraints ORDER BY constraint_name"))
                .containsExactly(
                        row("PUBLIC", "PRICED", "ORDERED", "\"LOW\" <= \"HIGH\""),
                        row("PUBLIC", "PRICED", "PRICED_CHECK", "\"HIGH\" < 1000"));
    }

    /** Every transaction statistic by name, read in one query. */
    private Map<String, Long> statistics() throws SQLException {
        Map<String, Long> amounts = new HashMap<>();
        String sql = "SELECT statistic, amount FROM basalt_catalog.transaction_statistics";
        for (List<Object> row : rows(connection, sql)) {
            amounts.put((String) row.get(0), (Long) row.get(1));
        }
        return amounts;
    }

    @Test
    void listsSequencesWithTheTableThatOwnsThem() throws Exception {
        execute(connection, "CREATE SEQUENCE ticket START WITH 100 INCREMENT BY 5",
                "CREATE TABLE note (id BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY, body VARCHAR(10))");

        assertThat(rows(connection, "SELECT sequence_schema, sequence_name, start_value, increment, owned_by_table"
                + " FROM basalt_catalog.sequences WHERE owned_by_table IS NULL")).containsExactly(
                row("PUBLIC", "TICKET", 100L, 5L, null));
        assertThat(column(connection, "SELECT owned_by_table FROM basalt_catalog.sequences"
                + " WHERE owned_by_table IS NOT NULL")).containsExactly("NOTE");
        execute(connection, "DROP TABLE note", "DROP SEQUENCE ticket");
        assertThat(scalar(connection, "SELECT COUNT(*) FROM basalt_catalog.sequences")).isEqualTo(0L);
    }

    @Test
    void listsTheTransactionCountersUnderStableNames() throws Exception {
        assertThat(column(connection, "SELECT statistic FROM basalt_catalog.transaction_statistics")).containsExactly(
                "read_only_commits", "one_phase_commits", "two_phase_commits", "rollbacks", "retryable_aborts",
                "write_conflict_aborts", "ssi_aborts", "deadlock_aborts", "lock_timeouts", "expired_aborts",
                "statement_retries", "lock_waits", "lock_wait_micros", "pushes", "lost_wakeups_recovered",
                "versions_collected", "one_phase_batch_commits", "one_phase_batch_fallbacks");
        assertThat(rows(connection, "SELECT column_name, type_name, is_nullable FROM basalt_catalog.columns"
                + " WHERE table_name = 'TRANSACTION_STATISTICS' ORDER BY ordinal_position"))
                .containsExactly(row("STATISTIC", "VARCHAR", false), row("AMOUNT", "BIGINT", false));
    }

    @Test
    void aWriteToOnePartitionIsCountedAsAOnePhaseCommit() throws Exception {
        execute(connection, "CREATE TABLE counted (id INTEGER PRIMARY KEY, v INTEGER)");
        Map<String, Long> before = statistics();
        execute(connection, "INSERT INTO counted VALUES (1, 10)");
        Map<String, Long> after = statistics();
        assertThat(after.get("one_phase_commits")).isEqualTo(before.get("one_phase_commits") + 1);
        assertThat(after.get("two_phase_commits")).isEqualTo(before.get("two_phase_commits"));
    }

    @Test
    void aWriteToManyPartitionsIsCountedAsATwoPhaseCommit() throws Exception {
        execute(connection, "CREATE TABLE counted (id INTEGER PRIMARY KEY, v INTEGER)");
        Map<String, Long> before = statistics();
        execute(connection, "INSERT INTO counted VALUES (1, 0), (2, 0), (3, 0), (4, 0), (5, 0), (6, 0), (7, 0),"
                + " (8, 0), (9, 0), (10, 0), (11, 0), (12, 0), (13, 0), (14, 0), (15, 0), (16, 0)");
        Map<String, Long> after = statistics();
        assertThat(after.get("two_phase_commits")).isEqualTo(before.get("two_phase_commits") + 1);
        assertThat(after.get("one_phase_commits")).isEqualTo(before.get("one_phase_commits"));
    }

    @Test
    void aReadOnlyStatementIsCountedAsAReadOnlyCommit() throws Exception {
        // Reading the statistics is a read-only transaction too, counted once its rows are read: measure
        // what one reading adds, then expect the statement's own commit on top of it.
        long first = statistics().get("read_only_commits");
        long second = statistics().get("read_only_commits");
        assertThat(scalar(connection, "SELECT COUNT(*) FROM item")).isEqualTo(0L);
        long third = statistics().get("read_only_commits");
        assertThat(third - second).isEqualTo(second - first + 1);
    }

    @Test
    void aRolledBackTransactionIsCounted() throws Exception {
        connection.setAutoCommit(false);
        long before = statistics().get("rollbacks");
        execute(connection, "INSERT INTO item (id, name) VALUES (1, 'bolt')");
        connection.rollback();
        assertThat(statistics().get("rollbacks")).isEqualTo(before + 1);
    }

    @Test
    void showsDdlAtTheNextQuery() throws Exception {
        String count = "SELECT COUNT(*) FROM basalt_catalog.tables WHERE table_schema = 'PUBLIC'";
        assertThat(scalar(connection, count)).isEqualTo(1L);
        execute(connection, "CREATE TABLE other (id INTEGER PRIMARY KEY)");
        assertThat(scalar(connection, count)).isEqualTo(2L);
        execute(connection, "DROP TABLE item");
        assertThat(column(connection, "SELECT table_name FROM basalt_catalog.tables WHERE table_schema = 'PUBLIC'"))
                .containsExactly("OTHER");
    }

    @Test
    void userTablesMayShareNamesWithSystemTables() throws Exception {
        execute(connection, "CREATE TABLE tables (id INTEGER PRIMARY KEY, note VARCHAR(10))",
                "INSERT INTO tables VALUES (1, 'mine')");
        assertThat(rows(connection, "SELECT * FROM tables")).containsExactly(row(1, "mine"));
        assertThat(rows(connection, "SELECT table_type FROM basalt_catalog.tables WHERE table_name = 'TABLES'"
                + " ORDER BY table_type")).containsExactly(row("SYSTEM TABLE"), row("TABLE"));
    }

    @Test
    void systemTablesAreReadOnly() {
        for (String sql : new String[] {
            "INSERT INTO basalt_catalog.tables VALUES ('PUBLIC', 'X', 'TABLE', 99)",
            "UPDATE basalt_catalog.tables SET table_name = 'X'",
            "DELETE FROM basalt_catalog.columns WHERE table_name = 'ITEM'",
        }) {
            SQLSyntaxErrorException error = sqlError(() -> execute(connection, sql), "42809",
                    SQLSyntaxErrorException.class);
            assertThat(error.getMessage()).contains("system catalog is read-only");
        }
    }

    @Test
    void explainShowsTheSystemTableScan() throws Exception {
        assertThat(column(connection, "EXPLAIN SELECT table_name FROM basalt_catalog.tables WHERE table_type = 'TABLE'")
                .toString()).contains("SystemTableScan(table=[[BASALT_CATALOG, TABLES]])");
    }

    @Test
    void aQueryOfSystemTablesAloneDoesNotBeginTheTransaction() throws Exception {
        connection.setAutoCommit(false);
        assertThat(column(connection, "SELECT table_name FROM basalt_catalog.tables WHERE table_type = 'TABLE'"))
                .containsExactly("ITEM");
        // A transaction's isolation can only be set before it does work; reading the catalog is not work.
        execute(connection, "SET TRANSACTION ISOLATION LEVEL REPEATABLE READ");
        assertThat(column(connection, "SELECT table_name FROM basalt_catalog.tables WHERE table_type = 'TABLE'"))
                .containsExactly("ITEM");
        connection.commit();
    }

    @Test
    void aQueryThatAlsoReadsUserTablesIsPartOfTheTransaction() throws Exception {
        connection.setAutoCommit(false);
        assertThat(scalar(connection, "SELECT COUNT(*) FROM item JOIN basalt_catalog.tables t ON t.table_id = item.id"))
                .isEqualTo(0L);
        sqlError(() -> execute(connection, "CREATE TABLE too_late (id INTEGER PRIMARY KEY)"), "25001",
                SQLException.class);
        connection.rollback();
    }

    @Test
    void ddlCannotReachTheSystemSchema() {
        sqlError(() -> execute(connection, "DROP TABLE basalt_catalog.tables"), "42602", SQLSyntaxErrorException.class);
        sqlError(() -> execute(connection, "CREATE TABLE basalt_catalog.mine (id INTEGER PRIMARY KEY)"), "42602",
                SQLSyntaxErrorException.class);
    }
}

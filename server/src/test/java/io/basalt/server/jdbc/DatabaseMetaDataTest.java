package io.basalt.server.jdbc;

import static io.basalt.server.jdbc.TestDatabase.execute;
import static io.basalt.server.jdbc.TestDatabase.row;
import static io.basalt.server.jdbc.TestDatabase.sqlError;
import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLSyntaxErrorException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * DatabaseMetaData against a real engine: what each schema method returns for tables with
 * composite keys, sized types, NOT NULL, defaults, a UNIQUE constraint, an index and foreign keys,
 * how name patterns match, and that DDL shows up at the next call. The columns of each result set are
 * checked in {@link DatabaseMetaDataShapeTest}.
 */
class DatabaseMetaDataTest {
    private static final int MAX = Integer.MAX_VALUE;

    private TestDatabase db;
    private Connection connection;
    private DatabaseMetaData metaData;

    @BeforeEach
    void open() throws Exception {
        db = TestDatabase.inMemory();
        connection = db.connect();
        execute(connection,
                "CREATE TABLE orders ("
                        + " region VARCHAR(8) NOT NULL, order_no INTEGER, customer VARCHAR(40) NOT NULL,"
                        + " total DECIMAL(12, 2) DEFAULT 0, status CHAR(1) DEFAULT 'N', note VARCHAR,"
                        + " placed TIMESTAMP DEFAULT CURRENT_TIMESTAMP, ship_date DATE, ref_code VARCHAR(12) UNIQUE,"
                        + " rush BOOLEAN NOT NULL DEFAULT FALSE, qty SMALLINT, weight DOUBLE, rate REAL, big BIGINT,"
                        + " cutoff TIME(0),"
                        + " PRIMARY KEY (region, order_no))",
                "CREATE INDEX orders_by_customer ON orders (customer, placed)",
                "CREATE TABLE order_line (order_no INTEGER, line INTEGER, item VARCHAR(20), PRIMARY KEY (order_no, line))",
                "CREATE TABLE orderxline (id INTEGER PRIMARY KEY)");
        metaData = connection.getMetaData();
    }

    @AfterEach
    void close() throws Exception {
        db.close();
    }

    /** The values of {@code labels} in every row, read by label. */
    private static List<List<Object>> rows(ResultSet rs, String... labels) throws SQLException {
        List<List<Object>> rows = new ArrayList<>();
        try (rs) {
            while (rs.next()) {
                Object[] values = new Object[labels.length];
                for (int i = 0; i < labels.length; i++) {
                    values[i] = rs.getObject(labels[i]);
                }
                rows.add(Arrays.asList(values));
            }
        }
        return rows;
    }

    private static List<Object> names(ResultSet rs, String label) throws SQLException {
        List<Object> names = new ArrayList<>();
        for (List<Object> row : rows(rs, label)) {
            names.add(row.get(0));
        }
        return names;
    }

    // ---- Tables and schemas --------------------------------------------------------------------

    @Test
    void listsUserTablesAndSystemTablesOrderedByTypeThenSchemaThenName() throws Exception {
        assertThat(rows(metaData.getTables(null, null, null, null),
                "TABLE_CAT", "TABLE_SCHEM", "TABLE_NAME", "TABLE_TYPE", "REMARKS")).containsExactly(
                row(null, "BASALT_CATALOG", "CHECK_CONSTRAINTS", "SYSTEM TABLE", null),
                row(null, "BASALT_CATALOG", "COLUMNS", "SYSTEM TABLE", null),
                row(null, "BASALT_CATALOG", "FOREIGN_KEYS", "SYSTEM TABLE", null),
                row(null, "BASALT_CATALOG", "INDEXES", "SYSTEM TABLE", null),
                row(null, "BASALT_CATALOG", "INDEX_COLUMNS", "SYSTEM TABLE", null),
                row(null, "BASALT_CATALOG", "SCHEMAS", "SYSTEM TABLE", null),
                row(null, "BASALT_CATALOG", "SEQUENCES", "SYSTEM TABLE", null),
                row(null, "BASALT_CATALOG", "TABLES", "SYSTEM TABLE", null),
                row(null, "BASALT_CATALOG", "TRANSACTION_STATISTICS", "SYSTEM TABLE", null),
                row(null, "BASALT_CATALOG", "TYPES", "SYSTEM TABLE", null),
                row(null, "PUBLIC", "ORDERS", "TABLE", null),
                row(null, "PUBLIC", "ORDERXLINE", "TABLE", null),
                row(null, "PUBLIC", "ORDER_LINE", "TABLE", null));
    }

    @Test
    void tableTypesFilterTheTables() throws Exception {
        assertThat(names(metaData.getTables(null, null, "%", new String[] {"TABLE"}), "TABLE_NAME"))
                .containsExactly("ORDERS", "ORDERXLINE", "ORDER_LINE");
        assertThat(names(metaData.getTables(null, "%", "%", new String[] {"SYSTEM TABLE"}), "TABLE_NAME"))
                .containsExactly("CHECK_CONSTRAINTS", "COLUMNS", "FOREIGN_KEYS", "INDEXES", "INDEX_COLUMNS", "SCHEMAS",
                        "SEQUENCES", "TABLES", "TRANSACTION_STATISTICS", "TYPES");
        assertThat(names(metaData.getTables(null, null, "%", new String[] {"VIEW"}), "TABLE_NAME")).isEmpty();
    }

    @Test
    void tableNamePatternsAreLikeWithBackslashEscape() throws Exception {
        assertThat(names(metaData.getTables(null, "PUBLIC", "ORD%", null), "TABLE_NAME"))
                .containsExactly("ORDERS", "ORDERXLINE", "ORDER_LINE");
        assertThat(names(metaData.getTables(null, "PUBLIC", "ORDER_LINE", null), "TABLE_NAME"))
                .containsExactly("ORDERXLINE", "ORDER_LINE");
        assertThat(names(metaData.getTables(null, "PUBLIC", "ORDER\\_LINE", null), "TABLE_NAME"))
                .containsExactly("ORDER_LINE");
        assertThat(names(metaData.getTables(null, "PUBLIC", "%S", null), "TABLE_NAME")).containsExactly("ORDERS");
        assertThat(names(metaData.getTables(null, "PUB_IC", "ORDERS", null), "TABLE_NAME")).containsExactly("ORDERS");
        assertThat(names(metaData.getTables(null, "PUBLIC", "orders", null), "TABLE_NAME"))
                .as("names match as stored: unquoted ones are upper case").isEmpty();
    }

    @Test
    void emptySchemaOrAnyCatalogButNoneMatchesNothing() throws Exception {
        assertThat(names(metaData.getTables("", "PUBLIC", "ORDERS", null), "TABLE_NAME")).containsExactly("ORDERS");
        assertThat(names(metaData.getTables("BASALT", "PUBLIC", "ORDERS", null), "TABLE_NAME")).isEmpty();
        assertThat(names(metaData.getTables(null, "", "ORDERS", null), "TABLE_NAME")).isEmpty();
        assertThat(names(metaData.getColumns("BASALT", null, "ORDERS", null), "COLUMN_NAME")).isEmpty();
        assertThat(names(metaData.getPrimaryKeys("BASALT", null, "ORDERS"), "COLUMN_NAME")).isEmpty();
    }

    @Test
    void listsTheUserSchemaAndTheSystemSchema() throws Exception {
        assertThat(rows(metaData.getSchemas(), "TABLE_SCHEM", "TABLE_CATALOG"))
                .containsExactly(row("BASALT_CATALOG", null), row("PUBLIC", null));
        assertThat(names(metaData.getSchemas(null, "PUB%"), "TABLE_SCHEM")).containsExactly("PUBLIC");
        assertThat(names(metaData.getSchemas("", "BASALT\\_CATALOG"), "TABLE_SCHEM")).containsExactly("BASALT_CATALOG");
        assertThat(names(metaData.getSchemas("BASALT", null), "TABLE_SCHEM")).isEmpty();
        assertThat(names(metaData.getCatalogs(), "TABLE_CAT")).isEmpty();
        assertThat(names(metaData.getTableTypes(), "TABLE_TYPE")).containsExactly("SYSTEM TABLE", "TABLE");
    }

    @Test
    void identifiersAreStoredUpperCaseUnlessQuoted() throws Exception {
        execute(connection, "CREATE TABLE \"MiXed\" (\"Id\" INTEGER PRIMARY KEY, plain INTEGER)");
        assertThat(metaData.storesUpperCaseIdentifiers()).isTrue();
        assertThat(metaData.supportsMixedCaseQuotedIdentifiers()).isTrue();
        assertThat(names(metaData.getTables(null, null, "MiXed", null), "TABLE_NAME")).containsExactly("MiXed");
        assertThat(names(metaData.getTables(null, null, "MIXED", null), "TABLE_NAME")).isEmpty();
        assertThat(names(metaData.getColumns(null, null, "MiXed", null), "COLUMN_NAME")).containsExactly("Id", "PLAIN");
    }

    @Test
    void schemasWorkInQueriesAndDmlButNotInDdl() throws Exception {
        assertThat(metaData.supportsSchemasInDataManipulation()).isTrue();
        execute(connection, "INSERT INTO public.orderxline VALUES (1)");
        assertThat(TestDatabase.scalar(connection, "SELECT id FROM public.orderxline")).isEqualTo(1);
        assertThat(metaData.supportsSchemasInTableDefinitions()).isFalse();
        sqlError(() -> execute(connection, "CREATE TABLE public.qualified (id INTEGER PRIMARY KEY)"), "42602",
                SQLSyntaxErrorException.class);
    }

    // ---- Columns -------------------------------------------------------------------------------

    @Test
    void columnsComeInOrdinalOrderWithTypesSizesNullabilityAndDefaults() throws Exception {
        int nullable = DatabaseMetaData.columnNullable;
        int noNulls = DatabaseMetaData.columnNoNulls;
        assertThat(rows(metaData.getColumns(null, "PUBLIC", "ORDERS", null), "TABLE_SCHEM", "TABLE_NAME",
                "COLUMN_NAME", "DATA_TYPE", "TYPE_NAME", "COLUMN_SIZE", "DECIMAL_DIGITS", "NUM_PREC_RADIX", "NULLABLE",
                "COLUMN_DEF", "CHAR_OCTET_LENGTH", "ORDINAL_POSITION", "IS_NULLABLE")).containsExactly(
                row("PUBLIC", "ORDERS", "REGION", Types.VARCHAR, "VARCHAR", 8, null, null, noNulls, null, 32, 1, "NO"),
                row("PUBLIC", "ORDERS", "ORDER_NO", Types.INTEGER, "INTEGER", 10, 0, 10, noNulls, null, null, 2, "NO"),
                row("PUBLIC", "ORDERS", "CUSTOMER", Types.VARCHAR, "VARCHAR", 40, null, null, noNulls, null, 160, 3, "NO"),
                row("PUBLIC", "ORDERS", "TOTAL", Types.DECIMAL, "DECIMAL", 12, 2, 10, nullable, "0", null, 4, "YES"),
                row("PUBLIC", "ORDERS", "STATUS", Types.CHAR, "CHAR", 1, null, null, nullable, "'N'", 4, 5, "YES"),
                row("PUBLIC", "ORDERS", "NOTE", Types.VARCHAR, "VARCHAR", MAX, null, null, nullable, null, MAX, 6, "YES"),
                row("PUBLIC", "ORDERS", "PLACED", Types.TIMESTAMP, "TIMESTAMP", 23, 3, null, nullable,
                        "CURRENT_TIMESTAMP", null, 7, "YES"),
                row("PUBLIC", "ORDERS", "SHIP_DATE", Types.DATE, "DATE", 10, null, null, nullable, null, null, 8, "YES"),
                row("PUBLIC", "ORDERS", "REF_CODE", Types.VARCHAR, "VARCHAR", 12, null, null, nullable, null, 48, 9, "YES"),
                row("PUBLIC", "ORDERS", "RUSH", Types.BOOLEAN, "BOOLEAN", 1, null, null, noNulls, "FALSE", null, 10, "NO"),
                row("PUBLIC", "ORDERS", "QTY", Types.SMALLINT, "SMALLINT", 5, 0, 10, nullable, null, null, 11, "YES"),
                row("PUBLIC", "ORDERS", "WEIGHT", Types.DOUBLE, "DOUBLE", 15, null, 10, nullable, null, null, 12, "YES"),
                row("PUBLIC", "ORDERS", "RATE", Types.REAL, "REAL", 7, null, 10, nullable, null, null, 13, "YES"),
                row("PUBLIC", "ORDERS", "BIG", Types.BIGINT, "BIGINT", 19, 0, 10, nullable, null, null, 14, "YES"),
                row("PUBLIC", "ORDERS", "CUTOFF", Types.TIME, "TIME", 8, 0, null, nullable, null, null, 15, "YES"));
    }

    @Test
    void columnsSayNothingIsGeneratedOrAutoIncremented() throws Exception {
        for (List<Object> row : rows(metaData.getColumns(null, null, "ORDERS", null), "TABLE_CAT", "IS_AUTOINCREMENT",
                "IS_GENERATEDCOLUMN", "REMARKS", "SOURCE_DATA_TYPE", "SCOPE_TABLE")) {
            assertThat(row).containsExactly(null, "NO", "NO", null, null, null);
        }
    }

    @Test
    void columnPatternsSpanTablesInTableThenOrdinalOrder() throws Exception {
        assertThat(rows(metaData.getColumns(null, "PUBLIC", "ORDER%", "ORDER\\_NO"), "TABLE_NAME", "COLUMN_NAME"))
                .containsExactly(row("ORDERS", "ORDER_NO"), row("ORDER_LINE", "ORDER_NO"));
        assertThat(rows(metaData.getColumns(null, "PUBLIC", "ORDER_LINE", "%"), "TABLE_NAME", "COLUMN_NAME"))
                .containsExactly(row("ORDERXLINE", "ID"), row("ORDER_LINE", "ORDER_NO"), row("ORDER_LINE", "LINE"),
                        row("ORDER_LINE", "ITEM"));
        assertThat(names(metaData.getColumns(null, null, "ORDERS", "%_DATE"), "COLUMN_NAME")).containsExactly("SHIP_DATE");
        assertThat(names(metaData.getColumns(null, null, "ORDERS", "NOPE"), "COLUMN_NAME")).isEmpty();
    }

    @Test
    void systemTablesHaveColumnsToo() throws Exception {
        assertThat(rows(metaData.getColumns(null, "BASALT_CATALOG", "SCHEMAS", null), "COLUMN_NAME", "DATA_TYPE",
                "COLUMN_SIZE", "IS_NULLABLE")).containsExactly(row("SCHEMA_NAME", Types.VARCHAR, MAX, "NO"));
    }

    @Test
    void everyColumnTypeIsListedByTypeInfo() throws Exception {
        List<Object> types = names(metaData.getTypeInfo(), "TYPE_NAME");
        for (Object type : names(metaData.getColumns(null, null, null, null), "TYPE_NAME")) {
            assertThat(types).contains(type);
        }
    }

    // ---- Keys and indexes ----------------------------------------------------------------------

    @Test
    void primaryKeysAreOrderedByColumnNameWithTheirKeySequence() throws Exception {
        assertThat(rows(metaData.getPrimaryKeys(null, "PUBLIC", "ORDERS"), "TABLE_CAT", "TABLE_SCHEM", "TABLE_NAME",
                "COLUMN_NAME", "KEY_SEQ", "PK_NAME")).containsExactly(
                row(null, "PUBLIC", "ORDERS", "ORDER_NO", 2, "orders_pkey"),
                row(null, "PUBLIC", "ORDERS", "REGION", 1, "orders_pkey"));
        try (ResultSet rs = metaData.getPrimaryKeys(null, null, "ORDER_LINE")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString("column_name")).isEqualTo("LINE");
            assertThat(rs.getShort("key_seq")).isEqualTo((short) 2);
        }
    }

    @Test
    void primaryKeyTableIsANameNotAPattern() throws Exception {
        assertThat(names(metaData.getPrimaryKeys(null, null, "ORDER_LINE"), "TABLE_NAME"))
                .containsExactly("ORDER_LINE", "ORDER_LINE");
        assertThat(names(metaData.getPrimaryKeys(null, null, "ORDER%"), "TABLE_NAME")).isEmpty();
        assertThat(names(metaData.getPrimaryKeys(null, "PUB%", "ORDERS"), "TABLE_NAME")).isEmpty();
        assertThat(names(metaData.getPrimaryKeys(null, null, "COLUMNS"), "TABLE_NAME"))
                .as("system tables have no primary key").isEmpty();
    }

    @Test
    void indexInfoListsThePrimaryKeyTheUniqueConstraintAndTheIndex() throws Exception {
        short clustered = DatabaseMetaData.tableIndexClustered;
        short other = DatabaseMetaData.tableIndexOther;
        assertThat(rows(metaData.getIndexInfo(null, "PUBLIC", "ORDERS", false, true), "TABLE_SCHEM", "TABLE_NAME",
                "NON_UNIQUE", "INDEX_QUALIFIER", "INDEX_NAME", "TYPE", "ORDINAL_POSITION", "COLUMN_NAME",
                "ASC_OR_DESC", "CARDINALITY", "PAGES", "FILTER_CONDITION")).containsExactly(
                row("PUBLIC", "ORDERS", false, null, "orders_pkey", (int) clustered, 1, "REGION", "A", null, null, null),
                row("PUBLIC", "ORDERS", false, null, "orders_pkey", (int) clustered, 2, "ORDER_NO", "A", null, null, null),
                row("PUBLIC", "ORDERS", false, null, "ORDERS_REF_CODE_KEY", (int) other, 1, "REF_CODE", "A", null, null,
                        null),
                row("PUBLIC", "ORDERS", true, null, "ORDERS_BY_CUSTOMER", (int) other, 1, "CUSTOMER", "A", null, null,
                        null),
                row("PUBLIC", "ORDERS", true, null, "ORDERS_BY_CUSTOMER", (int) other, 2, "PLACED", "A", null, null,
                        null));
    }

    @Test
    void indexInfoHonoursUnique() throws Exception {
        execute(connection, "CREATE UNIQUE INDEX orders_by_note ON orders (note)");
        assertThat(rows(metaData.getIndexInfo(null, null, "ORDERS", true, false), "INDEX_NAME", "COLUMN_NAME"))
                .containsExactly(row("orders_pkey", "REGION"), row("orders_pkey", "ORDER_NO"),
                        row("ORDERS_BY_NOTE", "NOTE"), row("ORDERS_REF_CODE_KEY", "REF_CODE"));
        assertThat(names(metaData.getIndexInfo(null, null, "ORDERXLINE", false, false), "INDEX_NAME"))
                .containsExactly("orderxline_pkey");
    }

    @Test
    void bestRowIdentifierIsThePrimaryKeyInKeyOrder() throws Exception {
        assertThat(rows(metaData.getBestRowIdentifier(null, "PUBLIC", "ORDERS", DatabaseMetaData.bestRowTransaction,
                false), "SCOPE", "COLUMN_NAME", "DATA_TYPE", "TYPE_NAME", "COLUMN_SIZE", "BUFFER_LENGTH",
                "DECIMAL_DIGITS", "PSEUDO_COLUMN")).containsExactly(
                row((int) DatabaseMetaData.bestRowSession, "REGION", Types.VARCHAR, "VARCHAR", 8, null, null,
                        (int) DatabaseMetaData.bestRowNotPseudo),
                row((int) DatabaseMetaData.bestRowSession, "ORDER_NO", Types.INTEGER, "INTEGER", 10, null, 0,
                        (int) DatabaseMetaData.bestRowNotPseudo));
        assertThat(names(metaData.getBestRowIdentifier(null, null, "NOPE", DatabaseMetaData.bestRowSession, true),
                "COLUMN_NAME")).isEmpty();
    }

    // ---- Foreign keys --------------------------------------------------------------------------

    private static final String[] KEY_LABELS = {"PKTABLE_CAT", "PKTABLE_SCHEM", "PKTABLE_NAME", "PKCOLUMN_NAME",
        "FKTABLE_CAT", "FKTABLE_SCHEM", "FKTABLE_NAME", "FKCOLUMN_NAME", "KEY_SEQ", "UPDATE_RULE", "DELETE_RULE",
        "FK_NAME", "PK_NAME", "DEFERRABILITY"};
    private static final int NO_ACTION = DatabaseMetaData.importedKeyNoAction;
    private static final int RESTRICT = DatabaseMetaData.importedKeyRestrict;
    private static final int CASCADE = DatabaseMetaData.importedKeyCascade;
    private static final int SET_NULL = DatabaseMetaData.importedKeySetNull;
    private static final int NOT_DEFERRABLE = DatabaseMetaData.importedKeyNotDeferrable;

    /**
     * SHIPMENT has three keys to WAREHOUSE: SHIP_FROM names its columns in another order than
     * WAREHOUSE's primary key (country, site), SHIP_TO in the same, and the unnamed one references
     * the UNIQUE label. STOCK also references WAREHOUSE; EMPLOYEE references itself. One delete rule
     * each: CASCADE, RESTRICT, NO ACTION (the default, which Basalt enforces as RESTRICT), SET NULL.
     */
    private void createForeignKeys() throws SQLException {
        execute(connection,
                "CREATE TABLE warehouse (country CHAR(2), site INTEGER, label VARCHAR(20) UNIQUE,"
                        + " PRIMARY KEY (country, site))",
                "CREATE TABLE shipment (id INTEGER PRIMARY KEY, from_site INTEGER, from_country CHAR(2),"
                        + " to_country CHAR(2), to_site INTEGER, label VARCHAR(20),"
                        + " CONSTRAINT ship_from FOREIGN KEY (from_site, from_country)"
                        + " REFERENCES warehouse (site, country) ON DELETE CASCADE,"
                        + " CONSTRAINT ship_to FOREIGN KEY (to_country, to_site) REFERENCES warehouse ON DELETE RESTRICT,"
                        + " FOREIGN KEY (label) REFERENCES warehouse (label))",
                "CREATE TABLE stock (country CHAR(2), site INTEGER, sku INTEGER, PRIMARY KEY (country, site, sku),"
                        + " FOREIGN KEY (country, site) REFERENCES warehouse ON DELETE CASCADE)",
                "CREATE TABLE employee (id INTEGER PRIMARY KEY, manager INTEGER REFERENCES employee ON DELETE SET NULL)");
    }

    /** The rows of SHIPMENT's keys, ordered by KEY_SEQ and then key name, as both orders have them. */
    private static List<List<Object>> shipmentKeys() {
        return List.of(
                row(null, "PUBLIC", "WAREHOUSE", "LABEL", null, "PUBLIC", "SHIPMENT", "LABEL", 1, NO_ACTION, RESTRICT,
                        "SHIPMENT_LABEL_FKEY", "WAREHOUSE_LABEL_KEY", NOT_DEFERRABLE),
                row(null, "PUBLIC", "WAREHOUSE", "COUNTRY", null, "PUBLIC", "SHIPMENT", "FROM_COUNTRY", 1, NO_ACTION,
                        CASCADE, "SHIP_FROM", "warehouse_pkey", NOT_DEFERRABLE),
                row(null, "PUBLIC", "WAREHOUSE", "COUNTRY", null, "PUBLIC", "SHIPMENT", "TO_COUNTRY", 1, NO_ACTION,
                        RESTRICT, "SHIP_TO", "warehouse_pkey", NOT_DEFERRABLE),
                row(null, "PUBLIC", "WAREHOUSE", "SITE", null, "PUBLIC", "SHIPMENT", "FROM_SITE", 2, NO_ACTION, CASCADE,
                        "SHIP_FROM", "warehouse_pkey", NOT_DEFERRABLE),
                row(null, "PUBLIC", "WAREHOUSE", "SITE", null, "PUBLIC", "SHIPMENT", "TO_SITE", 2, NO_ACTION, RESTRICT,
                        "SHIP_TO", "warehouse_pkey", NOT_DEFERRABLE));
    }

    private static List<List<Object>> employeeKey() {
        return List.of(row(null, "PUBLIC", "EMPLOYEE", "ID", null, "PUBLIC", "EMPLOYEE", "MANAGER", 1, NO_ACTION,
                SET_NULL, "EMPLOYEE_MANAGER_FKEY", "employee_pkey", NOT_DEFERRABLE));
    }

    @Test
    void importedKeysPairColumnsInTheReferencedKeysOrderSortedByParentThenKeySeq() throws Exception {
        createForeignKeys();
        // Three keys to one parent: the javadoc's order (parent table, then KEY_SEQ) interleaves them.
        assertThat(rows(metaData.getImportedKeys(null, "PUBLIC", "SHIPMENT"), KEY_LABELS))
                .containsExactlyElementsOf(shipmentKeys());
        assertThat(rows(metaData.getImportedKeys(null, null, "EMPLOYEE"), KEY_LABELS))
                .containsExactlyElementsOf(employeeKey());
        assertThat(rows(metaData.getImportedKeys(null, null, "WAREHOUSE"), KEY_LABELS)).isEmpty();
    }

    @Test
    void exportedKeysListEveryReferenceToThePrimaryKeyOrAUniqueConstraintSortedByChildThenKeySeq()
            throws Exception {
        createForeignKeys();
        List<List<Object>> expected = new ArrayList<>(shipmentKeys());
        expected.add(row(null, "PUBLIC", "WAREHOUSE", "COUNTRY", null, "PUBLIC", "STOCK", "COUNTRY", 1, NO_ACTION,
                CASCADE, "STOCK_COUNTRY_SITE_FKEY", "warehouse_pkey", NOT_DEFERRABLE));
        expected.add(row(null, "PUBLIC", "WAREHOUSE", "SITE", null, "PUBLIC", "STOCK", "SITE", 2, NO_ACTION,
                CASCADE, "STOCK_COUNTRY_SITE_FKEY", "warehouse_pkey", NOT_DEFERRABLE));
        assertThat(rows(metaData.getExportedKeys(null, "PUBLIC", "WAREHOUSE"), KEY_LABELS))
                .containsExactlyElementsOf(expected);
        assertThat(rows(metaData.getExportedKeys(null, null, "EMPLOYEE"), KEY_LABELS))
                .containsExactlyElementsOf(employeeKey());
        assertThat(rows(metaData.getExportedKeys(null, null, "SHIPMENT"), KEY_LABELS)).isEmpty();
    }

    @Test
    void crossReferenceListsTheKeysFromOneTableToAnother() throws Exception {
        createForeignKeys();
        assertThat(rows(metaData.getCrossReference(null, "PUBLIC", "WAREHOUSE", null, "PUBLIC", "SHIPMENT"),
                KEY_LABELS)).containsExactlyElementsOf(shipmentKeys());
        assertThat(rows(metaData.getCrossReference("", null, "EMPLOYEE", "", null, "EMPLOYEE"), KEY_LABELS))
                .containsExactlyElementsOf(employeeKey());
        assertThat(names(metaData.getCrossReference(null, null, "SHIPMENT", null, null, "WAREHOUSE"), "FK_NAME"))
                .as("the parent is the first table").isEmpty();
        assertThat(names(metaData.getCrossReference(null, null, "EMPLOYEE", null, null, "SHIPMENT"), "FK_NAME"))
                .isEmpty();
    }

    @Test
    void keyTablesAreNamesNotPatterns() throws Exception {
        createForeignKeys();
        assertThat(names(metaData.getImportedKeys(null, null, "SHIP%"), "FK_NAME")).isEmpty();
        assertThat(names(metaData.getImportedKeys(null, "PUB%", "SHIPMENT"), "FK_NAME")).isEmpty();
        assertThat(names(metaData.getExportedKeys(null, null, "WAREHOUS_"), "FK_NAME")).isEmpty();
        assertThat(names(metaData.getCrossReference(null, null, "WAREHOUSE", null, null, "S%"), "FK_NAME")).isEmpty();
        assertThat(names(metaData.getImportedKeys("BASALT", null, "SHIPMENT"), "FK_NAME")).isEmpty();
        assertThat(names(metaData.getCrossReference(null, null, "WAREHOUSE", "BASALT", null, "SHIPMENT"), "FK_NAME"))
                .isEmpty();
    }

    @Test
    void keyColumnsReadAsShorts() throws Exception {
        createForeignKeys();
        try (ResultSet rs = metaData.getExportedKeys(null, null, "EMPLOYEE")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getShort("key_seq")).isEqualTo((short) 1);
            assertThat(rs.getShort("delete_rule")).isEqualTo((short) DatabaseMetaData.importedKeySetNull);
            assertThat(rs.getShort("deferrability")).isEqualTo((short) DatabaseMetaData.importedKeyNotDeferrable);
            assertThat(rs.next()).isFalse();
        }
    }

    @Test
    void droppingAChildDropsItsKeys() throws Exception {
        createForeignKeys();
        execute(connection, "DROP TABLE shipment", "DROP TABLE stock");
        assertThat(names(metaData.getExportedKeys(null, null, "WAREHOUSE"), "FK_NAME")).isEmpty();
    }

    // ---- Types ---------------------------------------------------------------------------------

    @Test
    void typeInfoListsTheColumnTypesWithTheEnginesLimitsOrderedByDataType() throws Exception {
        assertThat(rows(metaData.getTypeInfo(), "TYPE_NAME", "DATA_TYPE", "PRECISION", "LITERAL_PREFIX",
                "CREATE_PARAMS", "CASE_SENSITIVE", "MAXIMUM_SCALE", "NUM_PREC_RADIX")).containsExactly(
                row("BIGINT", Types.BIGINT, 19, null, null, false, 0, 10),
                row("CHAR", Types.CHAR, MAX, "'", "length", true, 0, null),
                row("DECIMAL", Types.DECIMAL, 38, null, "precision,scale", false, 38, 10),
                row("INTEGER", Types.INTEGER, 10, null, null, false, 0, 10),
                row("SMALLINT", Types.SMALLINT, 5, null, null, false, 0, 10),
                row("REAL", Types.REAL, 7, null, null, false, 0, 10),
                row("DOUBLE", Types.DOUBLE, 15, null, null, false, 0, 10),
                row("VARCHAR", Types.VARCHAR, MAX, "'", "length", true, 0, null),
                row("BOOLEAN", Types.BOOLEAN, 1, null, null, false, 0, null),
                row("DATE", Types.DATE, 10, "DATE '", null, false, 0, null),
                row("TIME", Types.TIME, 12, "TIME '", "precision", false, 3, null),
                row("TIMESTAMP", Types.TIMESTAMP, 23, "TIMESTAMP '", "precision", false, 3, null));
    }

    // ---- Changes and transactions ---------------------------------------------------------------

    @Test
    void ddlShowsUpAtTheNextCall() throws Exception {
        assertThat(names(metaData.getTables(null, "PUBLIC", "LATE%", null), "TABLE_NAME")).isEmpty();
        execute(connection, "CREATE TABLE late (id INTEGER PRIMARY KEY, v VARCHAR(3))");
        assertThat(names(metaData.getTables(null, "PUBLIC", "LATE%", null), "TABLE_NAME")).containsExactly("LATE");
        assertThat(names(metaData.getColumns(null, null, "LATE", null), "COLUMN_NAME")).containsExactly("ID", "V");
        assertThat(names(metaData.getIndexInfo(null, null, "LATE", false, false), "INDEX_NAME"))
                .containsExactly("late_pkey");

        execute(connection, "CREATE INDEX late_v ON late (v)");
        assertThat(names(metaData.getIndexInfo(null, null, "LATE", false, false), "INDEX_NAME"))
                .containsExactly("late_pkey", "LATE_V");
        execute(connection, "DROP INDEX late_v");
        assertThat(names(metaData.getIndexInfo(null, null, "LATE", false, false), "INDEX_NAME"))
                .containsExactly("late_pkey");

        execute(connection, "DROP TABLE late");
        assertThat(names(metaData.getTables(null, "PUBLIC", "LATE%", null), "TABLE_NAME")).isEmpty();
        assertThat(names(metaData.getColumns(null, null, "LATE", null), "COLUMN_NAME")).isEmpty();
        assertThat(names(metaData.getPrimaryKeys(null, null, "LATE"), "COLUMN_NAME")).isEmpty();
    }

    @Test
    void metadataCallsDoNotBeginTheTransaction() throws Exception {
        connection.setAutoCommit(false);
        assertThat(names(metaData.getTables(null, "PUBLIC", "ORDERS", null), "TABLE_NAME")).containsExactly("ORDERS");
        assertThat(names(metaData.getColumns(null, "PUBLIC", "ORDERS", "REGION"), "COLUMN_NAME")).hasSize(1);
        // A transaction's isolation can only be set before it does work; metadata reads are not work.
        execute(connection, "SET TRANSACTION ISOLATION LEVEL REPEATABLE READ");
        assertThat(names(metaData.getTables(null, "PUBLIC", "ORDERS", null), "TABLE_NAME")).containsExactly("ORDERS");
        connection.commit();
    }

    @Test
    void aFailedTransactionRefusesMetadataCallsUntilRollback() throws Exception {
        connection.setAutoCommit(false);
        sqlError(() -> execute(connection, "SELECT * FROM missing"), "42P01", SQLSyntaxErrorException.class);
        sqlError(() -> metaData.getTables(null, null, "ORDERS", null), "25P02", SQLException.class);
        connection.rollback();
        assertThat(names(metaData.getTables(null, null, "ORDERS", null), "TABLE_NAME")).containsExactly("ORDERS");
    }

    @Test
    void labelsAreCaseInsensitive() throws Exception {
        try (ResultSet rs = metaData.getColumns(null, "PUBLIC", "ORDERS", "TOTAL")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString("column_name")).isEqualTo("TOTAL");
            assertThat(rs.getInt("Data_Type")).isEqualTo(Types.DECIMAL);
            assertThat(rs.getInt("decimal_digits")).isEqualTo(2);
            assertThat(rs.findColumn("is_nullable")).isEqualTo(18);
            assertThat(rs.next()).isFalse();
        }
    }

    @Test
    void aClosedConnectionAnswers08003() throws Exception {
        connection.close();
        sqlError(() -> metaData.getTables(null, null, null, null), "08003", SQLException.class);
        sqlError(() -> metaData.getTypeInfo(), "08003", SQLException.class);
    }
}

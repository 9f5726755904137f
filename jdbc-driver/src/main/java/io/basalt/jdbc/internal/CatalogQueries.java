package io.basalt.jdbc.internal;

import io.basalt.common.client.PreparedStatementHandle;
import io.basalt.common.client.RowCursor;
import io.basalt.common.client.Session;
import java.sql.DatabaseMetaData;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * The DatabaseMetaData result sets that describe schema objects, read from the engine's system
 * tables ({@code BASALT_CATALOG}, see the sql module's {@code schema.system} package) with ordinary
 * queries, as pgjdbc reads {@code pg_catalog}. The driver thus needs no engine classes, and the
 * same code works against an embedded engine and, later, a remote one.
 *
 * <p>The split of work: the SQL selects the objects and orders the rows as the DatabaseMetaData
 * javadoc asks; the driver turns the catalog's facts (type names, declared precision and scale)
 * into JDBC's (type codes, COLUMN_SIZE, DECIMAL_DIGITS; see {@link JdbcTypes}).
 *
 * <p>Name arguments: a pattern is SQL LIKE with {@code \} as the escape character
 * ({@link BasaltDatabaseMetaData#getSearchStringEscape}), and null matches any name; an argument
 * that is a plain name (the table of getPrimaryKeys, getIndexInfo and the key methods) is escaped
 * into a pattern that matches only itself.
 * A catalog of null or "" matches (Basalt has no catalogs), any other matches nothing.
 *
 * <p>The queries run in the connection's session. The engine runs a query that reads only system
 * tables outside the client's transaction, so metadata calls neither start it nor take part in it.
 */
final class CatalogQueries {
    static final String TABLE = "TABLE";
    static final String SYSTEM_TABLE = "SYSTEM TABLE";

    private static final String SCHEMAS_SQL = "SELECT SCHEMA_NAME FROM BASALT_CATALOG.SCHEMAS"
            + " WHERE SCHEMA_NAME LIKE ? ESCAPE '\\' ORDER BY SCHEMA_NAME";
    private static final String TABLES_SQL = "SELECT TABLE_SCHEMA, TABLE_NAME, TABLE_TYPE FROM BASALT_CATALOG.TABLES"
            + " WHERE TABLE_SCHEMA LIKE ? ESCAPE '\\' AND TABLE_NAME LIKE ? ESCAPE '\\'"
            + " ORDER BY TABLE_TYPE, TABLE_SCHEMA, TABLE_NAME";
    private static final String COLUMNS_SQL = "SELECT TABLE_SCHEMA, TABLE_NAME, COLUMN_NAME, ORDINAL_POSITION,"
            + " TYPE_NAME, TYPE_PRECISION, TYPE_SCALE, IS_NULLABLE, COLUMN_DEFAULT, IS_IDENTITY FROM BASALT_CATALOG.COLUMNS"
            + " WHERE TABLE_SCHEMA LIKE ? ESCAPE '\\' AND TABLE_NAME LIKE ? ESCAPE '\\'"
            + " AND COLUMN_NAME LIKE ? ESCAPE '\\' ORDER BY TABLE_SCHEMA, TABLE_NAME, ORDINAL_POSITION";
    private static final String INDEX_COLUMNS = " FROM BASALT_CATALOG.INDEXES i JOIN BASALT_CATALOG.INDEX_COLUMNS c"
            + " ON c.TABLE_SCHEMA = i.TABLE_SCHEMA AND c.TABLE_NAME = i.TABLE_NAME AND c.INDEX_NAME = i.INDEX_NAME";
    private static final String OF_TABLES = " WHERE i.TABLE_SCHEMA LIKE ? ESCAPE '\\' AND i.TABLE_NAME LIKE ? ESCAPE '\\'";
    /** JDBC orders primary-key columns by name, not by KEY_SEQ. */
    private static final String PRIMARY_KEYS_SQL = "SELECT i.TABLE_SCHEMA, i.TABLE_NAME, c.COLUMN_NAME,"
            + " c.ORDINAL_POSITION, i.INDEX_NAME" + INDEX_COLUMNS + OF_TABLES + " AND i.IS_PRIMARY_KEY"
            + " ORDER BY c.COLUMN_NAME, i.TABLE_SCHEMA, i.TABLE_NAME";
    /**
     * NON_UNIQUE, then TYPE (the primary key is the clustered index: 1 sorts before 3), then
     * INDEX_NAME and ORDINAL_POSITION; the last parameter is true to list non-unique indexes too.
     */
    private static final String INDEX_INFO_SQL = "SELECT i.TABLE_SCHEMA, i.TABLE_NAME, i.INDEX_NAME,"
            + " i.IS_PRIMARY_KEY, i.IS_UNIQUE, c.ORDINAL_POSITION, c.COLUMN_NAME" + INDEX_COLUMNS + OF_TABLES
            + " AND (i.IS_UNIQUE OR ?)"
            + " ORDER BY i.IS_UNIQUE DESC, i.IS_PRIMARY_KEY DESC, i.INDEX_NAME, c.ORDINAL_POSITION";
    private static final String PRIMARY_KEY_TYPES_SQL = "SELECT k.COLUMN_NAME, k.TYPE_NAME, k.TYPE_PRECISION,"
            + " k.TYPE_SCALE" + INDEX_COLUMNS + " JOIN BASALT_CATALOG.COLUMNS k ON k.TABLE_SCHEMA = c.TABLE_SCHEMA"
            + " AND k.TABLE_NAME = c.TABLE_NAME AND k.COLUMN_NAME = c.COLUMN_NAME" + OF_TABLES
            + " AND i.IS_PRIMARY_KEY ORDER BY i.TABLE_SCHEMA, i.TABLE_NAME, c.ORDINAL_POSITION";
    private static final String TYPES_SQL = "SELECT TYPE_NAME, PARAMETERS, MAX_PRECISION, MAX_SCALE"
            + " FROM BASALT_CATALOG.TYPES ORDER BY TYPE_NAME";
    /** Parameters: the referenced (parent) table's schema and name, then the referencing (child) table's. */
    private static final String FOREIGN_KEYS = "SELECT REFERENCED_TABLE_SCHEMA, REFERENCED_TABLE_NAME,"
            + " REFERENCED_COLUMN_NAME, TABLE_SCHEMA, TABLE_NAME, COLUMN_NAME, ORDINAL_POSITION, UPDATE_RULE,"
            + " DELETE_RULE, CONSTRAINT_NAME, REFERENCED_KEY_NAME FROM BASALT_CATALOG.FOREIGN_KEYS"
            + " WHERE REFERENCED_TABLE_SCHEMA LIKE ? ESCAPE '\\' AND REFERENCED_TABLE_NAME LIKE ? ESCAPE '\\'"
            + " AND TABLE_SCHEMA LIKE ? ESCAPE '\\' AND TABLE_NAME LIKE ? ESCAPE '\\'";
    /**
     * JDBC orders imported keys by the parent table, then KEY_SEQ: two keys of a table that
     * reference the same parent interleave (first columns, then second columns). The javadoc's
     * order is kept to the letter (pgjdbc and H2 sort by FK_NAME before KEY_SEQ instead); the key
     * name only breaks ties, after the child table (which matters when the table argument is null).
     */
    private static final String IMPORTED_KEYS_SQL = FOREIGN_KEYS + " ORDER BY REFERENCED_TABLE_SCHEMA,"
            + " REFERENCED_TABLE_NAME, ORDINAL_POSITION, TABLE_SCHEMA, TABLE_NAME, CONSTRAINT_NAME";
    /** Exported keys and cross references: by the child table, then KEY_SEQ, then as for imported keys. */
    private static final String EXPORTED_KEYS_SQL = FOREIGN_KEYS + " ORDER BY TABLE_SCHEMA, TABLE_NAME,"
            + " ORDINAL_POSITION, REFERENCED_TABLE_SCHEMA, REFERENCED_TABLE_NAME, CONSTRAINT_NAME";

    private final Session session;

    CatalogQueries(Session session) {
        this.session = session;
    }

    /** Ordered by TABLE_CATALOG (always null) and TABLE_SCHEM. */
    ListRowCursor schemas(String catalog, String schemaPattern) throws SQLException {
        List<Object[]> rows = new ArrayList<>();
        if (anyCatalog(catalog)) {
            for (Object[] schema : query(SCHEMAS_SQL, pattern(schemaPattern))) {
                rows.add(new Object[] {schema[0], null});
            }
        }
        return new ListRowCursor(MetadataColumns.SCHEMAS, rows);
    }

    ListRowCursor tables(String catalog, String schemaPattern, String tableNamePattern, String[] types)
            throws SQLException {
        List<Object[]> rows = new ArrayList<>();
        if (anyCatalog(catalog)) {
            Set<String> wanted = types == null ? null : upperCase(types);
            for (Object[] table : query(TABLES_SQL, pattern(schemaPattern), pattern(tableNamePattern))) {
                if (wanted == null || wanted.contains(table[2])) {
                    rows.add(new Object[] {null, table[0], table[1], table[2], null, null, null, null, null, null});
                }
            }
        }
        return new ListRowCursor(MetadataColumns.TABLES, rows);
    }

    ListRowCursor columns(String catalog, String schemaPattern, String tableNamePattern, String columnNamePattern)
            throws SQLException {
        List<Object[]> rows = new ArrayList<>();
        if (anyCatalog(catalog)) {
            for (Object[] column : query(COLUMNS_SQL, pattern(schemaPattern), pattern(tableNamePattern),
                    pattern(columnNamePattern))) {
                rows.add(columnRow(column));
            }
        }
        return new ListRowCursor(MetadataColumns.COLUMNS, rows);
    }

    /** {@code column}: schema, table, column, ordinal, type name, precision, scale, nullable, default, identity. */
    private static Object[] columnRow(Object[] column) {
        String typeName = (String) column[4];
        Integer precision = (Integer) column[5];
        Integer scale = (Integer) column[6];
        boolean nullable = (Boolean) column[7];
        int jdbcType = JdbcTypes.fromTypeName(typeName);
        Integer size = JdbcTypes.columnSize(jdbcType, precision);
        return new Object[] {
            null, column[0], column[1], column[2], jdbcType, typeName, size, null,
            JdbcTypes.decimalDigits(jdbcType, precision, scale), JdbcTypes.radix(jdbcType),
            nullable ? DatabaseMetaData.columnNullable : DatabaseMetaData.columnNoNulls,
            null, column[8], null, null, JdbcTypes.octetLength(jdbcType, size), column[3],
            nullable ? "YES" : "NO", null, null, null, null,
            Boolean.TRUE.equals(column[9]) ? "YES" : "NO", // IS_AUTOINCREMENT: identity columns
            "NO", // IS_GENERATEDCOLUMN: nor generated columns
        };
    }

    ListRowCursor primaryKeys(String catalog, String schema, String table) throws SQLException {
        List<Object[]> rows = new ArrayList<>();
        if (anyCatalog(catalog)) {
            for (Object[] key : query(PRIMARY_KEYS_SQL, exact(schema), exact(table))) {
                rows.add(new Object[] {null, key[0], key[1], key[2], ((Integer) key[3]).shortValue(), key[4]});
            }
        }
        return new ListRowCursor(MetadataColumns.PRIMARY_KEYS, rows);
    }

    /**
     * Every index of the table, its primary key included, as pgjdbc lists PostgreSQL's. The
     * primary key is {@code tableIndexClustered}: rows are stored in its order. Secondary indexes
     * are {@code tableIndexOther} (ordered keys, as a B-tree). Keys are ascending; there are no
     * statistics yet, so CARDINALITY and PAGES are null.
     */
    ListRowCursor indexInfo(String catalog, String schema, String table, boolean unique) throws SQLException {
        List<Object[]> rows = new ArrayList<>();
        if (anyCatalog(catalog)) {
            for (Object[] index : query(INDEX_INFO_SQL, exact(schema), exact(table), !unique)) {
                boolean primary = (Boolean) index[3];
                short type = primary ? DatabaseMetaData.tableIndexClustered : DatabaseMetaData.tableIndexOther;
                rows.add(new Object[] {null, index[0], index[1], !(Boolean) index[4], null, index[2], type,
                    ((Integer) index[5]).shortValue(), index[6], "A", null, null, null});
            }
        }
        return new ListRowCursor(MetadataColumns.INDEX_INFO, rows);
    }

    /**
     * The primary key: it identifies a row for as long as the row exists (bestRowSession, the
     * widest scope JDBC has), whatever scope was asked for. Its columns are never null.
     */
    ListRowCursor bestRowIdentifier(String catalog, String schema, String table) throws SQLException {
        List<Object[]> rows = new ArrayList<>();
        if (anyCatalog(catalog)) {
            for (Object[] column : query(PRIMARY_KEY_TYPES_SQL, exact(schema), exact(table))) {
                int jdbcType = JdbcTypes.fromTypeName((String) column[1]);
                Integer digits = JdbcTypes.decimalDigits(jdbcType, (Integer) column[2], (Integer) column[3]);
                rows.add(new Object[] {(short) DatabaseMetaData.bestRowSession, column[0], jdbcType, column[1],
                    JdbcTypes.columnSize(jdbcType, (Integer) column[2]), null,
                    digits == null ? null : digits.shortValue(), (short) DatabaseMetaData.bestRowNotPseudo});
            }
        }
        return new ListRowCursor(MetadataColumns.BEST_ROW_IDENTIFIER, rows);
    }

    /** The keys by which {@code table} references other tables (or itself). */
    ListRowCursor importedKeys(String catalog, String schema, String table) throws SQLException {
        return keys(anyCatalog(catalog), IMPORTED_KEYS_SQL, "%", "%", exact(schema), exact(table));
    }

    /**
     * The keys that reference {@code table}: its primary key, and also its UNIQUE constraints
     * (pgjdbc's answer too; the javadoc speaks of primary keys only, but a tool that lists what
     * depends on a table needs them all).
     */
    ListRowCursor exportedKeys(String catalog, String schema, String table) throws SQLException {
        return keys(anyCatalog(catalog), EXPORTED_KEYS_SQL, exact(schema), exact(table), "%", "%");
    }

    ListRowCursor crossReference(String parentCatalog, String parentSchema, String parentTable, String foreignCatalog,
            String foreignSchema, String foreignTable) throws SQLException {
        return keys(anyCatalog(parentCatalog) && anyCatalog(foreignCatalog), EXPORTED_KEYS_SQL, exact(parentSchema),
                exact(parentTable), exact(foreignSchema), exact(foreignTable));
    }

    /**
     * Rows of {@link MetadataColumns#KEYS}. Keys cannot be deferred. FOREIGN_KEYS already numbers
     * a key's columns in the referenced key's order, which is what KEY_SEQ means.
     */
    private ListRowCursor keys(boolean anyCatalog, String sql, String parentSchema, String parentTable,
            String childSchema, String childTable) throws SQLException {
        List<Object[]> rows = new ArrayList<>();
        if (anyCatalog) {
            for (Object[] key : query(sql, parentSchema, parentTable, childSchema, childTable)) {
                rows.add(new Object[] {null, key[0], key[1], key[2], null, key[3], key[4], key[5],
                    ((Integer) key[6]).shortValue(), referentialAction((String) key[7]),
                    referentialAction((String) key[8]), key[9], key[10],
                    (short) DatabaseMetaData.importedKeyNotDeferrable});
            }
        }
        return new ListRowCursor(MetadataColumns.KEYS, rows);
    }

    /** An UPDATE_RULE or DELETE_RULE as FOREIGN_KEYS spells it (the standard's words) as a JDBC code. */
    private static short referentialAction(String rule) throws SQLException {
        return (short) switch (rule) {
            case "NO ACTION" -> DatabaseMetaData.importedKeyNoAction;
            case "RESTRICT" -> DatabaseMetaData.importedKeyRestrict;
            case "CASCADE" -> DatabaseMetaData.importedKeyCascade;
            case "SET NULL" -> DatabaseMetaData.importedKeySetNull;
            case "SET DEFAULT" -> DatabaseMetaData.importedKeySetDefault;
            default -> throw JdbcErrors.unknownCatalogValue("referential action", rule);
        };
    }

    /** The types a column can have, ordered by DATA_TYPE; the limits are the engine's. */
    ListRowCursor typeInfo() throws SQLException {
        List<Object[]> rows = new ArrayList<>();
        for (Object[] type : query(TYPES_SQL)) {
            rows.add(typeInfoRow((String) type[0], (String) type[1], (Integer) type[2], (Integer) type[3]));
        }
        rows.sort(Comparator.comparingInt(row -> (Integer) row[1]));
        return new ListRowCursor(MetadataColumns.TYPE_INFO, rows);
    }

    private static Object[] typeInfoRow(String name, String parameters, Integer maxPrecision, Integer maxScale) {
        int jdbcType = JdbcTypes.fromTypeName(name);
        boolean text = JdbcTypes.isText(jdbcType);
        boolean temporal = jdbcType == Types.DATE || jdbcType == Types.TIME || jdbcType == Types.TIMESTAMP;
        String prefix = text ? "'" : temporal ? name + " '" : null;
        int scale = jdbcType == Types.DECIMAL ? maxScale
                : jdbcType == Types.TIME || jdbcType == Types.TIMESTAMP ? maxPrecision : 0;
        return new Object[] {
            name, jdbcType, JdbcTypes.columnSize(jdbcType, maxPrecision), prefix, prefix == null ? null : "'",
            parameters, (short) DatabaseMetaData.typeNullable, text,
            (short) (text ? DatabaseMetaData.typeSearchable : DatabaseMetaData.typePredBasic),
            false, false, false, name, (short) 0, (short) scale, null, null, JdbcTypes.radix(jdbcType),
        };
    }

    private List<Object[]> query(String sql, Object... parameters) throws SQLException {
        return JdbcErrors.call(() -> {
            try (PreparedStatementHandle handle = session.prepare(sql);
                 RowCursor cursor = session.execute(handle, Arrays.asList(parameters), 0).rowCursor()) {
                List<Object[]> rows = new ArrayList<>();
                for (Object[] row = cursor.next(); row != null; row = cursor.next()) {
                    rows.add(row);
                }
                return rows;
            }
        });
    }

    private static boolean anyCatalog(String catalog) {
        return catalog == null || catalog.isEmpty();
    }

    private static String pattern(String pattern) {
        return pattern == null ? "%" : pattern;
    }

    /** A pattern that matches exactly {@code name}, or any name for null. */
    static String exact(String name) {
        if (name == null) {
            return "%";
        }
        StringBuilder escaped = new StringBuilder(name.length() + 4);
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c == '\\' || c == '%' || c == '_') {
                escaped.append('\\');
            }
            escaped.append(c);
        }
        return escaped.toString();
    }

    private static Set<String> upperCase(String[] types) {
        Set<String> set = new TreeSet<>();
        for (String type : types) {
            if (type != null) {
                set.add(type.toUpperCase(Locale.ROOT));
            }
        }
        return set;
    }
}

package io.basalt.server.jdbc;

import static io.basalt.server.jdbc.TestDatabase.execute;
import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.JDBCType;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The columns of every DatabaseMetaData result set: labels and JDBC types exactly as the
 * {@link DatabaseMetaData} javadoc gives them (written out here from the javadoc, not from the
 * driver's tables), and whether a method about objects Basalt lacks answers with no rows instead of
 * an error. A type written "VARCHAR" stands for the javadoc's String.
 */
class DatabaseMetaDataShapeTest {
    private TestDatabase db;
    private Connection connection;

    @BeforeEach
    void open() throws Exception {
        db = TestDatabase.inMemory();
        connection = db.connect();
        execute(connection, "CREATE TABLE t (id INTEGER PRIMARY KEY, v VARCHAR(5))",
                "CREATE TABLE c (id INTEGER PRIMARY KEY, t_id INTEGER REFERENCES t)");
    }

    @AfterEach
    void close() throws Exception {
        db.close();
    }

    interface Call {
        ResultSet on(DatabaseMetaData metaData) throws Exception;
    }

    private static Arguments shape(String method, boolean empty, Call call, String... columns) {
        return Arguments.of(method, empty, call, List.of(columns));
    }

    static Stream<Arguments> resultSets() {
        return Stream.of(
                shape("getTables", false, m -> m.getTables(null, null, "T", null),
                        "TABLE_CAT VARCHAR", "TABLE_SCHEM VARCHAR", "TABLE_NAME VARCHAR", "TABLE_TYPE VARCHAR",
                        "REMARKS VARCHAR", "TYPE_CAT VARCHAR", "TYPE_SCHEM VARCHAR", "TYPE_NAME VARCHAR",
                        "SELF_REFERENCING_COL_NAME VARCHAR", "REF_GENERATION VARCHAR"),
                shape("getColumns", false, m -> m.getColumns(null, null, "T", null),
                        "TABLE_CAT VARCHAR", "TABLE_SCHEM VARCHAR", "TABLE_NAME VARCHAR", "COLUMN_NAME VARCHAR",
                        "DATA_TYPE INTEGER", "TYPE_NAME VARCHAR", "COLUMN_SIZE INTEGER", "BUFFER_LENGTH INTEGER",
                        "DECIMAL_DIGITS INTEGER", "NUM_PREC_RADIX INTEGER", "NULLABLE INTEGER", "REMARKS VARCHAR",
                        "COLUMN_DEF VARCHAR", "SQL_DATA_TYPE INTEGER", "SQL_DATETIME_SUB INTEGER",
                        "CHAR_OCTET_LENGTH INTEGER", "ORDINAL_POSITION INTEGER", "IS_NULLABLE VARCHAR",
                        "SCOPE_CATALOG VARCHAR", "SCOPE_SCHEMA VARCHAR", "SCOPE_TABLE VARCHAR",
                        "SOURCE_DATA_TYPE SMALLINT", "IS_AUTOINCREMENT VARCHAR", "IS_GENERATEDCOLUMN VARCHAR"),
                shape("getPrimaryKeys", false, m -> m.getPrimaryKeys(null, null, "T"),
                        "TABLE_CAT VARCHAR", "TABLE_SCHEM VARCHAR", "TABLE_NAME VARCHAR", "COLUMN_NAME VARCHAR",
                        "KEY_SEQ SMALLINT", "PK_NAME VARCHAR"),
                shape("getIndexInfo", false, m -> m.getIndexInfo(null, null, "T", false, true),
                        "TABLE_CAT VARCHAR", "TABLE_SCHEM VARCHAR", "TABLE_NAME VARCHAR", "NON_UNIQUE BOOLEAN",
                        "INDEX_QUALIFIER VARCHAR", "INDEX_NAME VARCHAR", "TYPE SMALLINT", "ORDINAL_POSITION SMALLINT",
                        "COLUMN_NAME VARCHAR", "ASC_OR_DESC VARCHAR", "CARDINALITY BIGINT", "PAGES BIGINT",
                        "FILTER_CONDITION VARCHAR"),
                shape("getBestRowIdentifier", false, m -> m.getBestRowIdentifier(null, null, "T", 0, false),
                        "SCOPE SMALLINT", "COLUMN_NAME VARCHAR", "DATA_TYPE INTEGER", "TYPE_NAME VARCHAR",
                        "COLUMN_SIZE INTEGER", "BUFFER_LENGTH INTEGER", "DECIMAL_DIGITS SMALLINT",
                        "PSEUDO_COLUMN SMALLINT"),
                shape("getSchemas", false, DatabaseMetaData::getSchemas, "TABLE_SCHEM VARCHAR", "TABLE_CATALOG VARCHAR"),
                shape("getSchemas(catalog, pattern)", false, m -> m.getSchemas(null, "%"),
                        "TABLE_SCHEM VARCHAR", "TABLE_CATALOG VARCHAR"),
                shape("getCatalogs", true, DatabaseMetaData::getCatalogs, "TABLE_CAT VARCHAR"),
                shape("getTableTypes", false, DatabaseMetaData::getTableTypes, "TABLE_TYPE VARCHAR"),
                shape("getTypeInfo", false, DatabaseMetaData::getTypeInfo,
                        "TYPE_NAME VARCHAR", "DATA_TYPE INTEGER", "PRECISION INTEGER", "LITERAL_PREFIX VARCHAR",
                        "LITERAL_SUFFIX VARCHAR", "CREATE_PARAMS VARCHAR", "NULLABLE SMALLINT",
                        "CASE_SENSITIVE BOOLEAN", "SEARCHABLE SMALLINT", "UNSIGNED_ATTRIBUTE BOOLEAN",
                        "FIXED_PREC_SCALE BOOLEAN", "AUTO_INCREMENT BOOLEAN", "LOCAL_TYPE_NAME VARCHAR",
                        "MINIMUM_SCALE SMALLINT", "MAXIMUM_SCALE SMALLINT", "SQL_DATA_TYPE INTEGER",
                        "SQL_DATETIME_SUB INTEGER", "NUM_PREC_RADIX INTEGER"),
                shape("getImportedKeys", false, m -> m.getImportedKeys(null, null, "C"), keyColumns()),
                shape("getExportedKeys", false, m -> m.getExportedKeys(null, null, "T"), keyColumns()),
                shape("getCrossReference", false, m -> m.getCrossReference(null, null, "T", null, null, "C"),
                        keyColumns()),
                shape("getVersionColumns", true, m -> m.getVersionColumns(null, null, "T"),
                        "SCOPE SMALLINT", "COLUMN_NAME VARCHAR", "DATA_TYPE INTEGER", "TYPE_NAME VARCHAR",
                        "COLUMN_SIZE INTEGER", "BUFFER_LENGTH INTEGER", "DECIMAL_DIGITS SMALLINT",
                        "PSEUDO_COLUMN SMALLINT"),
                shape("getColumnPrivileges", true, m -> m.getColumnPrivileges(null, null, "T", "%"),
                        "TABLE_CAT VARCHAR", "TABLE_SCHEM VARCHAR", "TABLE_NAME VARCHAR", "COLUMN_NAME VARCHAR",
                        "GRANTOR VARCHAR", "GRANTEE VARCHAR", "PRIVILEGE VARCHAR", "IS_GRANTABLE VARCHAR"),
                shape("getTablePrivileges", true, m -> m.getTablePrivileges(null, null, "%"),
                        "TABLE_CAT VARCHAR", "TABLE_SCHEM VARCHAR", "TABLE_NAME VARCHAR", "GRANTOR VARCHAR",
                        "GRANTEE VARCHAR", "PRIVILEGE VARCHAR", "IS_GRANTABLE VARCHAR"),
                shape("getProcedures", true, m -> m.getProcedures(null, null, "%"),
                        "PROCEDURE_CAT VARCHAR", "PROCEDURE_SCHEM VARCHAR", "PROCEDURE_NAME VARCHAR",
                        "RESERVED1 VARCHAR", "RESERVED2 VARCHAR", "RESERVED3 VARCHAR", "REMARKS VARCHAR",
                        "PROCEDURE_TYPE SMALLINT", "SPECIFIC_NAME VARCHAR"),
                shape("getProcedureColumns", true, m -> m.getProcedureColumns(null, null, "%", "%"),
                        "PROCEDURE_CAT VARCHAR", "PROCEDURE_SCHEM VARCHAR", "PROCEDURE_NAME VARCHAR",
                        "COLUMN_NAME VARCHAR", "COLUMN_TYPE SMALLINT", "DATA_TYPE INTEGER", "TYPE_NAME VARCHAR",
                        "PRECISION INTEGER", "LENGTH INTEGER", "SCALE SMALLINT", "RADIX SMALLINT",
                        "NULLABLE SMALLINT", "REMARKS VARCHAR", "COLUMN_DEF VARCHAR", "SQL_DATA_TYPE INTEGER",
                        "SQL_DATETIME_SUB INTEGER", "CHAR_OCTET_LENGTH INTEGER", "ORDINAL_POSITION INTEGER",
                        "IS_NULLABLE VARCHAR", "SPECIFIC_NAME VARCHAR"),
                shape("getFunctions", true, m -> m.getFunctions(null, null, "%"),
                        "FUNCTION_CAT VARCHAR", "FUNCTION_SCHEM VARCHAR", "FUNCTION_NAME VARCHAR", "REMARKS VARCHAR",
                        "FUNCTION_TYPE SMALLINT", "SPECIFIC_NAME VARCHAR"),
                shape("getFunctionColumns", true, m -> m.getFunctionColumns(null, null, "%", "%"),
                        "FUNCTION_CAT VARCHAR", "FUNCTION_SCHEM VARCHAR", "FUNCTION_NAME VARCHAR",
                        "COLUMN_NAME VARCHAR", "COLUMN_TYPE SMALLINT", "DATA_TYPE INTEGER", "TYPE_NAME VARCHAR",
                        "PRECISION INTEGER", "LENGTH INTEGER", "SCALE SMALLINT", "RADIX SMALLINT",
                        "NULLABLE SMALLINT", "REMARKS VARCHAR", "CHAR_OCTET_LENGTH INTEGER",
                        "ORDINAL_POSITION INTEGER", "IS_NULLABLE VARCHAR", "SPECIFIC_NAME VARCHAR"),
                shape("getUDTs", true, m -> m.getUDTs(null, null, "%", null),
                        "TYPE_CAT VARCHAR", "TYPE_SCHEM VARCHAR", "TYPE_NAME VARCHAR", "CLASS_NAME VARCHAR",
                        "DATA_TYPE INTEGER", "REMARKS VARCHAR", "BASE_TYPE SMALLINT"),
                shape("getSuperTypes", true, m -> m.getSuperTypes(null, null, "%"),
                        "TYPE_CAT VARCHAR", "TYPE_SCHEM VARCHAR", "TYPE_NAME VARCHAR", "SUPERTYPE_CAT VARCHAR",
                        "SUPERTYPE_SCHEM VARCHAR", "SUPERTYPE_NAME VARCHAR"),
                shape("getSuperTables", true, m -> m.getSuperTables(null, null, "%"),
                        "TABLE_CAT VARCHAR", "TABLE_SCHEM VARCHAR", "TABLE_NAME VARCHAR", "SUPERTABLE_NAME VARCHAR"),
                shape("getAttributes", true, m -> m.getAttributes(null, null, "%", "%"),
                        "TYPE_CAT VARCHAR", "TYPE_SCHEM VARCHAR", "TYPE_NAME VARCHAR", "ATTR_NAME VARCHAR",
                        "DATA_TYPE INTEGER", "ATTR_TYPE_NAME VARCHAR", "ATTR_SIZE INTEGER", "DECIMAL_DIGITS INTEGER",
                        "NUM_PREC_RADIX INTEGER", "NULLABLE INTEGER", "REMARKS VARCHAR", "ATTR_DEF VARCHAR",
                        "SQL_DATA_TYPE INTEGER", "SQL_DATETIME_SUB INTEGER", "CHAR_OCTET_LENGTH INTEGER",
                        "ORDINAL_POSITION INTEGER", "IS_NULLABLE VARCHAR", "SCOPE_CATALOG VARCHAR",
                        "SCOPE_SCHEMA VARCHAR", "SCOPE_TABLE VARCHAR", "SOURCE_DATA_TYPE SMALLINT"),
                shape("getPseudoColumns", true, m -> m.getPseudoColumns(null, null, "%", "%"),
                        "TABLE_CAT VARCHAR", "TABLE_SCHEM VARCHAR", "TABLE_NAME VARCHAR", "COLUMN_NAME VARCHAR",
                        "DATA_TYPE INTEGER", "COLUMN_SIZE INTEGER", "DECIMAL_DIGITS INTEGER", "NUM_PREC_RADIX INTEGER",
                        "COLUMN_USAGE VARCHAR", "REMARKS VARCHAR", "CHAR_OCTET_LENGTH INTEGER", "IS_NULLABLE VARCHAR"),
                shape("getClientInfoProperties", true, DatabaseMetaData::getClientInfoProperties,
                        "NAME VARCHAR", "MAX_LEN INTEGER", "DEFAULT_VALUE VARCHAR", "DESCRIPTION VARCHAR"));
    }

    private static String[] keyColumns() {
        return new String[] {
            "PKTABLE_CAT VARCHAR", "PKTABLE_SCHEM VARCHAR", "PKTABLE_NAME VARCHAR", "PKCOLUMN_NAME VARCHAR",
            "FKTABLE_CAT VARCHAR", "FKTABLE_SCHEM VARCHAR", "FKTABLE_NAME VARCHAR", "FKCOLUMN_NAME VARCHAR",
            "KEY_SEQ SMALLINT", "UPDATE_RULE SMALLINT", "DELETE_RULE SMALLINT", "FK_NAME VARCHAR", "PK_NAME VARCHAR",
            "DEFERRABILITY SMALLINT",
        };
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("resultSets")
    void hasTheJavadocsColumns(String method, boolean empty, Call call, List<String> expected) throws Exception {
        try (ResultSet rs = call.on(connection.getMetaData())) {
            ResultSetMetaData columns = rs.getMetaData();
            List<String> actual = new ArrayList<>();
            for (int i = 1; i <= columns.getColumnCount(); i++) {
                actual.add(columns.getColumnLabel(i) + " " + JDBCType.valueOf(columns.getColumnType(i)).getName());
            }
            assertThat(actual).as(method).containsExactlyElementsOf(expected);
            assertThat(rs.next()).as("%s has rows", method).isEqualTo(!empty);
        }
    }
}

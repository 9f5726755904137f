package io.basalt.jdbc.internal;

import static io.basalt.jdbc.internal.SqlAssertions.assertSqlState;
import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class DatabaseMetaDataTest extends WithFakeConnection {
    private DatabaseMetaData metaData;

    @BeforeEach
    void readMetaData() throws Exception {
        metaData = connection.getMetaData();
    }

    private static List<String> column(ResultSet rs, String label) throws Exception {
        List<String> values = new ArrayList<>();
        while (rs.next()) {
            values.add(rs.getString(label));
        }
        return values;
    }

    @Test
    void namesProductAndDriverVersions() throws Exception {
        assertThat(metaData.getDatabaseProductName()).isEqualTo("Basalt");
        assertThat(metaData.getDatabaseProductVersion()).isEqualTo("0.1.0");
        assertThat(metaData.getDriverVersion()).isEqualTo("0.1.0");
        assertThat(metaData.getDriverMajorVersion()).isZero();
        assertThat(metaData.getDriverMinorVersion()).isEqualTo(1);
        assertThat(metaData.getJDBCMajorVersion()).isEqualTo(4);
        assertThat(metaData.getJDBCMinorVersion()).isEqualTo(2);
        assertThat(metaData.getURL()).isEqualTo(FakeSessionProvider.URL_PREFIX + "DatabaseMetaDataTest");
        assertThat(metaData.getConnection()).isSameAs(connection);
    }

    @Test
    void describesTransactions() throws Exception {
        assertThat(metaData.supportsTransactions()).isTrue();
        assertThat(metaData.getDefaultTransactionIsolation()).isEqualTo(Connection.TRANSACTION_SERIALIZABLE);
        assertThat(metaData.supportsTransactionIsolationLevel(Connection.TRANSACTION_READ_COMMITTED)).isTrue();
        assertThat(metaData.supportsTransactionIsolationLevel(Connection.TRANSACTION_REPEATABLE_READ)).isTrue();
        assertThat(metaData.supportsTransactionIsolationLevel(Connection.TRANSACTION_SERIALIZABLE)).isTrue();
        assertThat(metaData.supportsTransactionIsolationLevel(Connection.TRANSACTION_READ_UNCOMMITTED)).isFalse();
        assertThat(metaData.supportsTransactionIsolationLevel(Connection.TRANSACTION_NONE)).isFalse();
        assertThat(metaData.supportsSavepoints()).isFalse();
    }

    @Test
    void offersOnlyForwardOnlyReadOnlyResultSetsAndBatches() throws Exception {
        assertThat(metaData.supportsResultSetType(ResultSet.TYPE_FORWARD_ONLY)).isTrue();
        assertThat(metaData.supportsResultSetType(ResultSet.TYPE_SCROLL_INSENSITIVE)).isFalse();
        assertThat(metaData.supportsResultSetConcurrency(ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_UPDATABLE)).isFalse();
        assertThat(metaData.supportsBatchUpdates()).isTrue();
        assertThat(metaData.supportsGetGeneratedKeys()).isFalse();
        assertThat(metaData.supportsMultipleOpenResults()).isFalse();
    }

    @Test
    void describesIdentifiersAsCalciteTreatsThem() throws Exception {
        assertThat(metaData.getIdentifierQuoteString()).isEqualTo("\"");
        assertThat(metaData.storesUpperCaseIdentifiers()).isTrue();
        assertThat(metaData.storesLowerCaseIdentifiers()).isFalse();
        assertThat(metaData.supportsMixedCaseQuotedIdentifiers()).isTrue();
        assertThat(metaData.getSQLKeywords()).isEmpty();
        assertThat(metaData.getSchemaTerm()).isEqualTo("schema");
        assertThat(metaData.getCatalogTerm()).isEqualTo("catalog");
    }

    @Test
    void listsTheOneTableTypeNoCatalogsAndTheOneSchema() throws Exception {
        assertThat(column(metaData.getTableTypes(), "TABLE_TYPE")).containsExactly("TABLE");
        assertThat(column(metaData.getCatalogs(), "TABLE_CAT")).isEmpty();
        assertThat(column(metaData.getSchemas(), "TABLE_SCHEM")).containsExactly("PUBLIC");
        ResultSet schemas = metaData.getSchemas();
        schemas.next();
        assertThat(schemas.getString("TABLE_CATALOG")).isNull();
        assertThat(schemas.getStatement()).isNull();
    }

    @Test
    void schemaPatternsFollowLikeWithBackslashEscape() throws Exception {
        assertThat(column(metaData.getSchemas(null, "PUB%"), "TABLE_SCHEM")).containsExactly("PUBLIC");
        assertThat(column(metaData.getSchemas("", "P_BLIC"), "TABLE_SCHEM")).containsExactly("PUBLIC");
        assertThat(column(metaData.getSchemas(null, "P\\_BLIC"), "TABLE_SCHEM")).isEmpty();
        assertThat(column(metaData.getSchemas(null, "OTHER"), "TABLE_SCHEM")).isEmpty();
        assertThat(column(metaData.getSchemas("SOMECAT", null), "TABLE_SCHEM")).isEmpty();
    }

    @Test
    void typeInfoListsEverySpiTypeOnceOrderedByDataType() throws Exception {
        ResultSet rs = metaData.getTypeInfo();
        List<String> names = new ArrayList<>();
        List<Integer> dataTypes = new ArrayList<>();
        while (rs.next()) {
            names.add(rs.getString("TYPE_NAME"));
            dataTypes.add(rs.getInt("DATA_TYPE"));
            assertThat(rs.getShort("NULLABLE")).isEqualTo((short) DatabaseMetaData.typeNullable);
            assertThat(rs.getBoolean("CASE_SENSITIVE")).isEqualTo(names.get(names.size() - 1).contains("CHAR"));
        }
        assertThat(names).containsExactlyInAnyOrder("BOOLEAN", "SMALLINT", "INTEGER", "BIGINT", "DECIMAL", "NUMERIC",
                "REAL", "DOUBLE", "FLOAT", "CHAR", "VARCHAR", "DATE", "TIME", "TIMESTAMP", "VARBINARY");
        assertThat(dataTypes).isSorted().contains(Types.BOOLEAN, Types.VARBINARY, Types.TIMESTAMP);
    }

    @Test
    void typeInfoGivesLiteralSyntaxAndPrecision() throws Exception {
        ResultSet rs = metaData.getTypeInfo();
        while (rs.next()) {
            if (rs.getString("TYPE_NAME").equals("DATE")) {
                assertThat(rs.getString("LITERAL_PREFIX")).isEqualTo("DATE '");
                assertThat(rs.getInt("PRECISION")).isEqualTo(10);
            }
            if (rs.getString("TYPE_NAME").equals("DECIMAL")) {
                assertThat(rs.getString("CREATE_PARAMS")).isEqualTo("precision,scale");
                assertThat(rs.getInt("NUM_PREC_RADIX")).isEqualTo(10);
            }
        }
        assertThat(rs.isAfterLast()).isTrue();
    }

    interface MetaDataCall {
        ResultSet call(DatabaseMetaData metaData) throws Exception;
    }

    static Stream<Named<MetaDataCall>> schemaMetadataMethods() {
        return Stream.of(
                Named.of("getTables", m -> m.getTables(null, null, "%", null)),
                Named.of("getColumns", m -> m.getColumns(null, null, "%", "%")),
                Named.of("getPrimaryKeys", m -> m.getPrimaryKeys(null, null, "T")),
                Named.of("getIndexInfo", m -> m.getIndexInfo(null, null, "T", false, true)),
                Named.of("getImportedKeys", m -> m.getImportedKeys(null, null, "T")),
                Named.of("getExportedKeys", m -> m.getExportedKeys(null, null, "T")),
                Named.of("getProcedures", m -> m.getProcedures(null, null, "%")),
                Named.of("getFunctions", m -> m.getFunctions(null, null, "%")),
                Named.of("getUDTs", m -> m.getUDTs(null, null, "%", null)),
                Named.of("getClientInfoProperties", DatabaseMetaData::getClientInfoProperties));
    }

    @ParameterizedTest
    @MethodSource("schemaMetadataMethods")
    void schemaMetadataComesWithALaterRelease(MetaDataCall call) {
        assertSqlState(() -> call.call(metaData), "0A000").isInstanceOf(SQLFeatureNotSupportedException.class)
                .hasMessageContaining("schema metadata comes with a later Basalt release");
    }

    @Test
    void resultSetsOfAClosedConnectionAre08003() throws Exception {
        connection.close();
        assertSqlState(metaData::getTableTypes, "08003");
        assertSqlState(() -> metaData.getTables(null, null, null, null), "08003");
    }
}

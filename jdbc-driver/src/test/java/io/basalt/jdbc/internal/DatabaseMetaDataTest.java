package io.basalt.jdbc.internal;

import static io.basalt.jdbc.internal.SqlAssertions.assertSqlState;
import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
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
        assertThat(metaData.supportsGetGeneratedKeys()).isTrue();
        assertThat(metaData.supportsMultipleOpenResults()).isFalse();
    }

    /** Migration tools read these before they emit ALTER TABLE; DDL itself is refused inside a transaction. */
    @Test
    void reportsTheDdlTheEngineRuns() throws Exception {
        assertThat(metaData.supportsAlterTableWithAddColumn()).isTrue();
        assertThat(metaData.supportsAlterTableWithDropColumn()).isTrue();
        assertThat(metaData.supportsDataDefinitionAndDataManipulationTransactions()).isFalse();
        assertThat(metaData.supportsSelectForUpdate()).isTrue();
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
    void listsTwoTableTypesAndNoCatalogs() throws Exception {
        assertThat(column(metaData.getTableTypes(), "TABLE_TYPE")).containsExactly("SYSTEM TABLE", "TABLE");
        assertThat(column(metaData.getCatalogs(), "TABLE_CAT")).isEmpty();
        assertThat(metaData.getCatalogs().getStatement()).isNull();
    }

    interface MetaDataCall {
        ResultSet call(DatabaseMetaData metaData) throws Exception;
    }

    /** Methods about objects Basalt does not have; the server's DatabaseMetaDataTest checks their columns. */
    static Stream<Named<MetaDataCall>> methodsAboutObjectsBasaltLacks() {
        return Stream.of(
                Named.of("getProcedures", m -> m.getProcedures(null, null, "%")),
                Named.of("getFunctions", m -> m.getFunctions(null, null, "%")),
                Named.of("getUDTs", m -> m.getUDTs(null, null, "%", null)),
                Named.of("getClientInfoProperties", DatabaseMetaData::getClientInfoProperties));
    }

    @ParameterizedTest
    @MethodSource("methodsAboutObjectsBasaltLacks")
    void objectsBasaltLacksAreEmptyResultSetsWithoutAskingTheEngine(MetaDataCall call) throws Exception {
        int callsBefore = session.calls.size();
        ResultSet rs = call.call(metaData);
        assertThat(rs.next()).isFalse();
        assertThat(rs.getMetaData().getColumnCount()).isPositive();
        assertThat(session.calls).hasSize(callsBefore);
    }

    @Test
    void schemaObjectsAreQueriedFromTheSystemTablesThroughTheSession() {
        // The fake session has no answer canned: its error reaches the caller with its SQLState.
        assertSqlState(() -> metaData.getTables(null, null, "%", null), "42601");
        assertThat(session.calls).singleElement().asString().startsWith("prepare SELECT")
                .contains("FROM BASALT_CATALOG.TABLES");
    }

    static Stream<Named<MetaDataCall>> foreignKeyMethods() {
        return Stream.of(
                Named.of("getImportedKeys", m -> m.getImportedKeys(null, null, "T")),
                Named.of("getExportedKeys", m -> m.getExportedKeys(null, null, "T")),
                Named.of("getCrossReference", m -> m.getCrossReference(null, null, "T", null, null, "U")));
    }

    @ParameterizedTest
    @MethodSource("foreignKeyMethods")
    void foreignKeysAreQueriedFromTheirSystemTable(MetaDataCall call) {
        assertSqlState(() -> call.call(metaData), "42601");
        assertThat(session.calls).singleElement().asString().startsWith("prepare SELECT")
                .contains("FROM BASALT_CATALOG.FOREIGN_KEYS");
    }

    @Test
    void resultSetsOfAClosedConnectionAre08003() throws Exception {
        connection.close();
        assertSqlState(metaData::getTableTypes, "08003");
        assertSqlState(() -> metaData.getTables(null, null, null, null), "08003");
    }
}

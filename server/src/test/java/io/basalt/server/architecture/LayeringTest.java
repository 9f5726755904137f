package io.basalt.server.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The dependency rules of ARCHITECTURE.md section 1, checked on the compiled classes. Maven's
 * module graph already forbids most wrong-way imports; these rules also catch the ones it cannot
 * see: a module using a library its layer must not know (Calcite below sql, RocksDB above kv,
 * storage internals in sql), and engine code in the thin JDBC driver.
 */
class LayeringTest {
    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.basalt");
    }

    @Test
    void commonDependsOnNoOtherModule() {
        noClasses().that().resideInAPackage("io.basalt.common..")
                .should().dependOnClassesThat().resideInAnyPackage("io.basalt.kv..", "io.basalt.txn..",
                        "io.basalt.cluster..", "io.basalt.sql..", "io.basalt.server..", "io.basalt.jdbc..",
                        "org.apache.calcite..", "org.rocksdb..", "io.netty..")
                .check(classes);
    }

    @Test
    void kvKnowsNothingAboveIt() {
        noClasses().that().resideInAPackage("io.basalt.kv..")
                .should().dependOnClassesThat().resideInAnyPackage("io.basalt.txn..", "io.basalt.cluster..",
                        "io.basalt.sql..", "io.basalt.server..", "io.basalt.jdbc..", "org.apache.calcite..", "io.netty..")
                .check(classes);
    }

    @Test
    void txnReachesPartitionsOnlyThroughItsSeam() {
        noClasses().that().resideInAPackage("io.basalt.txn..")
                .should().dependOnClassesThat().resideInAnyPackage("io.basalt.cluster..", "io.basalt.sql..",
                        "io.basalt.server..", "io.basalt.jdbc..", "org.apache.calcite..", "io.netty..",
                        "org.rocksdb..")
                .check(classes);
    }

    @Test
    void clusterKnowsNoSql() {
        noClasses().that().resideInAPackage("io.basalt.cluster..")
                .should().dependOnClassesThat().resideInAnyPackage("io.basalt.sql..", "io.basalt.server..",
                        "io.basalt.jdbc..", "org.apache.calcite..")
                .check(classes);
    }

    @Test
    void sqlKnowsNoStorageOrNetwork() {
        noClasses().that().resideInAPackage("io.basalt.sql..")
                .should().dependOnClassesThat().resideInAnyPackage("io.basalt.server..", "io.basalt.jdbc..",
                        "io.basalt.kv.engine..", "io.basalt.kv.mvcc..", "io.basalt.txn.participant..",
                        "org.rocksdb..", "io.netty..")
                .check(classes);
    }

    @Test
    void jdbcDriverCarriesNoEngineCode() {
        noClasses().that().resideInAPackage("io.basalt.jdbc..")
                .should().dependOnClassesThat().resideInAnyPackage("io.basalt.kv..", "io.basalt.txn..",
                        "io.basalt.cluster..", "io.basalt.sql..", "io.basalt.server..", "org.apache.calcite..",
                        "org.rocksdb..")
                .check(classes);
    }

    /** The wire codec is shared with the server: it must not drag in the driver's JDBC objects. */
    @Test
    void wireProtocolKnowsNoJdbcObjects() {
        noClasses().that().resideInAPackage("io.basalt.jdbc.wire..")
                .should().dependOnClassesThat().resideInAnyPackage("io.basalt.jdbc", "io.basalt.jdbc.internal..",
                        "io.basalt.jdbc.remote..", "java.sql..")
                .check(classes);
    }

    /** The remote session is an engine behind the SPI, like the embedded one: the JDBC layer does not reach into it. */
    @Test
    void jdbcObjectsReachTheRemoteEngineOnlyThroughTheSessionSpi() {
        noClasses().that().resideInAPackage("io.basalt.jdbc.internal..")
                .should().dependOnClassesThat().resideInAnyPackage("io.basalt.jdbc.remote..", "io.basalt.jdbc.wire..", "io.netty..")
                .check(classes);
    }

    /** The server's endpoint speaks the protocol; it never borrows the driver's JDBC implementation. */
    @Test
    void serverUsesTheDriverOnlyForItsWireCodec() {
        noClasses().that().resideInAPackage("io.basalt.server.net..")
                .should().dependOnClassesThat().resideInAnyPackage("io.basalt.jdbc", "io.basalt.jdbc.internal..",
                        "io.basalt.jdbc.remote..")
                .check(classes);
    }

    @Test
    void benchmarkWorkloadTalksJdbcOnly() {
        noClasses().that().resideInAPackage("io.basalt.bench..")
                .should().dependOnClassesThat().resideInAnyPackage("io.basalt.kv..", "io.basalt.txn..",
                        "io.basalt.cluster..", "io.basalt.sql..", "io.basalt.server..", "io.basalt.jdbc..",
                        "org.apache.calcite..", "org.rocksdb..")
                .check(classes);
    }
}

package io.basalt.server.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.basalt.server.testing.TestServer;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.Properties;
import java.util.ServiceLoader;
import java.util.jar.JarFile;
import java.util.zip.ZipEntry;
import org.junit.jupiter.api.Test;

/**
 * The thin driver jar built by the jdbc-driver module ({@code basalt-jdbc.jar}), as an application
 * would use it: alone, in a class loader that sees nothing of this test's class path, against a live
 * server. The jar exists from the {@code package} phase on, so {@code mvn verify} runs this test on the
 * fresh jar; a bare {@code mvn test} skips it.
 */
class ThinDriverJarTest {
    private static final Path JAR = Path.of("..", "jdbc-driver", "target", "basalt-jdbc.jar");
    private static final List<String> FORBIDDEN = List.of("io/basalt/sql/", "io/basalt/kv/", "io/basalt/txn/",
            "io/basalt/cluster/", "io/basalt/server/", "org/apache/calcite/", "org/rocksdb/", "io/netty/");

    private static Path jar() {
        assumeTrue(Files.isRegularFile(JAR), "basalt-jdbc.jar not built yet (runs under mvn verify)");
        return JAR;
    }

    @Test
    void holdsTheDriverCommonAndRelocatedNettyButNoEngine() throws Exception {
        try (JarFile jar = new JarFile(jar().toFile())) {
            List<String> names = jar.stream().map(ZipEntry::getName).toList();
            assertThat(names).contains("io/basalt/jdbc/BasaltDriver.class",
                    "io/basalt/jdbc/remote/RemoteSessionProvider.class",
                    "io/basalt/common/client/Session.class",
                    "io/basalt/jdbc/shaded/netty/channel/Channel.class");
            assertThat(names).filteredOn(name -> FORBIDDEN.stream().anyMatch(name::startsWith)).isEmpty();
            assertThat(service(jar, "java.sql.Driver")).isEqualTo("io.basalt.jdbc.BasaltDriver");
            assertThat(service(jar, "io.basalt.common.client.SessionProvider"))
                    .isEqualTo("io.basalt.jdbc.remote.RemoteSessionProvider");
        }
    }

    private static String service(JarFile jar, String name) throws Exception {
        ZipEntry entry = jar.getEntry("META-INF/services/" + name);
        assertThat(entry).as(name).isNotNull();
        return new String(jar.getInputStream(entry).readAllBytes(), StandardCharsets.UTF_8).strip();
    }

    @Test
    void connectsToALiveServerFromAnIsolatedClassLoader() throws Exception {
        URL url = jar().toUri().toURL();
        try (URLClassLoader isolated = new URLClassLoader(new URL[] {url}, ClassLoader.getPlatformClassLoader())) {
            Driver driver = ServiceLoader.load(Driver.class, isolated).stream()
                    .map(ServiceLoader.Provider::get)
                    .filter(d -> d.getClass().getClassLoader() == isolated)
                    .findFirst().orElseThrow();
            assertThat(driver.getClass().getName()).isEqualTo("io.basalt.jdbc.BasaltDriver");
            String jdbcUrl = TestServer.freshDatabaseUrl(TestServer.shared());
            assertThat(driver.acceptsURL(jdbcUrl)).isTrue();
            try (Connection c = driver.connect(jdbcUrl, new Properties()); Statement s = c.createStatement()) {
                s.execute("CREATE TABLE t (id INT PRIMARY KEY, v VARCHAR(10))");
                s.execute("INSERT INTO t VALUES (1, 'thin')");
                try (ResultSet r = s.executeQuery("SELECT v FROM t WHERE id = 1")) {
                    assertThat(r.next()).isTrue();
                    assertThat(r.getString(1)).isEqualTo("thin");
                }
                assertThat(c.getClass().getClassLoader()).isSameAs(isolated);
            }
        }
    }
}

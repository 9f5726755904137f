package io.basalt.jdbc;

import static io.basalt.jdbc.internal.SqlAssertions.assertSqlState;
import static org.assertj.core.api.Assertions.assertThat;

import io.basalt.common.error.BasaltException;
import io.basalt.common.error.SqlState;
import io.basalt.jdbc.internal.FakeSessionProvider;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.DriverPropertyInfo;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.SQLInvalidAuthorizationSpecException;
import java.sql.SQLTransientConnectionException;
import java.util.Arrays;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class BasaltDriverTest {
    private final BasaltDriver driver = new BasaltDriver();

    @Test
    void driverManagerFindsTheDriverForBasaltUrls() throws Exception {
        assertThat(DriverManager.getDriver("jdbc:basalt:mem:x")).isInstanceOf(BasaltDriver.class);
        try (Connection connection = DriverManager.getConnection(FakeSessionProvider.URL_PREFIX + "dm")) {
            assertThat(connection.isValid(0)).isTrue();
        }
    }

    @Test
    void acceptsUrlsWithTheBasaltPrefixOnly() {
        assertThat(driver.acceptsURL("jdbc:basalt:mem:x")).isTrue();
        assertThat(driver.acceptsURL("jdbc:basalt://localhost:5433/db")).isTrue();
        assertThat(driver.acceptsURL("jdbc:h2:mem:x")).isFalse();
    }

    @Test
    void connectReturnsNullForOtherDriversUrls() throws Exception {
        assertThat(driver.connect("jdbc:h2:mem:x", new Properties())).isNull();
    }

    @Test
    void engineGetsTheUrlWithoutQueryAndTheMergedProperties() throws Exception {
        Properties info = new Properties();
        info.setProperty("user", "caller");
        try (Connection connection = driver.connect(
                FakeSessionProvider.URL_PREFIX + "db?user=url&serializable=2pl", info)) {
            assertThat(connection).isNotNull();
            var session = FakeSessionProvider.lastOpened();
            assertThat(session).extracting("url").isEqualTo(FakeSessionProvider.URL_PREFIX + "db");
            assertThat(session).extracting("properties").isEqualTo(Map.of("user", "caller", "serializable", "2pl"));
            assertThat(connection.getMetaData().getUserName()).isEqualTo("caller");
            assertThat(connection.getMetaData().getURL()).isEqualTo(FakeSessionProvider.URL_PREFIX + "db");
        }
    }

    @Test
    void urlWithoutAnEngineIs08001NamingTheServerJar() {
        assertSqlState(() -> DriverManager.getConnection("jdbc:basalt:mem:test?password=secret"), "08001")
                .isInstanceOf(SQLTransientConnectionException.class)
                .hasMessageContaining("no Basalt engine on the class path for jdbc:basalt:mem:test")
                .hasMessageContaining("basalt.jar (the server module)")
                .hasMessageNotContaining("secret");
    }

    @Test
    void engineRefusingTheCredentialsIs28P01WithItsMessage() {
        BasaltException refused = new BasaltException(SqlState.INVALID_PASSWORD, "password authentication failed");
        FakeSessionProvider.failNextOpen(refused);
        assertSqlState(() -> driver.connect(FakeSessionProvider.URL_PREFIX + "db", new Properties()), "28P01")
                .isInstanceOf(SQLInvalidAuthorizationSpecException.class)
                .hasMessage("password authentication failed")
                .hasCause(refused);
    }

    @Test
    void propertyInfoListsTheDocumentedPropertiesWithCurrentValues() throws Exception {
        DriverPropertyInfo[] info = driver.getPropertyInfo("jdbc:basalt:mem:db?isolation=REPEATABLE_READ", new Properties());
        Map<String, DriverPropertyInfo> byName = Arrays.stream(info)
                .collect(Collectors.toMap(p -> p.name, p -> p));
        assertThat(byName).containsOnlyKeys("user", "password", "isolation", "serializable");
        assertThat(byName.get("isolation").value).isEqualTo("REPEATABLE_READ");
        assertThat(byName.get("isolation").choices).contains("SERIALIZABLE");
        assertThat(byName.get("serializable").choices).containsExactly("ssi", "2pl");
        assertThat(byName.get("user").description).isNotBlank();
    }

    @Test
    void reportsVersionAndHonestCompliance() {
        assertThat(driver.getMajorVersion()).isZero();
        assertThat(driver.getMinorVersion()).isEqualTo(1);
        assertThat(driver.jdbcCompliant()).isFalse();
        assertSqlState(driver::getParentLogger, "0A000").isInstanceOf(SQLFeatureNotSupportedException.class);
    }
}

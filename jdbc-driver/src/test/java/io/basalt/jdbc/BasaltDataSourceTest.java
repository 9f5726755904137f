package io.basalt.jdbc;

import static io.basalt.jdbc.internal.SqlAssertions.assertSqlState;
import static org.assertj.core.api.Assertions.assertThat;

import io.basalt.jdbc.internal.FakeSessionProvider;
import java.sql.Connection;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

class BasaltDataSourceTest {

    @Test
    void connectsWithUrlPropertiesAndCredentials() throws Exception {
        BasaltDataSource dataSource = new BasaltDataSource();
        dataSource.setUrl(FakeSessionProvider.URL_PREFIX + "ds?isolation=REPEATABLE_READ&user=fromUrl");
        dataSource.setUser("alice");
        dataSource.setPassword("pw");
        dataSource.setProperty("serializable", "2pl");
        try (Connection connection = dataSource.getConnection()) {
            assertThat(connection.isClosed()).isFalse();
            assertThat(FakeSessionProvider.lastOpened()).extracting("properties").isEqualTo(Map.of(
                    "isolation", "REPEATABLE_READ", "user", "alice", "password", "pw", "serializable", "2pl"));
        }
    }

    @Test
    void explicitCredentialsWin() throws Exception {
        BasaltDataSource dataSource = new BasaltDataSource();
        dataSource.setUrl(FakeSessionProvider.URL_PREFIX + "ds");
        dataSource.setUser("alice");
        try (Connection connection = dataSource.getConnection("bob", "secret")) {
            assertThat(connection.getMetaData().getUserName()).isEqualTo("bob");
        }
    }

    @Test
    void missingOrForeignUrlIs08001() {
        BasaltDataSource dataSource = new BasaltDataSource();
        assertSqlState(dataSource::getConnection, "08001").hasMessageContaining("no URL");
        dataSource.setUrl("jdbc:h2:mem:x");
        assertSqlState(dataSource::getConnection, "08001").hasMessageContaining("jdbc:h2:mem:x");
    }

    @Test
    void keepsPoolSettingsAndUnwraps() throws Exception {
        BasaltDataSource dataSource = new BasaltDataSource();
        dataSource.setLoginTimeout(5);
        assertThat(dataSource.getLoginTimeout()).isEqualTo(5);
        assertThat(dataSource.isWrapperFor(DataSource.class)).isTrue();
        assertThat(dataSource.unwrap(BasaltDataSource.class)).isSameAs(dataSource);
        assertSqlState(() -> dataSource.unwrap(String.class), "22023");
    }
}

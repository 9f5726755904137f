package io.basalt.jdbc.internal;

import static io.basalt.jdbc.internal.SqlAssertions.assertSqlState;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Properties;
import org.junit.jupiter.api.Test;

class ConnectionUrlTest {

    @Test
    void acceptsOnlyTheBasaltPrefix() {
        assertThat(ConnectionUrl.accepts("jdbc:basalt:mem:db")).isTrue();
        assertThat(ConnectionUrl.accepts("jdbc:basalt://h:1/db")).isTrue();
        assertThat(ConnectionUrl.accepts("jdbc:postgresql://h/db")).isFalse();
        assertThat(ConnectionUrl.accepts("jdbc:basalt")).isFalse();
        assertThat(ConnectionUrl.accepts(null)).isFalse();
    }

    @Test
    void urlWithoutQueryHasNoProperties() throws Exception {
        ConnectionUrl url = ConnectionUrl.parse("jdbc:basalt:file:/tmp/db");
        assertThat(url.withoutQuery()).isEqualTo("jdbc:basalt:file:/tmp/db");
        assertThat(url.mergedWith(null)).isEmpty();
    }

    @Test
    void queryPairsBecomeDecodedProperties() throws Exception {
        ConnectionUrl url = ConnectionUrl.parse("jdbc:basalt:mem:db?user=al%20ice&password=p%26w%3D&&flag&isolation=SERIALIZABLE&");
        assertThat(url.withoutQuery()).isEqualTo("jdbc:basalt:mem:db");
        Properties properties = url.mergedWith(null);
        assertThat(properties).hasSize(4)
                .containsEntry("user", "al ice")
                .containsEntry("password", "p&w=")
                .containsEntry("flag", "")
                .containsEntry("isolation", "SERIALIZABLE");
    }

    @Test
    void callersPropertiesWinOverTheQuery() throws Exception {
        Properties defaults = new Properties();
        defaults.setProperty("serializable", "2pl");
        Properties caller = new Properties(defaults);
        caller.setProperty("user", "caller");
        Properties merged = ConnectionUrl.parse("jdbc:basalt:mem:db?user=url&serializable=ssi&isolation=READ_COMMITTED")
                .mergedWith(caller);
        assertThat(merged).containsEntry("user", "caller").containsEntry("serializable", "2pl")
                .containsEntry("isolation", "READ_COMMITTED");
    }

    @Test
    void badEscapeIsRejectedWithoutEchoingTheQuery() {
        assertSqlState(() -> ConnectionUrl.parse("jdbc:basalt:mem:db?password=se%zzcret"), "22023")
                .hasMessageContaining("jdbc:basalt:mem:db")
                .hasMessageNotContaining("cret");
    }
}

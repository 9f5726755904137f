package io.basalt.jdbc.remote;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.basalt.common.error.BasaltException;
import org.junit.jupiter.api.Test;

class RemoteUrlTest {
    @Test
    void hostsPortsAndDatabase() {
        RemoteUrl url = RemoteUrl.parse("jdbc:basalt://a:1,b,[::1]:3/db");
        assertThat(url.hosts()).containsExactly(new RemoteUrl.HostAndPort("a", 1), new RemoteUrl.HostAndPort("b", 5470),
                new RemoteUrl.HostAndPort("::1", 3));
        assertThat(url.database()).isEqualTo("db");
        assertThat(RemoteUrl.parse("jdbc:basalt://h").database()).isEmpty();
        assertThat(RemoteUrl.accepts("JDBC:BASALT://h")).isTrue();
        assertThat(RemoteUrl.accepts("jdbc:basalt:mem:x")).isFalse();
    }

    @Test
    void malformedUrlsAre08001() {
        for (String bad : new String[] {"jdbc:basalt:///db", "jdbc:basalt://h:0/", "jdbc:basalt://h:x/", "jdbc:basalt://a,,b/",
                "jdbc:basalt://[::1/"}) {
            assertThatThrownBy(() -> RemoteUrl.parse(bad)).as(bad).isInstanceOf(BasaltException.class)
                    .satisfies(e -> assertThat(((BasaltException) e).sqlState().code()).isEqualTo("08001"));
        }
    }
}

package io.basalt.server.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.basalt.server.testing.TestServer;
import java.net.ServerSocket;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The driver tries the hosts of a multi-host URL in order and connects to the first that answers. */
class FailoverTest {

    @Test
    void aDeadFirstHostIsSkippedForTheNextOne() throws Exception {
        int deadPort = freePort();
        WireServer live = TestServer.shared();
        String database = "f" + UUID.randomUUID().toString().replace("-", "");
        String url = "jdbc:basalt://127.0.0.1:" + deadPort + ",127.0.0.1:" + live.port() + "/" + database
                + "?user=admin&password=" + TestServer.PASSWORD;
        try (Connection connection = DriverManager.getConnection(url); Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE t (id INT PRIMARY KEY)");
            assertThat(statement.executeUpdate("INSERT INTO t VALUES (1)")).isEqualTo(1);
        }
    }

    @Test
    void whenNoHostAnswersTheErrorIsClass08() throws Exception {
        String url = "jdbc:basalt://127.0.0.1:" + freePort() + ",127.0.0.1:" + freePort() + "/db?user=admin&password=x";
        assertThatThrownBy(() -> DriverManager.getConnection(url))
                .isInstanceOf(SQLException.class)
                .satisfies(e -> assertThat(((SQLException) e).getSQLState()).startsWith("08"));
    }

    /** A port nothing listens on: bound, read, and released again. */
    private static int freePort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}

package io.basalt.server.net;

import static io.basalt.server.testing.TestServer.ADMIN;
import static io.basalt.server.testing.TestServer.PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.basalt.jdbc.wire.ServerMessage;
import io.basalt.server.testing.TestServer;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.SQLInvalidAuthorizationSpecException;
import java.sql.Statement;
import java.util.Base64;
import java.util.Properties;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** SCRAM-SHA-256 login, users and their statements (docs/design/0006, "Connection start" and "Users"). */
class AuthenticationTest {
    private static WireServer server;
    private static String database;

    @BeforeAll
    static void start() {
        server = TestServer.start(TestServer.inMemoryOptions());
        database = "auth" + UUID.randomUUID().toString().replace("-", "");
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static Connection connect(String user, String password) throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("user", user);
        properties.setProperty("password", password);
        return DriverManager.getConnection(TestServer.baseUrl(server, database), properties);
    }

    @Test
    void bootstrapAdminLogsIn() throws SQLException {
        try (Connection connection = connect(ADMIN, PASSWORD)) {
            assertThat(connection.isValid(5)).isTrue();
        }
    }

    @Test
    void wrongPasswordIs28P01AfterTheConstantDelay() {
        long started = System.nanoTime();
        SQLException error = catchThrowableOfType(SQLException.class, () -> connect(ADMIN, "wrong"));
        long elapsedMillis = (System.nanoTime() - started) / 1_000_000;
        assertThat((Throwable) error).isInstanceOf(SQLInvalidAuthorizationSpecException.class);
        assertThat(error.getSQLState()).isEqualTo("28P01");
        assertThat(error.getMessage()).contains("password authentication failed for user \"admin\"");
        assertThat(elapsedMillis).isGreaterThanOrEqualTo(TestServer.AUTH_FAILURE_DELAY.toMillis());
    }

    @Test
    void unknownUserLooksLikeAWrongPassword() {
        long started = System.nanoTime();
        SQLException error = catchThrowableOfType(SQLException.class, () -> connect("nobody", PASSWORD));
        long elapsedMillis = (System.nanoTime() - started) / 1_000_000;
        assertThat(error.getSQLState()).isEqualTo("28P01");
        assertThat(error.getMessage()).contains("password authentication failed for user \"nobody\"");
        assertThat(elapsedMillis).isGreaterThanOrEqualTo(TestServer.AUTH_FAILURE_DELAY.toMillis());
    }

    @Test
    void missingCredentialsAre28000() {
        SQLException error = catchThrowableOfType(SQLException.class,
                () -> DriverManager.getConnection(TestServer.baseUrl(server, database)));
        assertThat(error.getSQLState()).isEqualTo("28000");
    }

    @Test
    void createdUsersLogInAndAlterAndDropTakeEffect() throws SQLException {
        try (Connection admin = connect(ADMIN, PASSWORD); Statement statement = admin.createStatement()) {
            statement.execute("CREATE USER alice WITH PASSWORD 'first-secret'");
            try (Connection alice = connect("alice", "first-secret")) {
                assertThat(alice.isValid(5)).isTrue();
            }
            statement.execute("ALTER USER alice PASSWORD 'second-secret'");
            assertThat(catchThrowableOfType(SQLException.class, () -> connect("alice", "first-secret")).getSQLState())
                    .isEqualTo("28P01");
            connect("ALICE", "second-secret").close(); // names are case-insensitive
            statement.execute("DROP USER alice");
            assertThat(catchThrowableOfType(SQLException.class, () -> connect("alice", "second-secret")).getSQLState())
                    .isEqualTo("28P01");
        }
    }

    @Test
    void thePasswordNeverCrossesTheWire() throws Exception {
        try (RawClient client = new RawClient(server.port())) {
            ServerMessage answer = ManualLogin.login(client, ADMIN, PASSWORD, database);
            assertThat(answer).isInstanceOf(ServerMessage.Ready.class);
            byte[] password = PASSWORD.getBytes(StandardCharsets.UTF_8);
            byte[] base64 = Base64.getEncoder().encode(password);
            for (byte[] frame : client.sentFrames()) {
                assertThat(indexOf(frame, password)).as("password in a frame").isEqualTo(-1);
                assertThat(indexOf(frame, base64)).as("base64 of the password in a frame").isEqualTo(-1);
            }
        }
    }

    @Test
    void aWrongProofByHandIsRefused() throws Exception {
        try (RawClient client = new RawClient(server.port())) {
            ServerMessage answer = ManualLogin.login(client, ADMIN, "not-it", database);
            assertThat(answer).isInstanceOf(ServerMessage.Error.class);
            assertThat(((ServerMessage.Error) answer).sqlState()).isEqualTo("28P01");
            assertThat(client.closedByServer()).isTrue();
        }
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}

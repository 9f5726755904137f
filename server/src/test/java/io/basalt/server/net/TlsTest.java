package io.basalt.server.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.basalt.server.testing.TestServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.Key;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Base64;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** TLS on the SQL port (issue 6): a self-signed certificate made with the JDK's keytool at test time. */
class TlsTest {
    private static final char[] STORE_PASSWORD = "changeit".toCharArray();

    @TempDir
    static Path directory;
    private static Path certificate;
    private static WireServer tlsServer;

    @BeforeAll
    static void start() throws Exception {
        Path store = directory.resolve("server.p12");
        Process keytool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair", "-alias", "basalt", "-keyalg", "EC", "-groupname", "secp256r1", "-validity", "2",
                "-dname", "CN=localhost", "-ext", "SAN=ip:127.0.0.1,dns:localhost", "-storetype", "PKCS12",
                "-keystore", store.toString(), "-storepass", new String(STORE_PASSWORD))
                .redirectErrorStream(true).start();
        String output = new String(keytool.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(keytool.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(keytool.exitValue()).as(output).isZero();

        KeyStore keys = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(store)) {
            keys.load(in, STORE_PASSWORD);
        }
        Key key = keys.getKey("basalt", STORE_PASSWORD);
        Certificate cert = keys.getCertificate("basalt");
        certificate = directory.resolve("cert.pem");
        Path privateKey = directory.resolve("key.pem");
        Files.writeString(certificate, pem("CERTIFICATE", cert.getEncoded()));
        Files.writeString(privateKey, pem("PRIVATE KEY", key.getEncoded())); // PKCS#8
        tlsServer = TestServer.start(TestServer.inMemoryOptions().withTls(new WireServerOptions.Tls(certificate, privateKey)));
    }

    @AfterAll
    static void stop() {
        tlsServer.close();
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(der) + "\n-----END " + type + "-----\n";
    }

    private static String url(int port, String extra) {
        return "jdbc:basalt://127.0.0.1:" + port + "/tls?user=" + TestServer.ADMIN + "&password=" + TestServer.PASSWORD + extra;
    }

    @Test
    void aClientTrustingTheCertificateConnectsOverTls() throws SQLException {
        try (Connection connection = DriverManager.getConnection(url(tlsServer.port(), "&ssl=true&sslrootcert=" + certificate));
             ResultSet rows = connection.createStatement().executeQuery("SELECT 41 + 1")) {
            assertThat(rows.next()).isTrue();
            assertThat(rows.getInt(1)).isEqualTo(42);
        }
    }

    @Test
    void aClientThatDoesNotTrustTheCertificateIsRefused() {
        SQLException error = catchThrowableOfType(SQLException.class,
                () -> DriverManager.getConnection(url(tlsServer.port(), "&ssl=true")));
        assertThat(error.getSQLState()).isEqualTo("08001");
        assertThat(error.getMessage()).contains("TLS handshake");
    }

    @Test
    void aPlainClientIsToldTheServerRequiresTls() {
        SQLException error = catchThrowableOfType(SQLException.class,
                () -> DriverManager.getConnection(url(tlsServer.port(), "")));
        assertThat(error.getSQLState()).isEqualTo("08P01");
        assertThat(error.getMessage()).contains("requires TLS");
    }

    @Test
    void aTlsClientIsRefusedByAPlainServer() {
        try (WireServer plain = TestServer.start(TestServer.inMemoryOptions())) {
            SQLException error = catchThrowableOfType(SQLException.class,
                    () -> DriverManager.getConnection(url(plain.port(), "&sslmode=require")));
            assertThat(error.getSQLState()).isEqualTo("08001");
            assertThat(error.getMessage()).contains("TLS handshake");
        }
    }

    @Test
    void neitherThePasswordNorTheQueryCrossesTheWireInClear() throws Exception {
        try (Recorder recorder = new Recorder(tlsServer.port());
             Connection connection = DriverManager.getConnection(url(recorder.port(), "&ssl=true&sslrootcert=" + certificate));
             ResultSet rows = connection.createStatement().executeQuery("SELECT 'needle-in-the-stream'")) {
            assertThat(rows.next()).isTrue();
            connection.close();
            String seen = recorder.seen();
            assertThat(seen).isNotEmpty();
            assertThat(seen).doesNotContain(TestServer.PASSWORD).doesNotContain("needle-in-the-stream")
                    .doesNotContain(TestServer.ADMIN + "\u0000");
        }
    }

    /** A one-connection TCP relay that keeps a copy of what the client sent. */
    private static final class Recorder implements AutoCloseable {
        private final ServerSocket listener;
        private final java.io.ByteArrayOutputStream copy = new java.io.ByteArrayOutputStream();
        private final Thread thread;

        Recorder(int target) throws IOException {
            listener = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"));
            thread = new Thread(() -> relay(target), "tls-test-recorder");
            thread.setDaemon(true);
            thread.start();
        }

        int port() {
            return listener.getLocalPort();
        }

        private void relay(int target) {
            try (Socket client = listener.accept(); Socket server = new Socket("127.0.0.1", target)) {
                Thread back = new Thread(() -> pump(server, client, null), "tls-test-recorder-back");
                back.setDaemon(true);
                back.start();
                pump(client, server, copy);
            } catch (IOException e) {
                // the test closed the relay
            }
        }

        private static void pump(Socket from, Socket to, java.io.ByteArrayOutputStream record) {
            byte[] buffer = new byte[8192];
            try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                    if (record != null) {
                        synchronized (record) {
                            record.write(buffer, 0, n);
                        }
                    }
                    out.write(buffer, 0, n);
                }
            } catch (IOException e) {
                // one side closed
            }
        }

        String seen() {
            synchronized (copy) {
                return copy.toString(StandardCharsets.ISO_8859_1);
            }
        }

        @Override
        public void close() throws IOException {
            listener.close();
        }
    }
}

package io.basalt.server.net;

import static org.assertj.core.api.Assertions.assertThat;

import io.basalt.server.testing.TestServer;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;

class RemoteSmokeTest {
    @Test
    void createInsertSelectOverTheWire() throws Exception {
        try (Connection c = DriverManager.getConnection(TestServer.freshDatabaseUrl(TestServer.shared()));
             Statement s = c.createStatement()) {
            s.execute("CREATE TABLE t (id INTEGER PRIMARY KEY, name VARCHAR(10), d DECIMAL(8,2))");
            assertThat(s.executeUpdate("INSERT INTO t VALUES (1, 'a', 1.50), (2, 'b', NULL)")).isEqualTo(2);
            try (PreparedStatement p = c.prepareStatement("SELECT name, d FROM t WHERE id = ?")) {
                p.setInt(1, 1);
                try (ResultSet r = p.executeQuery()) {
                    assertThat(r.next()).isTrue();
                    assertThat(r.getString(1)).isEqualTo("a");
                    assertThat(r.getBigDecimal(2)).isEqualByComparingTo("1.50");
                    assertThat(r.next()).isFalse();
                }
            }
        }
    }
}

package io.basalt.jdbc.internal;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/** Tests that need a connection (opened through DriverManager) and the fake session behind it. */
abstract class WithFakeConnection {
    protected Connection connection;
    protected FakeSession session;

    @BeforeEach
    void openConnection() throws SQLException {
        connection = DriverManager.getConnection(FakeSessionProvider.URL_PREFIX + getClass().getSimpleName());
        session = FakeSessionProvider.lastOpened();
    }

    @AfterEach
    void closeConnection() throws SQLException {
        connection.close();
    }

    /** A result set positioned on the one row of ALL_TYPES with values (nulls = false) or on its row of NULLs. */
    protected ResultSet allTypesRow(boolean nulls) throws SQLException {
        ResultSet rs = connection.createStatement().executeQuery(FakeSession.ALL_TYPES);
        rs.next();
        if (nulls) {
            rs.next();
        }
        return rs;
    }

    /** A result set positioned on a single row holding {@code value} in a column of {@code jdbcType}. */
    protected ResultSet single(Object value, int jdbcType) throws SQLException {
        String sql = "SELECT single value";
        session.rows(sql, List.of(FakeSession.column("X", jdbcType)), new Object[] {value});
        Statement statement = connection.createStatement();
        ResultSet rs = statement.executeQuery(sql);
        rs.next();
        return rs;
    }
}

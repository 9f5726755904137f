package io.basalt.microbench;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The table and statements the SQL benchmarks share (embedded and remote), so that the two measure
 * the very same work and differ only in how the driver reaches the engine.
 */
final class AccountWorkload {
    static final int ROWS = 10_000;
    static final String SELECT = "SELECT owner, balance FROM account WHERE id = ?";
    private static final String INSERT = "INSERT INTO account VALUES (?, ?, ?)";

    private AccountWorkload() {
    }

    /** Creates the table and loads {@link #ROWS} rows in batches. */
    static void load(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE account (id INT PRIMARY KEY, owner VARCHAR(20), balance DECIMAL(12,2))");
        }
        try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
            for (int id = 0; id < ROWS; id++) {
                insert.setInt(1, id);
                insert.setString(2, "owner " + id);
                insert.setBigDecimal(3, BigDecimal.valueOf(id, 2));
                insert.addBatch();
                if (id % 500 == 499) {
                    insert.executeBatch();
                }
            }
            insert.executeBatch();
        }
    }

    /** One benchmark thread's connection, with its statements prepared once. */
    static final class Client implements AutoCloseable {
        final Connection connection;
        private final PreparedStatement select;
        private final PreparedStatement insert;

        Client(String url) throws SQLException {
            connection = DriverManager.getConnection(url);
            select = connection.prepareStatement(SELECT);
            insert = connection.prepareStatement(INSERT);
        }

        /** A prepared point SELECT of a random existing row. */
        String pointSelect() throws SQLException {
            return AccountWorkload.pointSelect(select);
        }

        /** A prepared single-row INSERT in autocommit. */
        int insert(int id) throws SQLException {
            insert.setInt(1, id);
            insert.setString(2, "new");
            insert.setBigDecimal(3, BigDecimal.ONE);
            return insert.executeUpdate();
        }

        @Override
        public void close() throws SQLException {
            connection.close();
        }
    }

    static String pointSelect(PreparedStatement select) throws SQLException {
        select.setInt(1, ThreadLocalRandom.current().nextInt(ROWS));
        try (ResultSet row = select.executeQuery()) {
            row.next();
            return row.getString(1);
        }
    }
}

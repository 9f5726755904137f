package io.basalt.server.crash;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The program {@link CrashRecoveryIT} runs in a second JVM and kills with SIGKILL. It writes to a
 * file database and reports on stdout what it knows is committed:
 * <ul>
 *   <li>{@code committed <id>} after each auto-commit insert into {@code log} returned;</li>
 *   <li>transfers between accounts spread over the partitions, in explicit transactions, so many
 *       are two-phase commits caught half-way by the kill;</li>
 *   <li>one transaction that writes rows with negative ids on every partition and never commits.</li>
 * </ul>
 * It runs until it is killed.
 */
public final class CrashingWorkload {
    static final int ACCOUNTS = 32;
    static final long INITIAL_BALANCE = 1_000;

    private CrashingWorkload() {
    }

    public static void main(String[] args) throws Exception {
        String url = "jdbc:basalt:file:" + args[0];
        try (Connection setup = DriverManager.getConnection(url)) {
            try (Statement statement = setup.createStatement()) {
                statement.execute("CREATE TABLE log (id BIGINT PRIMARY KEY, note VARCHAR(20))");
                statement.execute("CREATE TABLE account (id INT PRIMARY KEY, balance BIGINT NOT NULL)");
            }
            try (PreparedStatement insert = setup.prepareStatement("INSERT INTO account VALUES (?, ?)")) {
                for (int i = 0; i < ACCOUNTS; i++) {
                    insert.setInt(1, i);
                    insert.setLong(2, INITIAL_BALANCE);
                    insert.addBatch();
                }
                insert.executeBatch();
            }
        }
        Connection uncommitted = DriverManager.getConnection(url);
        uncommitted.setAutoCommit(false);
        try (PreparedStatement insert = uncommitted.prepareStatement("INSERT INTO log VALUES (?, 'never committed')")) {
            for (int i = 1; i <= 64; i++) {
                insert.setLong(1, -i);
                insert.executeUpdate();
            }
        }
        Thread transfers = new Thread(() -> transferForever(url), "transfers");
        transfers.setDaemon(true);
        transfers.start();
        System.out.println("ready");
        System.out.flush();
        try (Connection connection = DriverManager.getConnection(url);
             PreparedStatement insert = connection.prepareStatement("INSERT INTO log VALUES (?, 'committed')")) {
            for (long id = 1; ; id++) {
                insert.setLong(1, id);
                insert.executeUpdate();
                System.out.println("committed " + id);
                System.out.flush();
            }
        }
    }

    private static void transferForever(String url) {
        try (Connection connection = DriverManager.getConnection(url)) {
            connection.setAutoCommit(false);
            try (PreparedStatement read = connection.prepareStatement("SELECT balance FROM account WHERE id = ?");
                 PreparedStatement write = connection.prepareStatement("UPDATE account SET balance = ? WHERE id = ?")) {
                while (true) {
                    ThreadLocalRandom random = ThreadLocalRandom.current();
                    int from = random.nextInt(ACCOUNTS);
                    int to = (from + 1 + random.nextInt(ACCOUNTS - 1)) % ACCOUNTS;
                    try {
                        long fromBalance = balance(read, from);
                        long toBalance = balance(read, to);
                        long amount = random.nextLong(1, 100);
                        update(write, from, fromBalance - amount);
                        update(write, to, toBalance + amount);
                        connection.commit();
                    } catch (SQLException e) {
                        connection.rollback();
                    }
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static long balance(PreparedStatement read, int id) throws SQLException {
        read.setInt(1, id);
        try (ResultSet rows = read.executeQuery()) {
            rows.next();
            return rows.getLong(1);
        }
    }

    private static void update(PreparedStatement write, int id, long balance) throws SQLException {
        write.setLong(1, balance);
        write.setInt(2, id);
        write.executeUpdate();
    }
}

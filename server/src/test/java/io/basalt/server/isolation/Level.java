package io.basalt.server.isolation;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The isolation levels the isolation tests run at, each reached through the JDBC interface an
 * application uses: {@link Connection#setTransactionIsolation} and, for SERIALIZABLE, the
 * {@code serializable} session setting that picks SSI or two-phase locking (ARCHITECTURE.md
 * section 3).
 */
public enum Level {
    READ_COMMITTED(Connection.TRANSACTION_READ_COMMITTED, null),
    /** REPEATABLE READ in JDBC and SQL: snapshot isolation with first-updater-wins. */
    SNAPSHOT(Connection.TRANSACTION_REPEATABLE_READ, null),
    /** SERIALIZABLE by serializable snapshot isolation (the default protocol). */
    SSI(Connection.TRANSACTION_SERIALIZABLE, "ssi"),
    /** SERIALIZABLE by two-phase locking: conflicting statements block, deadlock victims get 40P01. */
    TWO_PL(Connection.TRANSACTION_SERIALIZABLE, "2pl");

    private final int jdbcIsolation;
    private final String serializableProtocol;

    Level(int jdbcIsolation, String serializableProtocol) {
        this.jdbcIsolation = jdbcIsolation;
        this.serializableProtocol = serializableProtocol;
    }

    /**
     * Makes the connection's future transactions run at this level. Call it before the first
     * statement of a transaction (with auto-commit on, or between transactions).
     */
    public void configure(Connection connection) throws SQLException {
        connection.setTransactionIsolation(jdbcIsolation);
        if (serializableProtocol != null) {
            try (Statement statement = connection.createStatement()) {
                statement.execute("SET serializable = '" + serializableProtocol + "'");
            }
        }
    }

    /** Whether the level promises serializability, so that every committed history must have a serial order. */
    public boolean isSerializable() {
        return serializableProtocol != null;
    }

    /** Whether conflicting reads and writes wait for each other (two-phase locking) rather than use snapshots. */
    public boolean readsTakeLocks() {
        return this == TWO_PL;
    }
}

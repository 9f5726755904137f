package io.basalt.common.client;

import java.sql.Connection;

/**
 * The isolation levels a session can ask for, with their JDBC constants (ARCHITECTURE.md section 3):
 * REPEATABLE READ is snapshot isolation; SERIALIZABLE is serializable snapshot isolation unless the
 * session asks for two-phase locking.
 */
public enum TransactionIsolation {
    READ_COMMITTED(Connection.TRANSACTION_READ_COMMITTED, "READ COMMITTED"),
    REPEATABLE_READ(Connection.TRANSACTION_REPEATABLE_READ, "REPEATABLE READ"),
    SERIALIZABLE(Connection.TRANSACTION_SERIALIZABLE, "SERIALIZABLE");

    private final int jdbcLevel;
    private final String sqlName;

    TransactionIsolation(int jdbcLevel, String sqlName) {
        this.jdbcLevel = jdbcLevel;
        this.sqlName = sqlName;
    }

    public int jdbcLevel() {
        return jdbcLevel;
    }

    /** The level's name in SQL, as {@code SHOW TRANSACTION ISOLATION LEVEL} prints it (lower-cased there). */
    public String sqlName() {
        return sqlName;
    }

    /** The level for a JDBC constant; READ UNCOMMITTED is upgraded to READ COMMITTED, as PostgreSQL does. */
    public static TransactionIsolation fromJdbc(int level) {
        switch (level) {
            case Connection.TRANSACTION_READ_UNCOMMITTED:
            case Connection.TRANSACTION_READ_COMMITTED:
                return READ_COMMITTED;
            case Connection.TRANSACTION_REPEATABLE_READ:
                return REPEATABLE_READ;
            case Connection.TRANSACTION_SERIALIZABLE:
                return SERIALIZABLE;
            default:
                throw new IllegalArgumentException("not a JDBC isolation level: " + level);
        }
    }
}
